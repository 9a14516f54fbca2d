package dev.silkscreen.trace;

import static org.assertj.core.api.Assertions.assertThat;

import dev.silkscreen.model.CapturePoint;
import dev.silkscreen.model.Frame;
import dev.silkscreen.model.Journey;
import dev.silkscreen.model.PointKind;
import dev.silkscreen.model.Verdict;
import dev.silkscreen.sim.PacketTruth;
import dev.silkscreen.sim.Scenarios;
import dev.silkscreen.sim.SimResult;
import dev.silkscreen.sim.Simulator;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * For every built-in scenario, the correlator — seeing only frames, with every cell's clock
 * skewed and jittered — agrees with the simulator's ground truth on every packet.
 */
class TraceAgreesWithSimulatorTest {
    private static final long SEED = 7;

    /** Every built-in scenario, and the test's own (src/test/resources/trace/scenarios: faults the built-ins leave out). */
    static Stream<String> scenarios() {
        return Stream.concat(Scenarios.BUILT_IN.stream(),
                Stream.of("fdb-to-nowhere", "three-cells-mixed").map(n -> "src/test/resources/trace/scenarios/" + n + ".yaml"));
    }

    /** The scenarios in which some packet crosses the underlay: the only ones a capture of NICs alone can check. */
    static Stream<String> crossingScenarios() {
        return scenarios().filter(n -> !SimTraces.seenKeys(simulate(n).frames().stream()
                .filter(f -> f.point().kind() == PointKind.UNDERLAY).toList()).isEmpty());
    }

