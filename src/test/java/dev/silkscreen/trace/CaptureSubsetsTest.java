package dev.silkscreen.trace;

import static org.assertj.core.api.Assertions.assertThat;

import dev.silkscreen.model.CapturePoint;
import dev.silkscreen.model.Cell;
import dev.silkscreen.model.Foundation;
import dev.silkscreen.model.Frame;
import dev.silkscreen.model.Journey;
import dev.silkscreen.model.Verdict;
import dev.silkscreen.pipeline.ScenarioSource;
import dev.silkscreen.sim.PacketTruth;
import dev.silkscreen.sim.Scenarios;
import dev.silkscreen.sim.SimResult;
import dev.silkscreen.sim.Simulator;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Half-blind is never wrong: for every built-in scenario, with capture points taken away (every
 * subset where a foundation has few enough points, else a seeded sample; every single point; and
 * each whole cell), with and without the topology file, {@code trace} never names a drop step or
 * cell the simulator's ground truth contradicts, never calls a drop delivered or a delivery
 * dropped, and says why whenever it says unknown.
 */
class CaptureSubsetsTest {
    private static final long SEED = 19;
    /** A foundation with at most this many points has every subset tried; one with more, a sample. */
    private static final int EXHAUSTIVE_POINTS = 9;
    private static final int SAMPLED_SUBSETS = 160;

