package dev.silkscreen.bench;

import dev.silkscreen.model.Frame;
import dev.silkscreen.sim.Scenarios;
import dev.silkscreen.sim.SimResult;
import dev.silkscreen.sim.Simulator;
import dev.silkscreen.trace.Correlator;
import dev.silkscreen.trace.JourneyStore;
import dev.silkscreen.trace.TraceSettings;
import java.util.List;
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
 * Frames per second decoded and correlated on one thread: the simulator's {@code busy}
 * foundation (many apps on several cells, allowed and denied conversations), every frame of every
 * capture point, through a fresh {@link Correlator} each invocation (journeys decided and stored,
 * bounded store). One operation = one frame.
 *
 * <p>Run: {@code mvn -q -Pbench test-compile exec:exec -Dbench.args="TraceBench -f1 -wi 2 -i 3"}
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 2, time = 3)
@Measurement(iterations = 3, time = 5)
@Fork(value = 1, jvmArgs = {"-Xmx2g"})
public class TraceBench {
    /** Frames per invocation: the busy run's frames over and over, each round later than the last. */
    static final int FRAMES = 250_000;
    private static final long ROUND_GAP_NANOS = 10_000_000_000L;

    private Frame[] frames;

    @Setup
    public void setUp() {
        SimResult r = Simulator.run(Scenarios.named("busy"), 1, 0, null);
        List<Frame> run = r.frames();
        long span = run.get(run.size() - 1).timeNanos() - run.get(0).timeNanos() + ROUND_GAP_NANOS;
        frames = new Frame[FRAMES];
        for (int i = 0; i < FRAMES; i++) {
            Frame f = run.get(i % run.size());
            long shift = (i / run.size()) * span;
            frames[i] = new Frame(f.point(), f.timeNanos() + shift, f.linkType(), f.origLen(), f.data());
        }
    }

    @Benchmark
    @OperationsPerInvocation(FRAMES)
    public long decodeAndCorrelate() {
        JourneyStore store = new JourneyStore(4096);
        Correlator c = new Correlator(TraceSettings.defaults(), null, store);
        for (Frame f : frames) {
            c.accept(f);
        }
        c.finish();
        return store.added();
    }
}