    private static SimResult simulate(String name) {
        return Simulator.run(Scenarios.resolve(name), SEED, 20_000, null);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("scenarios")
    void everyPacketAgreesWithGroundTruthWithSkewedClocksAndTopology(String name) {
        SimResult r = simulate(name);
        List<Frame> frames = SimTraces.skewed(r, SEED);
        List<Journey> journeys = SimTraces.trace(frames, r.foundation(), r.foundation(), p -> true);
        assertAgrees(r, frames, journeys);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("scenarios")
    void everyPacketAgreesWithGroundTruthFromFramesAlone(String name) {
        SimResult r = simulate(name);
        List<Frame> frames = SimTraces.skewed(r, SEED + 1);
        List<Journey> journeys = SimTraces.trace(frames, r.foundation(), null, p -> true);
        assertAgrees(r, frames, journeys);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("scenarios")
    void removingADestinationVethMakesItsDeliveriesUnknownNeverDropped(String name) {
        SimResult r = simulate(name);
        List<Frame> frames = SimTraces.skewed(r, SEED + 2);
        Set<String> destinations = destinationsOfDelivered(r);
        Predicate<CapturePoint> captured = p -> !(p.kind() == PointKind.CONTAINER_VETH && destinations.contains(p.name()));
        List<Journey> journeys = SimTraces.trace(frames, r.foundation(), r.foundation(), captured);
        assertNeverWrong(r, frames, captured, journeys);
        if (!destinations.isEmpty()) {
            assertThat(journeys).anyMatch(j -> j.verdict() == Verdict.UNKNOWN && j.reason().startsWith("not captured"));
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("scenarios")
    void removingEverySilkVtepKeepsVerdictsRightOrUnknown(String name) {
        SimResult r = simulate(name);
        List<Frame> frames = SimTraces.skewed(r, SEED + 3);
        Predicate<CapturePoint> captured = p -> p.kind() != PointKind.VTEP;
        assertNeverWrong(r, frames, captured, SimTraces.trace(frames, r.foundation(), r.foundation(), captured));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("crossingScenarios")
    void capturingOnlyUnderlayNicsNeverCallsAnUncapturedHopADrop(String name) {
        SimResult r = simulate(name);
        List<Frame> frames = SimTraces.skewed(r, SEED + 4);
        Predicate<CapturePoint> captured = p -> p.kind() == PointKind.UNDERLAY;
        assertNeverWrong(r, frames, captured, SimTraces.trace(frames, r.foundation(), r.foundation(), captured));
    }

    /** The veth of the first container a container's packet was delivered to (none when no such packet). */
    @ParameterizedTest(name = "{0}")
    @MethodSource("crossingScenarios")
    void capturingOnlyUnderlayNicsWithoutTopologyNeverCallsAnUncapturedHopADrop(String name) {
        SimResult r = simulate(name);
        List<Frame> frames = SimTraces.skewed(r, SEED + 5);
        Predicate<CapturePoint> captured = p -> p.kind() == PointKind.UNDERLAY;
        assertNeverWrong(r, frames, captured, SimTraces.trace(frames, r.foundation(), null, captured));
    }

    private static Set<String> destinationsOfDelivered(SimResult r) {
        for (PacketTruth t : r.truth()) {
            boolean fromContainer = r.foundation().instanceByIp(t.flow().src()).isPresent();
            if (t.verdict() == Verdict.DELIVERED && fromContainer) {
                return r.foundation().instanceByIp(t.flow().dst()).map(i -> Set.of(i.cell() + ":" + i.vethName())).orElse(Set.of());
            }
        }
        return Set.of();
    }

    /** Every packet that left a frame has exactly its truth; no journey is made up. */
    static void assertAgrees(SimResult r, List<Frame> frames, List<Journey> journeys) {
        Map<SimTraces.Key, List<Journey>> byKey = index(journeys);
        Set<SimTraces.Key> seen = SimTraces.seenKeys(frames);
        List<String> wrong = new ArrayList<>();
        int compared = 0;
        Map<SimTraces.Key, Integer> used = new HashMap<>();
        for (PacketTruth t : r.truth()) {
            SimTraces.Key k = SimTraces.keyOf(t);
            List<Journey> js = byKey.getOrDefault(k, List.of());
            int n = used.merge(k, 1, Integer::sum) - 1;
            if (n >= js.size()) {
                if (seen.contains(k)) {
                    wrong.add("no journey for " + describe(t));
                }
                continue;
            }
            Journey j = js.get(n);
            compared++;
            if (j.verdict() != t.verdict() || j.dropStage() != t.dropStage()
                    || !java.util.Objects.equals(j.dropCell(), t.dropCell()) || j.stage() != t.lastStage()) {
                wrong.add(describe(t) + "\n      traced: " + j.verdict().word() + " stage " + j.stage() + " drop "
                        + j.dropStage() + " on " + j.dropCell() + ": " + j.reason());
            }
            if (j.verdict() == Verdict.DROPPED && (j.reason() == null || !j.reason().contains(j.dropCell()))) {
                wrong.add(describe(t) + "\n      traced reason does not name the cell: " + j.reason());
            }
            if (!j.summary().equals(t.summary())) {
                wrong.add(describe(t) + "\n      traced summary: " + j.summary());
            }
        }
        int truths = 0;
        for (PacketTruth t : r.truth()) {
            if (seen.contains(SimTraces.keyOf(t))) {
                truths++;
            }
        }
        assertThat(wrong).as("packets the trace got wrong").isEmpty();
        assertThat(journeys).as("one journey per captured packet, none made up").hasSize(truths);
        assertThat(compared).isPositive();
    }

    /**
     * With points removed: every packet a captured point saw has its journey, and it is never a
     * drop that did not happen; a drop is where it happened; else unknown.
     */
    private static void assertNeverWrong(SimResult r, List<Frame> frames, Predicate<CapturePoint> captured, List<Journey> journeys) {
        Map<SimTraces.Key, List<Journey>> byKey = index(journeys);
        Set<SimTraces.Key> seen = SimTraces.seenKeys(frames.stream().filter(f -> captured.test(f.point())).toList());
        List<String> wrong = new ArrayList<>();
        Map<SimTraces.Key, Integer> used = new HashMap<>();
        int compared = 0;
        for (PacketTruth t : r.truth()) {
            SimTraces.Key k = SimTraces.keyOf(t);
            List<Journey> js = byKey.getOrDefault(k, List.of());
            int n = used.merge(k, 1, Integer::sum) - 1;
            if (n >= js.size()) {
                if (seen.contains(k)) {
                    wrong.add("no journey for " + describe(t));
                }
                continue;
            }
            Journey j = js.get(n);
            compared++;
            boolean ok = switch (j.verdict()) {
                case UNKNOWN -> j.reason() != null && j.reason().startsWith("not captured");
                case DELIVERED -> t.verdict() == Verdict.DELIVERED;
                case DROPPED -> t.verdict() == Verdict.DROPPED && j.dropStage() == t.dropStage()
                        && j.dropCell().equals(t.dropCell());
                case IN_FLIGHT -> false;
            };
            if (!ok) {
                wrong.add(describe(t) + "\n      traced: " + j.verdict().word() + " drop " + j.dropStage() + " on "
                        + j.dropCell() + ": " + j.reason());
            }
        }
        assertThat(wrong).as("packets the trace got wrong").isEmpty();
        assertThat(compared).as(r.foundation().name() + ": journeys compared with the truth (none: nothing was checked)").isPositive();
        assertThat(journeys).as("journeys with no packet behind them").hasSize(compared);
    }

    private static Map<SimTraces.Key, List<Journey>> index(List<Journey> journeys) {
        Map<SimTraces.Key, List<Journey>> byKey = new HashMap<>();
        for (Journey j : journeys) {
            byKey.computeIfAbsent(SimTraces.keyOf(j), k -> new ArrayList<>()).add(j);
        }
        return byKey;
    }

    private static String describe(PacketTruth t) {
        return t.summary() + " " + t.flow() + " id " + t.ipId() + " seq " + t.seq() + ": truth " + t.verdict().word()
                + " stage " + t.lastStage() + " drop " + t.dropStage() + " on " + t.dropCell() + " (" + t.reason() + ")";
    }
}
