package dev.silkscreen.trace;

import dev.silkscreen.model.PointKind;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * Estimates each cell's capture-clock offset from packets seen leaving one cell and arriving at
 * another. For cells A and B and the same kind of points, {@code d(A→B) = latency + (off(B) − off(A))}
 * and {@code d(B→A) = latency − (off(B) − off(A))}: so the offset difference is half the difference
 * of the two directions' medians and the one-way latency half their sum (medians shrug off
 * outliers and jitter). With one direction only, the latency is taken as zero. Offsets are
 * relative to a reference cell (the first by name among those linked); a corrected time is
 * {@code raw − offset(cell)}.
 */
final class ClockSync {
    /** Samples kept per direction and kind of hop. */
    static final int SAMPLES = 256;
    /**
     * Estimates are worked out again after 1, 2, 4 ... samples (the first journeys' hop times
     * depend on them), then every this many.
     */
    private static final int REESTIMATE_EVERY = 4096;

    private record Direction(String from, String to, PointKind fromKind, PointKind toKind) {
    }

    private static final class Samples {
        final long[] values = new long[SAMPLES];
        int count;
        int next;

        void add(long v) {
            values[next] = v;
            next = (next + 1) % SAMPLES;
            if (count < SAMPLES) {
                count++;
            }
        }

        long median() {
            long[] copy = Arrays.copyOf(values, count);
            Arrays.sort(copy);
            return copy[count / 2];
        }
    }

    private final Map<Direction, Samples> samples = new HashMap<>();
    private final Map<String, Long> offsets = new HashMap<>();
    private final List<CellClock> estimates = new ArrayList<>();
    private int sinceEstimate;
    private long total;
    /** Bumped at every estimate, so points know to fetch their cell's offset again. */
    private long version;

    /** A packet left {@code fromCell} (at a {@code fromKind} point) at {@code fromRaw} and reached {@code toCell} at {@code toRaw}. */
    void observe(String fromCell, PointKind fromKind, long fromRaw, String toCell, PointKind toKind, long toRaw) {
        if (fromCell.equals(toCell)) {
            return;
        }
        samples.computeIfAbsent(new Direction(fromCell, toCell, fromKind, toKind), d -> new Samples()).add(toRaw - fromRaw);
        total++;
        sinceEstimate++;
        if ((total < REESTIMATE_EVERY && Long.bitCount(total) == 1) || sinceEstimate >= REESTIMATE_EVERY) {
            estimate();
        }
    }

    /** True when some pair of cells was matched in both directions (the offsets are then real). */
    boolean hasTwoWayLink() {
        for (CellClock c : estimates) {
            if (c.bothWays() && !c.cell().equals(c.reference())) {
                return true;
            }
        }
        return false;
    }

    /** Offset of a cell's clock from the reference cell's, 0 when not known. */
    long offset(String cell) {
        Long o = offsets.get(cell);
        return o == null ? 0 : o;
    }

    long correct(String cell, long rawNanos) {
        return rawNanos - offset(cell);
    }

    /** As {@link #correct(String, long)}, with the point's cell offset cached on the point until the next estimate. */
    long correct(PointState p, long rawNanos) {
        if (p.offsetVersion != version) {
            p.offsetNanos = offset(p.cell);
            p.offsetVersion = version;
        }
        return rawNanos - p.offsetNanos;
    }

    /** Raw time on {@code cell}'s clock of a corrected time. */
    long toRaw(String cell, long correctedNanos) {
        return correctedNanos + offset(cell);
    }

    /** The current estimates, one per cell that could be linked. */
    List<CellClock> estimates() {
        if (sinceEstimate > 0) {
            estimate();
        }
        return Collections.unmodifiableList(estimates);
    }

    /** Works out the offsets again from all samples. */
    void estimate() {
        sinceEstimate = 0;
        version++;
        Map<String, List<Link>> links = new HashMap<>();
        TreeSet<String> cells = new TreeSet<>();
        for (Direction d : samples.keySet()) {
            cells.add(d.from());
            cells.add(d.to());
        }
        TreeSet<String> pairs = new TreeSet<>();
        for (Direction d : samples.keySet()) {
            boolean ordered = d.from().compareTo(d.to()) < 0;
            pairs.add(ordered ? d.from() + "\n" + d.to() : d.to() + "\n" + d.from());
        }
        for (String pair : pairs) {
            int nl = pair.indexOf('\n');
            String a = pair.substring(0, nl);
            String b = pair.substring(nl + 1);
            Link l = link(a, b);
            if (l != null) {
                links.computeIfAbsent(a, k -> new ArrayList<>()).add(l);
                links.computeIfAbsent(b, k -> new ArrayList<>()).add(l.reversed());
            }
        }
        offsets.clear();
        estimates.clear();
        for (String root : cells) {
            if (offsets.containsKey(root) || !links.containsKey(root)) {
                continue;
            }
            offsets.put(root, 0L);
            estimates.add(new CellClock(root, root, 0, -1, 0, true));
            ArrayDeque<String> queue = new ArrayDeque<>(List.of(root));
            while (!queue.isEmpty()) {
                String a = queue.poll();
                for (Link l : links.getOrDefault(a, List.of())) {
                    if (!offsets.containsKey(l.b)) {
                        long off = offsets.get(a) + l.offsetBminusA;
                        offsets.put(l.b, off);
                        estimates.add(new CellClock(l.b, root, off, l.latency, l.samples, l.bothWays));
                        queue.add(l.b);
                    }
                }
            }
        }
    }

    private record Link(String a, String b, long offsetBminusA, long latency, int samples, boolean bothWays) {
        Link reversed() {
            return new Link(b, a, -offsetBminusA, latency, samples, bothWays);
        }
    }

    /** The best estimate between two cells: both directions over the same kind of hop, NICs first. */
    private Link link(String a, String b) {
        Link oneWay = null;
        for (PointKind[] kinds : KIND_PREFERENCE) {
            Samples ab = samples.get(new Direction(a, b, kinds[0], kinds[1]));
            Samples ba = samples.get(new Direction(b, a, kinds[0], kinds[1]));
            if (ab != null && ba != null) {
                long mab = ab.median();
                long mba = ba.median();
                return new Link(a, b, (mab - mba) / 2, (mab + mba) / 2, ab.count + ba.count, true);
            }
            if (oneWay == null && ab != null) {
                oneWay = new Link(a, b, ab.median(), -1, ab.count, false);
            } else if (oneWay == null && ba != null) {
                oneWay = new Link(a, b, -ba.median(), -1, ba.count, false);
            }
        }
        return oneWay;
    }

    private static final PointKind[][] KIND_PREFERENCE = {
            {PointKind.UNDERLAY, PointKind.UNDERLAY},
            {PointKind.VTEP, PointKind.VTEP},
            {PointKind.VTEP, PointKind.UNDERLAY},
            {PointKind.UNDERLAY, PointKind.VTEP},
            {PointKind.CONTAINER_VETH, PointKind.CONTAINER_VETH},
            {PointKind.VTEP, PointKind.CONTAINER_VETH},
            {PointKind.CONTAINER_VETH, PointKind.VTEP},
            {PointKind.UNDERLAY, PointKind.CONTAINER_VETH},
            {PointKind.CONTAINER_VETH, PointKind.UNDERLAY},
    };
}
