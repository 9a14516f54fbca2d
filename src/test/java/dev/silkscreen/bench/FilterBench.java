package dev.silkscreen.bench;

import dev.silkscreen.decode.DecodedFrame;
import dev.silkscreen.decode.FrameDecoder;
import dev.silkscreen.filter.DisplayFilter;
import dev.silkscreen.filter.FilterException;
import dev.silkscreen.filter.Subject;
import dev.silkscreen.model.LinkType;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Frames per second a display filter takes on one thread, decoding included, on the same
 * underlay VXLAN-GBP mix as {@link DecoderBench}, with an expression that reads the underlay,
 * the VXLAN header, the inner and the quoted packet. One operation = one frame.
 *
 * <p>Run: {@code mvn -q -Pbench test-compile exec:exec -Dbench.args="FilterBench -f1 -wi 2 -i 3"}
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 3)
@Fork(1)
public class FilterBench {
    private final FrameDecoder decoder = new FrameDecoder();
    private final Subject subject = new Subject(new DecodedFrame());
    private final DecoderBench frames = new DecoderBench();
    private DisplayFilter filter;

    @Setup
    public void setUp() throws FilterException {
        frames.setUp();
        filter = DisplayFilter.compile("ip.dst == 10.255.0.0/16 && (tcp.flags.syn == 1 || icmp.type == 3) && vxlan.gbp in {3, 4, 7}"
                + " && !(tcp.port in {22, 443})");
    }

    @Benchmark
    @OperationsPerInvocation(DecoderBench.BATCH)
    public long decodeAndFilter() {
        long kept = 0;
        for (byte[] f : frames.frames()) {
            decoder.decode(LinkType.ETHERNET, f, 0, f.length, f.length, subject.decoded);
            if (filter.test(subject)) {
                kept++;
            }
        }
        return kept;
    }
}
