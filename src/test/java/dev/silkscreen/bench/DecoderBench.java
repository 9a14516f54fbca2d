package dev.silkscreen.bench;

import static dev.silkscreen.decode.TestPackets.CELL1_MAC;
import static dev.silkscreen.decode.TestPackets.CELL2_MAC;
import static dev.silkscreen.decode.TestPackets.VTEP1_MAC;
import static dev.silkscreen.decode.TestPackets.VTEP2_MAC;
import static dev.silkscreen.decode.TestPackets.ethernet;
import static dev.silkscreen.decode.TestPackets.icmp;
import static dev.silkscreen.decode.TestPackets.ip;
import static dev.silkscreen.decode.TestPackets.ipv4;
import static dev.silkscreen.decode.TestPackets.tcp;
import static dev.silkscreen.decode.TestPackets.udp;
import static dev.silkscreen.decode.TestPackets.vxlan;

import dev.silkscreen.decode.DecodedFrame;
import dev.silkscreen.decode.FrameDecoder;
import dev.silkscreen.decode.TestPackets;
import dev.silkscreen.model.LinkType;
import java.util.Arrays;
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
 * Frames per second the decoder takes on one thread, on underlay VXLAN-GBP frames like a cell's:
 * a mix of TCP SYNs with options, 1400-byte data segments, ACKs and ICMP port-unreachable
 * errors, all decoded down to the inner packet. One operation = one frame.
 *
 * <p>Run: {@code mvn -q -Pbench test-compile exec:exec -Dbench.args="DecoderBench -f1 -wi 2 -i 3"}
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 3)
@Fork(1)
public class DecoderBench {
    static final int BATCH = 1024;

    private final FrameDecoder decoder = new FrameDecoder();
    private final DecodedFrame out = new DecodedFrame();
    private byte[][] frames;

    @Setup
    public void setUp() {
        int appB = ip("10.255.1.2");
        int appA = ip("10.255.2.3");
        byte[][] kinds = {
            TestPackets.silkVxlanSyn(),
            underlay(ipv4(appB, appA, 6, 7, tcp(40000, 8080, 1_000_001L, 5001, 0x18, new byte[1400]))),
            underlay(ipv4(appA, appB, 6, 8, tcp(8080, 40000, 5001, 1_001_401L, 0x10, new byte[0]))),
            underlay(ipv4(ip("10.255.2.0"), appB, 1, 9, icmp(3, 3, 0,
                    Arrays.copyOf(ipv4(appB, appA, 6, 10, tcp(40001, 9999, 42, 0, 0x02, new byte[0])), 28)))),
        };
        frames = new byte[BATCH][];
        for (int i = 0; i < BATCH; i++) {
            frames[i] = kinds[i % kinds.length];
        }
    }

    /** The frames of the mix, for other benchmarks. */
    byte[][] frames() {
        return frames;
    }

    private static byte[] underlay(byte[] innerIp) {
        byte[] inner = ethernet(VTEP2_MAC, VTEP1_MAC, 0x0800, innerIp);
        return ethernet(CELL2_MAC, CELL1_MAC, 0x0800, ipv4(ip("10.0.16.11"), ip("10.0.16.12"), 17, 1,
                udp(50000, 4789, vxlan(0x88, 0, 3, 1, inner))));
    }

    @Benchmark
    @OperationsPerInvocation(BATCH)
    public long decodeVxlanFrames() {
        long sum = 0;
        for (byte[] f : frames) {
            decoder.decode(LinkType.ETHERNET, f, 0, f.length, f.length, out);
            sum += out.seq + out.gbp + out.sport + out.quotedSport;
        }
        return sum;
    }
}
