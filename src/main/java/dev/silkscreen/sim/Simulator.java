package dev.silkscreen.sim;

import dev.silkscreen.model.Foundation;
import dev.silkscreen.model.Frame;
import dev.silkscreen.model.FrameSink;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.Consumer;

/**
 * Runs a scenario: builds its foundation as Silk would, then lets its traffic through the
 * computed data path. Deterministic for a seed: the same seed gives the same bytes at the same
 * times. Times are ns since the epoch from {@link #BASE_EPOCH_NANOS} plus a seed-dependent offset.
 */
public final class Simulator {
    /** 2026-01-01T00:00:00Z. */
    public static final long BASE_EPOCH_NANOS = 1_767_225_600_000_000_000L;
    /** How long a scenario runs when neither it nor the caller says. */
    public static final Duration DEFAULT_DURATION = Duration.ofSeconds(30);

    private Simulator() {
    }

    /** Start time of a run with this seed: the base plus up to about 18 hours, in whole ms. */
    public static long startNanos(long seed) {
        return BASE_EPOCH_NANOS + Math.floorMod(seed * 7919L, 65_536L) * 1_000_000_000L;
    }

    /** The foundation a scenario runs on (as written to {@code NAME.topology.json}). */
    public static Foundation foundation(Scenario scenario, long seed) {
        return SilkFoundation.build(TrafficPlan.expand(scenario.spec(), seed), seed).foundation();
    }

    /**
     * Runs a scenario and collects everything: frames in time order, truth in order of sending.
     *
     * @param packets  stop after this many overlay packets (0 or less: no limit)
     * @param duration simulated time to run (null: the scenario's own, else {@link #DEFAULT_DURATION})
     */
    public static SimResult run(Scenario scenario, long seed, long packets, Duration duration) {
        List<Frame> frames = new ArrayList<>();
        List<PacketTruth> truth = new ArrayList<>();
        Foundation f = stream(scenario, seed, packets, duration, frames::add, truth::add);
        truth.sort(java.util.Comparator.comparingLong(PacketTruth::sentAtNanos));
        return new SimResult(f, List.copyOf(frames), List.copyOf(truth));
    }

    /**
     * Runs a scenario, handing frames (in time order) and ground truth to the consumers as they
     * are made; memory stays bounded however long it runs.
     *
     * @return the foundation it ran on
     */
    public static Foundation stream(Scenario scenario, long seed, long packets, Duration duration,
                                    FrameSink frames, Consumer<PacketTruth> truth) {
        ScenarioSpec spec = TrafficPlan.expand(scenario.spec(), seed);
        BuiltFoundation built = SilkFoundation.build(spec, seed);
        long start = startNanos(seed);
        Duration d = duration != null ? duration
                : spec.duration() != null ? Duration.ofNanos(ScenarioSpec.nanos(spec.duration())) : DEFAULT_DURATION;
        long end = start + d.toNanos();
        EventLoop loop = new EventLoop(start, end);
        FrameOrderer orderer = new FrameOrderer(frames);
        long[] count = {0};
        long limit = packets > 0 ? packets : Long.MAX_VALUE;
        Datapath dp = new Datapath(built, seed, orderer, t -> {
            count[0]++;
            truth.accept(t);
        });
        new TrafficPlan(dp, loop, built, new SplittableRandom(seed), start).schedule(spec);
        while (count[0] < limit && loop.step()) {
            orderer.releaseBefore(loop.peekTime());
        }
        orderer.flush();
        return built.foundation();
    }
}
