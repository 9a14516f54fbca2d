package dev.silkscreen.bench;

import dev.silkscreen.sim.Scenario;
import dev.silkscreen.sim.ScenarioSpec;
import dev.silkscreen.sim.Scenarios;
import dev.silkscreen.sim.Simulator;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Frames the simulator generates per second for {@code busy} (20 cells, 300 instances, random
 * traffic), streamed to a sink that only counts them. The {@code frames} counter is the figure.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class SimulatorBench {
    private Scenario busy;
    private long seed;

    /** Frames and packets made, reported per second by JMH. */
    @State(Scope.Thread)
    @AuxCounters(AuxCounters.Type.OPERATIONS)
    public static class Made {
        public long frames;
        public long packets;

        @Setup(Level.Iteration)
        public void clear() {
            frames = 0;
            packets = 0;
        }
    }

    /** {@code busy} with conversations starting without end (every 200 µs on average), not a fixed 400. */
    @Setup
    public void setUp() {
        Scenario b = Scenarios.named("busy");
        ScenarioSpec s = b.spec();
        ScenarioSpec.RandomSpec r = s.random();
        busy = new Scenario(b.name(), b.description(), new ScenarioSpec(s.name(), s.description(), s.duration(),
                s.cells(), s.apps(), s.instances(), s.policies(), s.faults(), s.traffic(),
                new ScenarioSpec.RandomSpec(r.cells(), r.apps(), r.instances(), r.policies(), r.allowedShare(), 0)));
    }

    /** One run: 100 000 overlay packets (about 600 000 frames). */
    @Benchmark
    public void busy(Made made) {
        Simulator.stream(busy, ++seed, 100_000, Duration.ofSeconds(60), f -> made.frames++, t -> made.packets++);
    }
}
