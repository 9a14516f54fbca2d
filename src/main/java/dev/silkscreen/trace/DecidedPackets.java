package dev.silkscreen.trace;

import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;
import java.util.TreeMap;

/**
 * The identities of recently decided journeys (flow, sequence range, IP ID and the points that saw
 * them), so a frame of an already decided packet that comes late (a point's stream delivered its
 * backlog after the journey's window closed) is known as a late sighting of that packet instead of
 * starting a new, duplicate journey. Matching follows {@link FlowTrack}: the same identity not yet
 * seen at that point, or (TCP data) an overlapping range with IP IDs within an offload's spread.
 *
 * <p>Bounded: an entry is dropped once the correlator's clock is {@link #retainNanos} past its
 * window, and the oldest go first when more than {@link #capacity} are kept.
 */
final class DecidedPackets {
    private static final class Entry {
        final FlowKey key;
        final long lo;
        final long hi;
        final int ipId;
        final long ack;
        final long lastCorrected;
        final int[] points;

        Entry(OpenJourney j) {
            this.key = j.key;
            this.lo = j.lo;
            this.hi = j.hi;
            this.ipId = j.ipId;
            this.ack = j.ack;
            this.lastCorrected = j.lastCorrected;
            int n = j.points();
            this.points = new int[n];
            for (int i = 0; i < n; i++) {
                points[i] = j.point(i).id;
            }
        }

        boolean seenAt(PointState p) {
            for (int id : points) {
                if (id == p.id) {
                    return true;
                }
            }
            return false;
        }
    }

    /** One flow's entries by where their range starts, each start's entries oldest first. */
    private static final class FlowEntries {
        final TreeMap<Long, ArrayDeque<Entry>> byLo = new TreeMap<>();
        long maxLen = 1;
        int size;
    }

    /** Most entries one lookup examines per rule: only a crafted flood of one identity reaches it. */
    private static final int SCAN = 256;

    private final long windowNanos;
    private final long retainNanos;
    private final int capacity;
    private final ArrayDeque<Entry> order = new ArrayDeque<>();
    private final Map<FlowKey, FlowEntries> byFlow = new HashMap<>();

    /**
     * @param windowNanos the correlator's window: how far a late frame's time may be from the journey's last sighting
     * @param retainNanos how long past its window an entry is kept (how late a backlog may come)
     * @param capacity    most entries kept
     */
    DecidedPackets(long windowNanos, long retainNanos, int capacity) {
        this.windowNanos = windowNanos;
        this.retainNanos = retainNanos;
        this.capacity = capacity;
    }

    void add(OpenJourney j) {
        Entry e = new Entry(j);
        order.addLast(e);
        FlowEntries f = byFlow.computeIfAbsent(e.key, k -> new FlowEntries());
        f.byLo.computeIfAbsent(e.lo, k -> new ArrayDeque<>(2)).addLast(e);
        f.size++;
        f.maxLen = Math.max(f.maxLen, e.hi - e.lo);
        if (order.size() > capacity) {
            drop(order.pollFirst());
        }
    }

    /** Forgets the entries whose window ended more than the retention before {@code correctedNanos}. */
    void expire(long correctedNanos) {
        while (!order.isEmpty() && order.peekFirst().lastCorrected + windowNanos + retainNanos < correctedNanos) {
            drop(order.pollFirst());
        }
    }

    /**
     * True when a frame of packet {@code [lo, hi)} seen at {@code p} at {@code correctedNanos}, which
     * continues no open journey, belongs to a decided one. Looks at the entries starting at
     * {@code lo} (newest first) and, for TCP data, at those starting nearest below {@code hi}, at
     * most {@value #SCAN} of each.
     */
    boolean matches(FlowKey key, long lo, long hi, int ipId, long ack, PointState p, long correctedNanos) {
        if (order.isEmpty()) {
            return false;
        }
        FlowEntries f = byFlow.get(key);
        if (f == null) {
            return false;
        }
        ArrayDeque<Entry> same = f.byLo.get(lo);
        if (same != null && anyMatches(same, key, lo, hi, ipId, ack, p, correctedNanos)) {
            return true;
        }
        boolean unknown = hi == OpenJourney.UNKNOWN_END;
        if (key.proto() != FlowKey.TCP || unknown || hi - lo <= 1) {
            return false;
        }
        int budget = SCAN;
        long floor = lo - f.maxLen + 1;
        for (Map.Entry<Long, ArrayDeque<Entry>> at = f.byLo.lowerEntry(hi); at != null && at.getKey() >= floor && budget > 0;
                at = f.byLo.lowerEntry(at.getKey())) {
            if (at.getKey() == lo) {
                continue;
            }
            for (Iterator<Entry> it = at.getValue().descendingIterator(); it.hasNext() && budget > 0; budget--) {
                if (matches(it.next(), key, lo, hi, ipId, ack, p, correctedNanos)) {
                    return true;
                }
            }
        }
        return false;
    }

    private boolean anyMatches(ArrayDeque<Entry> list, FlowKey key, long lo, long hi, int ipId, long ack, PointState p,
                               long correctedNanos) {
        int budget = SCAN;
        for (Iterator<Entry> it = list.descendingIterator(); it.hasNext() && budget > 0; budget--) {
            if (matches(it.next(), key, lo, hi, ipId, ack, p, correctedNanos)) {
                return true;
            }
        }
        return false;
    }

    private boolean matches(Entry e, FlowKey key, long lo, long hi, int ipId, long ack, PointState p, long correctedNanos) {
        if (correctedNanos > e.lastCorrected + windowNanos || correctedNanos < e.lastCorrected - 2 * windowNanos
                || e.ipId != ipId && !(key.proto() == FlowKey.TCP && FlowTrack.idsCompatible(e.ipId, ipId, Math.max(hi - lo, e.hi - e.lo)))
                || e.seenAt(p)) {
            return false;
        }
        boolean unknown = hi == OpenJourney.UNKNOWN_END || e.hi == OpenJourney.UNKNOWN_END;
        if (e.lo == lo && e.ipId == ipId && (unknown || (e.hi == hi && (hi > lo || e.ack == ack)))) {
            return true;
        }
        return key.proto() == FlowKey.TCP && !unknown && hi - lo > 1 && e.hi > e.lo && Math.min(hi, e.hi) > Math.max(lo, e.lo);
    }

    int size() {
        return order.size();
    }

    private void drop(Entry e) {
        FlowEntries f = byFlow.get(e.key);
        if (f == null) {
            return;
        }
        ArrayDeque<Entry> list = f.byLo.get(e.lo);
        if (list == null) {
            return;
        }
        if (list.peekFirst() == e) {
            list.pollFirst();
        } else if (!list.remove(e)) {
            return;
        }
        f.size--;
        if (list.isEmpty()) {
            f.byLo.remove(e.lo);
        }
        if (f.size == 0) {
            byFlow.remove(e.key);
        }
    }
}
