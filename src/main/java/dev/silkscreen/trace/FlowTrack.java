package dev.silkscreen.trace;

import dev.silkscreen.model.Flow;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The open journeys of one flow, indexed by where their range starts: a sorted map from the start
 * to the journey there, or to a {@link Bucket} of the journeys that share it in order of age. Every
 * operation costs O(log n) or amortised O(1) in the journeys open, whatever the traffic's shape:
 * a UDP flow whose IP ID is always 0 (Linux sends DF datagrams so) puts every datagram in one
 * bucket, and a per-point cursor skips the ones that point has already seen; descending or
 * repeated sequence numbers only change which bucket a journey lands in.
 * Matching rules:
 * <ol>
 *   <li>same range, same IP ID, not yet seen at this point: the same packet further on;</li>
 *   <li>otherwise (TCP data only) overlapping ranges of a different length (an offload split or
 *       merged the frames) whose IP IDs are within the offload's spread, where this point has not
 *       yet covered those bytes;</li>
 *   <li>otherwise a new packet: a first sighting, a retransmission, a duplicate.</li>
 * </ol>
 * Rule 2 looks at the {@value #OVERLAP_SCAN} journeys starting nearest below the frame's end, at
 * most: an offload frame covers at most 45 segments (64 KiB of 1448-byte segments), so only a
 * crafted flood of overlapping ranges reaches the limit, and then a frame starts a new journey
 * instead of costing time in the number of journeys open.
 */
final class FlowTrack {
    /** Most journeys rule 2 examines for one frame. */
    static final int OVERLAP_SCAN = 256;
    /** Most journeys rule 1 examines past a point's cursor in one bucket. */
    private static final int EXACT_SCAN = 256;

    final FlowKey key;
    /** Range start → the {@link OpenJourney} there, or a {@link Bucket} when several share it. */
    private final TreeMap<Long, Object> byLo = new TreeMap<>();
    private int size;
    /** The longest range of any journey added: how far back an overlapping range may start. */
    private long maxLen = 1;

    private Flow flow;

    FlowTrack(FlowKey key) {
        this.key = key;
    }

    /** The flow as shown to people, made once per flow. */
    Flow flow() {
        if (flow == null) {
            flow = key.toFlow();
        }
        return flow;
    }

    boolean isEmpty() {
        return size == 0;
    }

    int size() {
        return size;
    }

    void add(OpenJourney j) {
        Long lo = j.lo;
        Object there = byLo.get(lo);
        if (there == null) {
            byLo.put(lo, j);
        } else if (there instanceof Bucket b) {
            b.add(j);
        } else {
            Bucket b = new Bucket();
            b.add((OpenJourney) there);
            b.add(j);
            byLo.put(lo, b);
        }
        size++;
        maxLen = Math.max(maxLen, j.hi - j.lo);
    }

    void remove(OpenJourney j) {
        Long lo = j.lo;
        Object there = byLo.get(lo);
        if (there == j) {
            byLo.remove(lo);
            size--;
        } else if (there instanceof Bucket b && b.remove(j)) {
            size--;
            if (b.live == 0) {
                byLo.remove(lo);
            }
        }
    }

    /** Moves a journey whose range changed to its new place. */
    void reindex(OpenJourney j, long oldLo) {
        long newLo = j.lo;
        j.lo = oldLo;
        remove(j);
        j.lo = newLo;
        add(j);
    }

    /**
     * Adds to {@code out} the open journeys an ICMP error quoting IP ID {@code ipId} (and, for
     * TCP, sequence {@code seq}, -1 when not quoted) may answer: those with that IP ID whose range
     * holds the sequence. Looks at {@value #OVERLAP_SCAN} journeys at most, nearest the quoted place.
     */
    void collectAnswering(int ipId, long seq, List<OpenJourney> out) {
        int budget = OVERLAP_SCAN;
        if (key.proto() == FlowKey.TCP && seq >= 0) {
            long floor = seq - maxLen + 1;
            for (Map.Entry<Long, Object> e = byLo.floorEntry(seq); e != null && e.getKey() >= floor && budget > 0;
                    e = byLo.lowerEntry(e.getKey())) {
                budget = collect(e.getValue(), ipId, seq, budget, out);
            }
            return;
        }
        if (key.proto() == FlowKey.UDP) {
            Object there = byLo.get((long) ipId);
            if (there != null) {
                collect(there, ipId, -1, budget, out);
            }
            return;
        }
        for (Object there : byLo.values()) {
            if (budget <= 0) {
                return;
            }
            budget = collect(there, ipId, -1, budget, out);
        }
    }

    private static int collect(Object there, int ipId, long seq, int budget, List<OpenJourney> out) {
        if (there instanceof OpenJourney j) {
            if (answers(j, ipId, seq)) {
                out.add(j);
            }
            return budget - 1;
        }
        Bucket b = (Bucket) there;
        for (int i = b.head; i < b.end && budget > 0; i++) {
            OpenJourney j = b.js[i];
            if (j != null) {
                budget--;
                if (answers(j, ipId, seq)) {
                    out.add(j);
                }
            }
        }
        return budget;
    }

    private static boolean answers(OpenJourney j, int ipId, long seq) {
        return j.ipId == ipId && (seq < 0 || seq >= j.lo && seq <= Math.max(j.lo, j.hi - 1));
    }

    /** Rule 1: the oldest journey with exactly this identity not yet seen at {@code p}, or null. */
    OpenJourney exact(long lo, long hi, int ipId, long ack, PointState p) {
        Object there = byLo.get(lo);
        if (there == null) {
            return null;
        }
        if (there instanceof OpenJourney j) {
            return sameIdentity(j, hi, ipId, ack) && !j.seenAt(p) ? j : null;
        }
        return ((Bucket) there).oldestUnseen(hi, ipId, ack, p);
    }

    private static boolean sameIdentity(OpenJourney j, long hi, int ipId, long ack) {
        boolean unknown = hi == OpenJourney.UNKNOWN_END || j.hi == OpenJourney.UNKNOWN_END;
        return (unknown || (j.hi == hi && (hi > j.lo || j.ack == ack))) && j.ipId == ipId;
    }

    /** Rule 2: every journey an offloaded TCP frame {@code [lo, hi)} continues at {@code p}, by start. */
    void overlapping(long lo, long hi, int ipId, PointState p, List<OpenJourney> out) {
        int from = out.size();
        scanOverlapping(lo, hi, ipId, p, out);
        // Found nearest first: give them by start, oldest first.
        for (int a = from, b = out.size() - 1; a < b; a++, b--) {
            OpenJourney t = out.get(a);
            out.set(a, out.get(b));
            out.set(b, t);
        }
    }

    /** True when {@link #overlapping} would find a journey. */
    boolean hasOverlapping(long lo, long hi, int ipId, PointState p) {
        return scanOverlapping(lo, hi, ipId, p, null);
    }

    /** Walks down from the frame's end; adds to {@code out} (nearest first) or, without one, stops at the first. */
    private boolean scanOverlapping(long lo, long hi, int ipId, PointState p, List<OpenJourney> out) {
        long len = hi - lo;
        long floor = lo - maxLen + 1;
        int budget = OVERLAP_SCAN;
        boolean found = false;
        for (Map.Entry<Long, Object> e = byLo.lowerEntry(hi); e != null && e.getKey() >= floor && budget > 0;
                e = byLo.lowerEntry(e.getKey())) {
            Object there = e.getValue();
            if (there instanceof OpenJourney j) {
                budget--;
                if (continues(j, lo, hi, len, ipId, p)) {
                    if (out == null) {
                        return true;
                    }
                    out.add(j);
                    found = true;
                }
                continue;
            }
            Bucket b = (Bucket) there;
            for (int i = b.end - 1; i >= b.head && budget > 0; i--) {
                OpenJourney j = b.js[i];
                if (j == null) {
                    continue;
                }
                budget--;
                if (continues(j, lo, hi, len, ipId, p)) {
                    if (out == null) {
                        return true;
                    }
                    out.add(j);
                    found = true;
                }
            }
        }
        return found;
    }

    private static boolean continues(OpenJourney j, long lo, long hi, long len, int ipId, PointState p) {
        if (!j.ranged() || j.hi <= lo || j.hi - j.lo == len) {
            return false;
        }
        long part = j.overlap(lo, hi);
        return part > 0 && idsCompatible(j.ipId, ipId, Math.max(len, j.hi - j.lo)) && j.coveredAt(p) + part <= j.hi - j.lo;
    }

    /** GSO gives segments consecutive IP IDs; GRO keeps the first: IDs stay within the segment count. */
    static boolean idsCompatible(int a, int b, long span) {
        int d = (a - b) & 0xFFFF;
        if (d > 0x8000) {
            d = 0x10000 - d;
        }
        return d <= span / 256 + 2;
    }

    /**
     * The journeys that start at one place, oldest first (by id), removed ones left as holes until
     * there are more holes than journeys. Each point that looks here keeps a cursor: every journey
     * before it has been seen at that point (or is gone), and a journey once seen stays seen, so
     * the cursor only moves forward and rule 1 costs amortised O(1) per frame.
     */
    static final class Bucket {
        OpenJourney[] js = new OpenJourney[4];
        /** The ids of {@link #js}, kept for holes too: sorted, so a journey is found by binary search. */
        private long[] ids = new long[4];
        int head;
        int end;
        int live;
        /** Cursors: the point, and the index in {@link #js} before which that point has seen every journey. */
        private PointState[] cursorPoints = new PointState[2];
        private int[] cursorAt = new int[2];
        private int cursors;

        void add(OpenJourney j) {
            if (end == js.length) {
                makeRoom();
            }
            int i = end;
            while (i > head && ids[i - 1] > j.id) {
                i--;
            }
            if (i < end) {
                // An older journey moved here (its range grew): put it in age order and let every point look again.
                System.arraycopy(js, i, js, i + 1, end - i);
                System.arraycopy(ids, i, ids, i + 1, end - i);
                cursors = 0;
            }
            js[i] = j;
            ids[i] = j.id;
            end++;
            live++;
        }

        boolean remove(OpenJourney j) {
            int i = Arrays.binarySearch(ids, head, end, j.id);
            if (i < 0) {
                return false;
            }
            // A journey that left and came back (its range moved and returned) has a hole with its id beside it.
            while (i > head && ids[i - 1] == j.id) {
                i--;
            }
            while (i < end && ids[i] == j.id && js[i] != j) {
                i++;
            }
            if (i == end || js[i] != j) {
                return false;
            }
            js[i] = null;
            live--;
            while (head < end && js[head] == null) {
                head++;
            }
            return true;
        }

        /** Rule 1 in this bucket: the oldest journey of this identity that {@code p} has not seen. */
        OpenJourney oldestUnseen(long hi, int ipId, long ack, PointState p) {
            int c = cursor(p);
            while (c < end && (js[c] == null || js[c].seenAt(p))) {
                c++;
            }
            setCursor(p, c);
            int budget = EXACT_SCAN;
            for (int i = c; i < end && budget > 0; i++) {
                OpenJourney j = js[i];
                if (j == null) {
                    continue;
                }
                budget--;
                if (sameIdentity(j, hi, ipId, ack) && !j.seenAt(p)) {
                    return j;
                }
            }
            return null;
        }

        private int cursor(PointState p) {
            for (int i = 0; i < cursors; i++) {
                if (cursorPoints[i] == p) {
                    return Math.max(cursorAt[i], head);
                }
            }
            return head;
        }

        private void setCursor(PointState p, int at) {
            for (int i = 0; i < cursors; i++) {
                if (cursorPoints[i] == p) {
                    cursorAt[i] = at;
                    return;
                }
            }
            if (cursors == cursorPoints.length) {
                cursorPoints = Arrays.copyOf(cursorPoints, cursors * 2);
                cursorAt = Arrays.copyOf(cursorAt, cursors * 2);
            }
            cursorPoints[cursors] = p;
            cursorAt[cursors++] = at;
        }

        private void makeRoom() {
            int n = 0;
            int shift = head;
            if (live < js.length / 2) {
                // Squeeze the holes out; cursors are kept as counts of journeys before them.
                OpenJourney[] packed = new OpenJourney[js.length];
                long[] packedIds = new long[js.length];
                int[] remap = new int[end - head + 1];
                for (int i = head; i < end; i++) {
                    remap[i - head] = n;
                    if (js[i] != null) {
                        packedIds[n] = ids[i];
                        packed[n++] = js[i];
                    }
                }
                remap[end - head] = n;
                for (int k = 0; k < cursors; k++) {
                    cursorAt[k] = remap[Math.max(0, Math.min(cursorAt[k], end) - shift)];
                }
                js = packed;
                ids = packedIds;
            } else {
                OpenJourney[] grown = new OpenJourney[js.length * 2];
                long[] grownIds = new long[js.length * 2];
                n = end - head;
                System.arraycopy(js, head, grown, 0, n);
                System.arraycopy(ids, head, grownIds, 0, n);
                ids = grownIds;
                for (int k = 0; k < cursors; k++) {
                    cursorAt[k] = Math.max(0, cursorAt[k] - shift);
                }
                js = grown;
            }
            head = 0;
            end = n;
        }
    }
}
