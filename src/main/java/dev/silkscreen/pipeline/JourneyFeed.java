package dev.silkscreen.pipeline;

import dev.silkscreen.model.Foundation;
import dev.silkscreen.model.Journey;
import dev.silkscreen.trace.JourneyStore;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * Journeys of a live session on their way to the picture. The correlator's thread {@link #offer}s
 * each journey as it completes; the FX thread {@link #drain}s on a timer and gets at most one new
 * {@link Run} per drain, however many journeys (or topology changes) arrived in between. The store
 * is bounded like a capture's ({@link JourneyStore}): the oldest journeys beyond its capacity are let go.
 */
public final class JourneyFeed {
    private final ConcurrentLinkedQueue<Journey> pending = new ConcurrentLinkedQueue<>();
    private final JourneyStore kept;
    private final String title;
    private volatile Foundation foundation;
    private volatile boolean topologyChanged;
    private volatile String coverage;

    public JourneyFeed(String title, Foundation foundation, int maxJourneys) {
        this.title = title;
        this.foundation = foundation;
        this.kept = new JourneyStore(maxJourneys);
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

    /** From any thread: which cells are not captured, with why (null when every cell is): the run's note says it. */
    public void coverage(String warning) {
        if (!java.util.Objects.equals(coverage, warning)) {
            coverage = warning;
            topologyChanged = true;
        }
    }

    /** Journeys offered and not yet drained. */
    public int pending() {
        return pending.size();
    }

    /** The run as it stands now (all journeys kept so far), whether or not anything changed. */
    public Run current() {
        String note = kept.evicted() > 0 ? "only the latest " + kept.capacity() + " journeys kept" : "";
        String warning = coverage;
        if (warning != null) {
            note = note.isEmpty() ? warning : warning + " · " + note;
        }
        return new Run(title, Run.Origin.LIVE, foundation, kept.snapshot(), note);
    }

    /**
     * Takes everything offered since the last drain (one thread only, the FX thread).
     *
     * @return the run with the new journeys, or null when nothing arrived
     */
    public Run drain() {
        boolean changed = topologyChanged;
        topologyChanged = false;
        Journey j;
        while ((j = pending.poll()) != null) {
            kept.add(j);
            changed = true;
        }
        return changed ? current() : null;
    }
}