    static Stream<String> scenarios() {
        return Stream.concat(Scenarios.BUILT_IN.stream(),
                Stream.of("fdb-to-nowhere", "three-cells-mixed").map(n -> "src/test/resources/trace/scenarios/" + n + ".yaml"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("scenarios")
    void noSubsetOfCapturePointsMakesTheTraceContradictTheTruth(String name) {
        SimResult r = Simulator.run(Scenarios.resolve(name), SEED, 300, null);
        List<Frame> frames = SimTraces.skewed(r, SEED);
        List<CapturePoint> points = ScenarioSource.points(r.foundation());
        Map<String, Set<CapturePoint>> removals = removals(r.foundation(), points);

        List<String> wrong = new ArrayList<>();
        int compared = 0;
        for (Map.Entry<String, Set<CapturePoint>> e : removals.entrySet()) {
            Set<CapturePoint> removed = e.getValue();
            for (Foundation topology : new Foundation[] {r.foundation(), null}) {
                List<Journey> journeys = trace(frames, r.foundation(), topology, removed);
                compared += check(r, journeys, (topology == null ? "frames alone, " : "with topology, ") + e.getKey(), wrong);
                if (wrong.size() > 20) {
                    break;
                }
            }
        }
        assertThat(wrong).as(name + ": journeys that contradict the simulator's truth").isEmpty();
        assertThat(compared).as("journeys compared").isPositive();
    }

    /** The half-blind case of issue 19: only cell1 captured, AppB's SYN rejected by cell2. */
    @org.junit.jupiter.api.Test
    void aRejectMadeOnTheUncapturedCellIsPlacedThereAndSaysItIsInferred() {
        SimResult r = Simulator.run(Scenarios.resolve("no-policy"), SEED, 300, null);
        List<Frame> frames = SimTraces.skewed(r, SEED);
        Set<CapturePoint> cell2 = new HashSet<>();
        ScenarioSource.points(r.foundation()).stream().filter(p -> p.cell().equals("cell2")).forEach(cell2::add);
        String inferred = "rejected by policy at step 10 on cell2 (not captured; inferred from its ICMP reject): "
                + "ICMP port unreachable from 10.255.21.0 quoting it";

        for (Foundation topology : new Foundation[] {r.foundation(), null}) {
            assertThat(trace(frames, r.foundation(), topology, cell2)).filteredOn(j -> j.summary().equals("TCP SYN"))
                    .isNotEmpty().allSatisfy(j -> {
                        assertThat(j.verdict()).isEqualTo(Verdict.DROPPED);
                        assertThat(j.dropStage()).isEqualTo(10);
                        assertThat(j.dropCell()).isEqualTo("cell2");
                        assertThat(j.reason()).startsWith(inferred);
                    });
        }
        // Frames alone, and nobody said cell2 exists: which cell made it is not known, and the journey says so.
        List<Journey> blind = SimTraces.trace(frames, r.foundation(), null, p -> !cell2.contains(p));
        assertThat(blind).filteredOn(j -> j.summary().equals("TCP SYN")).isNotEmpty().allSatisfy(j -> {
            assertThat(j.verdict()).isEqualTo(Verdict.UNKNOWN);
            assertThat(j.reason()).startsWith("not captured: ICMP port unreachable from 10.255.21.0 quoting it, made by the cell holding 10.255.21.0/24");
        });
    }

    /**
     * {@link SimTraces#trace} with {@code removed} taken away; a cell with every point removed is
     * announced as not captured, as a live session announces a cell it cannot reach (frames
     * alone cannot know a cell exists that nothing captured).
     */
    private static List<Journey> trace(List<Frame> frames, Foundation f, Foundation topology, Set<CapturePoint> removed) {
        JourneyStore store = new JourneyStore(1_000_000);
        List<Journey> journeys = new ArrayList<>();
        store.addListener(journeys::add);
        Correlator c = new Correlator(TraceSettings.defaults(), topology, store);
        for (Cell cell : f.cells()) {
            if (ScenarioSource.points(f).stream().filter(p -> p.cell().equals(cell.name())).allMatch(removed::contains)) {
                c.uncaptured(cell.name(), "left out by the test");
            }
        }
        long first = frames.isEmpty() ? 0 : frames.get(0).timeNanos();
        long last = frames.isEmpty() ? 0 : frames.get(frames.size() - 1).timeNanos();
        List<CapturePoint> points = ScenarioSource.points(f);
        for (CapturePoint p : points) {
            if (!removed.contains(p)) {
                c.opened(p, first - 1_000_000_000L);
            }
        }
        for (Frame fr : frames) {
            if (!removed.contains(fr.point())) {
                c.accept(fr);
            }
        }
        for (CapturePoint p : points) {
            if (!removed.contains(p)) {
                c.closed(p, last + 1_000_000_000L);
            }
        }
        c.finish();
        return journeys;
    }

    /** What to take away, by a name for the message: each cell, each point, and subsets. */
    private static Map<String, Set<CapturePoint>> removals(Foundation f, List<CapturePoint> points) {
        Map<String, Set<CapturePoint>> out = new LinkedHashMap<>();
        for (Cell c : f.cells()) {
            Set<CapturePoint> of = new HashSet<>();
            for (CapturePoint p : points) {
                if (p.cell().equals(c.name())) {
                    of.add(p);
                }
            }
            out.put("all of " + c.name() + " missing", of);
        }
        for (CapturePoint p : points) {
            out.put(p.name() + " missing", Set.of(p));
        }
        int n = points.size();
        if (n <= EXHAUSTIVE_POINTS) {
            for (int mask = 1; mask < (1 << n) - 1; mask++) {
                out.putIfAbsent(subsetName(points, mask), subset(points, mask));
            }
        } else {
            Random rnd = new Random(SEED + n);
            for (int i = 0; i < SAMPLED_SUBSETS; i++) {
                long mask = rnd.nextLong() & ((1L << n) - 1);
                if (mask != 0 && Long.bitCount(mask) < n) {
                    out.putIfAbsent(subsetName(points, mask), subset(points, mask));
                }
            }
        }
        return out;
    }

    private static Set<CapturePoint> subset(List<CapturePoint> points, long mask) {
        Set<CapturePoint> s = new HashSet<>();
        for (int i = 0; i < points.size(); i++) {
            if ((mask & (1L << i)) != 0) {
                s.add(points.get(i));
            }
        }
        return s;
    }

    private static String subsetName(List<CapturePoint> points, long mask) {
        List<String> names = new ArrayList<>();
        for (CapturePoint p : subset(points, mask)) {
            names.add(p.name());
        }
        names.sort(null);
        return String.join(" ", names) + " missing";
    }

    /** Compares each journey with its packet's truth; adds what is wrong to {@code wrong}; returns how many were compared. */
    private static int check(SimResult r, List<Journey> journeys, String what, List<String> wrong) {
        Map<SimTraces.Key, List<Journey>> byKey = new HashMap<>();
        for (Journey j : journeys) {
            byKey.computeIfAbsent(SimTraces.keyOf(j), k -> new ArrayList<>()).add(j);
        }
        Map<SimTraces.Key, Integer> used = new HashMap<>();
        int compared = 0;
        for (PacketTruth t : r.truth()) {
            SimTraces.Key k = SimTraces.keyOf(t);
            List<Journey> js = byKey.getOrDefault(k, List.of());
            int n = used.merge(k, 1, Integer::sum) - 1;
            if (n >= js.size()) {
                continue;
            }
            Journey j = js.get(n);
            compared++;
            String problem = switch (j.verdict()) {
                case UNKNOWN -> j.reason() != null && j.reason().startsWith("not captured") ? null : "unknown without saying why";
                case DELIVERED -> t.verdict() == Verdict.DELIVERED ? null : "called delivered";
                case DROPPED -> t.verdict() != Verdict.DROPPED ? "called dropped"
                        : j.dropStage() != t.dropStage() || !t.dropCell().equals(j.dropCell()) ? "drop placed wrong"
                        : j.reason() == null || !j.reason().contains(j.dropCell()) ? "reason does not name the cell" : null;
                case IN_FLIGHT -> "in flight after the end";
            };
            if (problem != null && wrong.size() <= 20) {
                wrong.add(what + ": " + problem + ": " + t.summary() + " " + t.flow() + " id " + t.ipId() + ": truth "
                        + t.verdict().word() + " drop " + t.dropStage() + " on " + t.dropCell() + " (" + t.reason() + ")"
                        + "\n      traced: " + j.verdict().word() + " drop " + j.dropStage() + " on " + j.dropCell() + ": " + j.reason());
            }
        }
        return compared;
    }
}
