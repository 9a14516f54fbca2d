package dev.silkscreen.trace;

import static org.assertj.core.api.Assertions.assertThat;

import dev.silkscreen.model.CapturePoint;
import dev.silkscreen.model.CaptureSink;
import dev.silkscreen.model.Foundation;
import dev.silkscreen.model.Frame;
import dev.silkscreen.model.FrameSource;
import dev.silkscreen.model.Journey;
import dev.silkscreen.model.Verdict;
import dev.silkscreen.pipeline.TraceInput;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The testbed's real captures ({@code assets/captures}, made by a real kernel) with one whole
 * cell's frames left out: no journey contradicts the trace of the full capture (which the
 * testbed tests check against what the kernel did) — the same verdict, drop step and cell, or
 * unknown with the reason why. The uncaptured cell is announced as a live session announces a
 * cell it cannot reach, or not at all (frames alone cannot know of it).
 */
class HalfBlindSamplesTest {
    private static final Path DIR = Path.of("assets/captures");

    static Stream<String> samples() {
        return Stream.of("seed", "no-policy", "stale-fdb", "mtu");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("samples")
    void leavingOutAnyCellNeverContradictsTheFullCapture(String sample) throws Exception {
        Foundation topology = TraceInput.readTopology(DIR.resolve("testbed-" + sample + ".topology.json"));
        List<Journey> full = trace(sample, topology, null, false);
        assertThat(full).isNotEmpty();
        Map<SimTraces.Key, List<Journey>> truth = index(full);

        List<String> wrong = new ArrayList<>();
        int compared = 0;
        for (String cell : cellsOf(full)) {
            for (Foundation topo : new Foundation[] {topology, null}) {
                for (boolean announce : new boolean[] {true, false}) {
                    String what = "without " + cell + (topo == null ? ", frames alone" : ", with topology")
                            + (announce ? ", announced" : "");
                    Map<SimTraces.Key, Integer> used = new HashMap<>();
                    for (Journey j : trace(sample, topo, cell, announce)) {
                        SimTraces.Key k = SimTraces.keyOf(j);
                        int n = used.merge(k, 1, Integer::sum) - 1;
                        List<Journey> ts = truth.getOrDefault(k, List.of());
                        if (n >= ts.size()) {
                            wrong.add(what + ": a journey the full capture does not have: " + j.flow() + " " + j.summary());
                            continue;
                        }
                        compared++;
                        String problem = contradiction(ts.get(n), j);
                        if (problem != null) {
                            wrong.add(what + ": " + problem + ": " + j.flow() + " " + j.summary() + "\n      full: "
                                    + ts.get(n).verdict().word() + " " + ts.get(n).dropStage() + " on " + ts.get(n).dropCell()
                                    + "\n      half: " + j.verdict().word() + " " + j.dropStage() + " on " + j.dropCell() + ": " + j.reason());
                        }
                    }
                }
            }
        }
        assertThat(wrong).as(sample + ": journeys that contradict the full capture").isEmpty();
        assertThat(compared).isPositive();
    }

    /** The operator's case: cell2's key file was wrong, so only cell1 was captured, and AppB's SYN was denied. */
    @Test
    void theDeniedSynSeenOnlyOnCell1IsPlacedAtStepTenOnCell2AsAnInference() throws Exception {
        Foundation topology = TraceInput.readTopology(DIR.resolve("testbed-no-policy.topology.json"));
        for (Foundation topo : new Foundation[] {topology, null}) {
            assertThat(trace("no-policy", topo, "cell2", true)).filteredOn(j -> j.summary().equals("TCP SYN"))
                    .isNotEmpty().allSatisfy(j -> {
                        assertThat(j.verdict()).isEqualTo(Verdict.DROPPED);
                        assertThat(j.dropStage()).isEqualTo(10);
                        assertThat(j.dropCell()).isEqualTo("cell2");
                        assertThat(j.reason()).startsWith("rejected by policy at step 10 on cell2 (not captured; inferred from its"
                                + " ICMP reject): ICMP port unreachable from 10.255.21.0 quoting it");
                    });
        }
    }

    private static String contradiction(Journey full, Journey half) {
        return switch (half.verdict()) {
            case UNKNOWN -> half.reason() != null && half.reason().startsWith("not captured") ? null : "unknown without saying why";
            case DELIVERED -> full.verdict() == Verdict.DELIVERED ? null : "called delivered";
            case DROPPED -> full.verdict() != Verdict.DROPPED ? "called dropped"
                    : full.dropStage() != half.dropStage() || !full.dropCell().equals(half.dropCell()) ? "drop placed elsewhere" : null;
            case IN_FLIGHT -> "in flight after the end";
        };
    }

    private static Set<String> cellsOf(List<Journey> journeys) {
        Set<String> cells = new LinkedHashSet<>();
        for (Journey j : journeys) {
            j.hops().forEach(h -> cells.add(h.point().cell()));
        }
        return cells;
    }

    private static Map<SimTraces.Key, List<Journey>> index(List<Journey> journeys) {
        Map<SimTraces.Key, List<Journey>> out = new HashMap<>();
        for (Journey j : journeys) {
            out.computeIfAbsent(SimTraces.keyOf(j), k -> new ArrayList<>()).add(j);
        }
        return out;
    }

    /** The sample traced without {@code leftOut}'s frames and points (null: all of it). */
    private static List<Journey> trace(String sample, Foundation topology, String leftOut, boolean announce)
            throws IOException, InterruptedException {
        FrameSource file = new CaptureFileSource(DIR.resolve("testbed-" + sample + ".pcapng"), null);
        FrameSource source = leftOut == null ? file : without(file, leftOut, announce);
        List<Journey> journeys = new ArrayList<>();
        Tracer.run(source, topology, TraceSettings.defaults(), journeys::add);
        return journeys;
    }

    private static FrameSource without(FrameSource source, String cell, boolean announce) {
        return new FrameSource() {
            @Override
            public String describe() {
                return source.describe() + " without " + cell;
            }

            @Override
            public void run(CaptureSink sink) throws IOException, InterruptedException {
                if (announce) {
                    sink.uncaptured(cell, "cannot read key file /nonexistent/" + cell + ".key");
                }
                source.run(new CaptureSink() {
                    @Override
                    public void accept(Frame f) {
                        if (!f.point().cell().equals(cell)) {
                            sink.accept(f);
                        }
                    }

                    @Override
                    public void opened(CapturePoint p, long startNanos) {
                        if (!p.cell().equals(cell)) {
                            sink.opened(p, startNanos);
                        }
                    }

                    @Override
                    public void closed(CapturePoint p, long endNanos) {
                        if (!p.cell().equals(cell)) {
                            sink.closed(p, endNanos);
                        }
                    }

                    @Override
                    public void declared(CapturePoint p) {
                        if (!p.cell().equals(cell)) {
                            sink.declared(p);
                        }
                    }
                });
            }
        };
    }
}
