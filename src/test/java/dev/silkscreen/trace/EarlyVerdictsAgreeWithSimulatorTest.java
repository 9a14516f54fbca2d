package dev.silkscreen.trace;

import static org.assertj.core.api.Assertions.assertThat;

import dev.silkscreen.model.CapturePoint;
import dev.silkscreen.model.Foundation;
import dev.silkscreen.model.Frame;
import dev.silkscreen.model.Hop;
import dev.silkscreen.model.Journey;
import dev.silkscreen.pipeline.ScenarioSource;
import dev.silkscreen.sim.Scenarios;
import dev.silkscreen.sim.SimResult;
import dev.silkscreen.sim.Simulator;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every scenario's frames delivered the way live streams deliver them: each cell's points late by
 * that cell's own lag, in bursts per point, with each stream's progress reported every 100 ms.
 * Journeys decided at once must be the journeys the window would have decided: the same verdict
 * as the simulator's truth, and the same path (every hop) as tracing the capture files.
 */
class EarlyVerdictsAgreeWithSimulatorTest {
    private static final long SEED = 11;
    private static final long MS = 1_000_000;
    private static final long TICK = 100 * MS;

    static java.util.stream.Stream<String> scenarios() {
        return TraceAgreesWithSimulatorTest.scenarios();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("scenarios")
    void journeysDecidedAtOnceHaveTheTruthsVerdictAndTheFilesPath(String name) {
        SimResult r = Simulator.run(Scenarios.resolve(name), SEED, 20_000, null);
        List<Frame> frames = SimTraces.skewed(r, SEED);
        List<Journey> fromFiles = SimTraces.trace(frames, r.foundation(), r.foundation(), p -> true);
        long[] settled = {0};
        List<Journey> live = asStreams(frames, r.foundation(), settled);
        live.sort(Comparator.comparingLong(Journey::id));

        TraceAgreesWithSimulatorTest.assertAgrees(r, frames, live);
        Map<SimTraces.Key, List<List<Integer>>> paths = new HashMap<>();
        for (Journey j : fromFiles) {
            paths.computeIfAbsent(SimTraces.keyOf(j), k -> new ArrayList<>()).add(stages(j));
        }
        Map<SimTraces.Key, Integer> used = new HashMap<>();
        List<String> different = new ArrayList<>();
        for (Journey j : live) {
            SimTraces.Key k = SimTraces.keyOf(j);
            int n = used.merge(k, 1, Integer::sum) - 1;
            List<List<Integer>> expected = paths.getOrDefault(k, List.of());
            if (n >= expected.size() || !expected.get(n).equals(stages(j))) {
                different.add(j.flow() + " " + j.summary() + ": live " + stages(j) + ", files " + (n < expected.size() ? expected.get(n) : "none"));
            }
        }
        assertThat(different).as("journeys whose path differs from the capture files' trace").isEmpty();
        if (fromFiles.stream().anyMatch(j -> j.stage() == 11)) {
            assertThat(settled[0]).as("journeys decided before their window").isPositive();
        }
    }

    private static List<Integer> stages(Journey j) {
        return j.hops().stream().map(Hop::stage).toList();
    }

    /**
     * Feeds the frames as they would arrive: cell {@code i} {@code 30 + 170 i} ms late, each point
     * in bursts every 40-250 ms; every 100 ms each point reports how far its stream is complete.
     */
    private static List<Journey> asStreams(List<Frame> frames, Foundation f, long[] settled) {
        Random rnd = new Random(SEED);
        Map<String, Long> lag = new HashMap<>();
        for (int i = 0; i < f.cells().size(); i++) {
            lag.put(f.cells().get(i).name(), (30 + 170L * i) * MS);
        }
        List<CapturePoint> points = ScenarioSource.points(f);
        Map<CapturePoint, Long> burst = new HashMap<>();
        for (CapturePoint p : points) {
            burst.put(p, (40 + rnd.nextInt(210)) * MS);
        }
        record Arrival(Frame frame, long at) {
        }
        List<Arrival> arrivals = new ArrayList<>();
        for (Frame fr : frames) {
            long b = burst.get(fr.point());
            long ready = fr.timeNanos() + lag.get(fr.point().cell());
            arrivals.add(new Arrival(fr, Math.floorDiv(ready + b - 1, b) * b));
        }
        arrivals.sort(Comparator.comparingLong(Arrival::at));

        JourneyStore store = new JourneyStore(1_000_000);
        List<Journey> out = new ArrayList<>();
        store.addListener(out::add);
        Correlator c = new Correlator(TraceSettings.defaults(), f, store);
        long first = frames.get(0).timeNanos();
        for (CapturePoint p : points) {
            c.opened(p, first - 1_000 * MS);
        }
        long now = first;
        int next = 0;
        while (next < arrivals.size()) {
            while (next < arrivals.size() && arrivals.get(next).at() <= now) {
                c.accept(arrivals.get(next++).frame());
            }
            for (CapturePoint p : points) {
                long b = burst.get(p);
                // Every frame captured up to here has arrived by now.
                c.advanced(p, Math.floorDiv(now, b) * b - b - lag.get(p.cell()));
            }
            now += TICK;
        }
        long end = arrivals.get(arrivals.size() - 1).frame().timeNanos() + 1_000 * MS;
        for (CapturePoint p : points) {
            c.closed(p, end);
        }
        c.finish();
        settled[0] = c.settledEarly();
        return out;
    }
}
