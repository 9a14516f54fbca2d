package dev.silkscreen.trace;

import java.util.HashSet;
import java.util.Set;

/**
 * The live-stream gate: with a source that reports each point's progress ({@code advanced}), a
 * journey is decided only once every point still capturing has passed its window, because a
 * point's frames may come later than others' (one SSH stream per cell, each with its own lag).
 * A cell none of whose streams has sent a frame yet holds its journeys a little longer
 * ({@link #UNHEARD_CELL_HOLD_NANOS}): its first backlog may come late.
 */
final class StreamGate {
    /**
     * How much longer a journey waits for a cell of its flow none of whose live streams has sent a
     * frame yet: its first backlog may come late (one slow SSH connection per cell), and how late
     * is not known before it comes.
     */
    static final long UNHEARD_CELL_HOLD_NANOS = 3_000_000_000L;

    private final Topology topo;
    private final ClockSync clocks;
    /** Points whose progress the source reports; the slowest open one, cached. */
    private int streamedPoints;
    private long low = Long.MAX_VALUE;
    private PointState slowest;
    private boolean dirty;
    /** Cells one of whose points has sent a frame. */
    private final Set<String> heardCells = new HashSet<>();

    StreamGate(Topology topo, ClockSync clocks) {
        this.topo = topo;
        this.clocks = clocks;
    }

    /** True once the source reports progress per point: journeys then wait for the slowest stream. */
    boolean active() {
        return streamedPoints > 0;
    }

    /** A point opened or closed: the slowest stream is to be found again. */
    void changed() {
        dirty = true;
    }

    /** The source says {@code ps}'s stream is complete up to {@code nanos} (its own clock). */
    void advanced(PointState ps, long nanos) {
        if (!ps.streamed) {
            ps.streamed = true;
            streamedPoints++;
            if (ps.frames > 0) {
                heardCells.add(ps.cell);
            }
        }
        if (nanos > ps.streamedTo) {
            ps.streamedTo = nanos;
        }
        dirty = true;
    }

    /** A frame of {@code ps} at {@code nanos} (its own clock); {@code first}: the point's first frame. */
    void frame(PointState ps, boolean first, long nanos) {
        if (first && ps.streamed && heardCells.add(ps.cell)) {
            distrustUnheardProgress(ps, nanos);
        }
        if (ps.streamed && nanos > ps.streamedTo) {
            ps.streamedTo = nanos;
        }
        dirty |= ps == slowest;
    }

    /**
     * True while a cell at either end of the journey's flow is being streamed but has sent no
     * frame yet, and its streams have not passed the journey's window by {@link #UNHEARD_CELL_HOLD_NANOS}.
     */
    boolean waitsForUnheardCell(OpenJourney j, long windowNanos) {
        long until = j.lastCorrected + windowNanos + UNHEARD_CELL_HOLD_NANOS;
        return unheardBefore(topo.cellOfOverlay(j.key.src()), until) || unheardBefore(topo.cellOfOverlay(j.key.dst()), until);
    }

    /**
     * The earliest time (corrected) every point still capturing has passed, once a source reports
     * progress per point (it then does so for each of its points); MAX_VALUE when none is capturing.
     */
    long slowestStream() {
        if (dirty) {
            dirty = false;
            long lowest = Long.MAX_VALUE;
            PointState at = null;
            for (PointState ps : topo.points()) {
                if (ps.open) {
                    // A point still capturing that has reported no progress yet has given its frames' times only.
                    long to = ps.streamed ? ps.streamedTo : ps.lastNanos;
                    long c = to == Long.MIN_VALUE ? Long.MIN_VALUE : clocks.correct(ps, to);
                    if (c < lowest) {
                        lowest = c;
                        at = ps;
                    }
                }
            }
            low = lowest;
            slowest = at;
        }
        return low;
    }

    /**
     * A cell's first frame: how far its streams were reported complete while nothing had come was
     * a guess, and the frame shows how late they are. Its points that have sent nothing are taken
     * as complete only up to this frame (the source reports them again, knowing better, next time).
     */
    private void distrustUnheardProgress(PointState first, long nanos) {
        for (PointState ps : topo.points()) {
            if (ps.cell.equals(first.cell) && ps.streamed && (ps == first || ps.frames == 0) && ps.streamedTo > nanos) {
                ps.streamedTo = nanos;
                dirty = true;
            }
        }
    }

    private boolean unheardBefore(String cell, long correctedNanos) {
        if (cell == null || heardCells.contains(cell)) {
            return false;
        }
        boolean waiting = false;
        for (PointState ps : topo.points()) {
            if (ps.cell.equals(cell) && ps.open && ps.streamed) {
                if (ps.frames > 0) {
                    heardCells.add(cell);
                    return false;
                }
                if (ps.streamedTo == Long.MIN_VALUE || clocks.correct(ps, ps.streamedTo) < correctedNanos) {
                    waiting = true;
                }
            }
        }
        return waiting;
    }
}
