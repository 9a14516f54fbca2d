package dev.silkscreen.trace;

import dev.silkscreen.model.Foundation;
import dev.silkscreen.model.FrameSource;
import dev.silkscreen.model.Ipv4;
import dev.silkscreen.model.Journey;
import dev.silkscreen.model.SilkNames;
import java.io.IOException;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Runs one trace: feeds a source through a correlator to the end and hands every journey, as it
 * is decided, to a consumer. What the CLI, tests and benchmarks call.
 */
public final class Tracer {

    /**
     * What a finished trace counted, and the foundation it traced against: the topology given, or
     * the one the correlator learned from the frames (cells, underlay addresses, leases, containers).
     */
    /** @param uncaptured cells known to exist (from the topology or the source) with no point captured, with why (null: not said) */
    public record Outcome(TraceStats stats, List<CellClock> clocks, long dropped, long evicted, Foundation foundation,
                          java.util.Map<String, String> uncaptured) {
    }

    /** Overlay addresses remembered as the ends of journeys, at most, for a learned foundation's containers. */
    static final int MAX_ENDPOINTS = 1 << 16;

    private Tracer() {
    }

    /**
     * @param topology a topology file's foundation, or null to infer it from the frames
     * @param journeys receives each journey once decided, in order of first sighting
     */
    public static Outcome run(FrameSource source, Foundation topology, TraceSettings settings, Consumer<Journey> journeys)
            throws IOException, InterruptedException {
        JourneyStore store = new JourneyStore(settings.capacity());
        long[] dropped = {0};
        Set<Integer> endpoints = new HashSet<>();
        store.addListener(j -> {
            if (j.verdict() == dev.silkscreen.model.Verdict.DROPPED) {
                dropped[0]++;
            }
            if (topology == null && endpoints.size() < MAX_ENDPOINTS) {
                overlay(j.flow().src(), endpoints);
                overlay(j.flow().dst(), endpoints);
            }
            journeys.accept(j);
        });
        Correlator correlator = new Correlator(settings, topology, store);
        try {
            source.run(correlator);
        } finally {
            correlator.finish();
        }
        return new Outcome(correlator.stats(), correlator.clocks(), dropped[0], store.evicted(),
                topology != null ? topology : correlator.learnedFoundation(endpoints), correlator.uncapturedCells());
    }

    private static void overlay(String ip, Set<Integer> into) {
        try {
            int v = Ipv4.parse(ip);
            if (SilkNames.isOverlay(v)) {
                into.add(v);
            }
        } catch (IllegalArgumentException e) {
            // not an IPv4 address: no container to place
        }
    }
}
