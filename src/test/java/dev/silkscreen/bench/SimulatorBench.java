package dev.silkscreen.bench;

import dev.silkscreen.sim.Scenario;
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

    @Setup
    public void setUp() {
        busy = Scenarios.named("busy");
    }

    @Benchmark
    public void busy(Made made) {
        Simulator.stream(busy, ++seed, 20_000, Duration.ofSeconds(5), f -> made.frames++, t -> made.packets++);
    }
}
