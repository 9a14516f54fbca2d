package dev.silkscreen.ui.live;

import dev.silkscreen.model.Foundation;
import dev.silkscreen.model.Journey;
import dev.silkscreen.ui.source.Run;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * Journeys of a live session on their way to the picture. The correlator's thread {@link #offer}s
 * each journey as it completes; the FX thread {@link #drain}s on a timer and gets at most one new
 * {@link Run} per drain, however many journeys (or topology changes) arrived in between. The store
 * is bounded like a capture's: the oldest journeys beyond {@link #maxJourneys} are let go.
 */
public final class JourneyFeed {
    private final ConcurrentLinkedQueue<Journey> pending = new ConcurrentLinkedQueue<>();
    private final ArrayDeque<Journey> kept = new ArrayDeque<>();
    private final String title;
    private final int maxJourneys;
    private volatile Foundation foundation;
    private volatile boolean topologyChanged;
    private long evicted;

    public JourneyFeed(String title, Foundation foundation, int maxJourneys) {
        this.title = title;
        this.foundation = foundation;
        this.maxJourneys = maxJourneys;
    }

    /** From any thread: one completed journey. */
    public void offer(Journey j) {
        pending.add(j);
    }

    /** From any thread: discovery changed the foundation (e.g. a cell came back). */
    public void topology(Foundation f) {
        foundation = f;
        topologyChanged = true;
    }

    /** Journeys offered and not yet drained. */
    public int pending() {
        return pending.size();
    }

    /** The run as it stands now (all journeys kept so far), whether or not anything changed. */
    public Run current() {
        String note = evicted > 0 ? "only the latest " + maxJourneys + " journeys kept" : "";
        return new Run(title, Run.Origin.LIVE, foundation, List.copyOf(kept), note);
    }

    /**
     * Takes everything offered since the last drain (one thread only, the FX thread).
     *
     * @return the run with the new journeys, or null when nothing arrived
     */
    public Run drain() {
        List<Journey> batch = new ArrayList<>();
        Journey j;
        while ((j = pending.poll()) != null) {
            batch.add(j);
        }
        boolean changed = topologyChanged;
        topologyChanged = false;
        if (batch.isEmpty() && !changed) {
            return null;
        }
        for (Journey b : batch) {
            if (kept.size() == maxJourneys) {
                kept.removeFirst();
                evicted++;
            }
            kept.addLast(b);
        }
        return current();
    }
}
