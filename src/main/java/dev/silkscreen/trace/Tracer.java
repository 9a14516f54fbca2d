package dev.silkscreen.trace;

import dev.silkscreen.model.Foundation;
import dev.silkscreen.model.FrameSource;
import dev.silkscreen.model.Journey;
import java.io.IOException;
import java.util.List;
import java.util.function.Consumer;

/**
 * Runs one trace: feeds a source through a correlator to the end and hands every journey, as it
 * is decided, to a consumer. What the CLI, tests and benchmarks call.
 */
public final class Tracer {

    /** What a finished trace counted. */
    public record Outcome(TraceStats stats, List<CellClock> clocks, long dropped, long evicted) {
    }

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
        store.addListener(j -> {
            if (j.verdict() == dev.silkscreen.model.Verdict.DROPPED) {
                dropped[0]++;
            }
            journeys.accept(j);
        });
        Correlator correlator = new Correlator(settings, topology, store);
        try {
            source.run(correlator);
        } finally {
            correlator.finish();
        }
        return new Outcome(correlator.stats(), correlator.clocks(), dropped[0], store.evicted());
    }
}
