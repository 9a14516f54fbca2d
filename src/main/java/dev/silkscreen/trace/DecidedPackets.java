package dev.silkscreen.trace;

import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.Map;

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
            int n = j.sightings.size();
            this.points = new int[n];
            for (int i = 0; i < n; i++) {
                points[i] = j.sightings.get(i).point.id;
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

    private final long windowNanos;
    private final long retainNanos;
    private final int capacity;
    private final ArrayDeque<Entry> order = new ArrayDeque<>();
    private final Map<FlowKey, ArrayDeque<Entry>> byFlow = new HashMap<>();

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
        byFlow.computeIfAbsent(e.key, k -> new ArrayDeque<>(4)).addLast(e);
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
     * continues no open journey, belongs to a decided one.
     */
    boolean matches(FlowKey key, long lo, long hi, int ipId, long ack, PointState p, long correctedNanos) {
        if (order.isEmpty()) {
            return false;
        }
        ArrayDeque<Entry> list = byFlow.get(key);
        if (list == null) {
            return false;
        }
        for (Entry e : list) {
            if (correctedNanos > e.lastCorrected + windowNanos || correctedNanos < e.lastCorrected - 2 * windowNanos
                    || e.ipId != ipId && !(key.proto() == FlowKey.TCP && FlowTrack.idsCompatible(e.ipId, ipId, Math.max(hi - lo, e.hi - e.lo)))
                    || e.seenAt(p)) {
                continue;
            }
            boolean unknown = hi == OpenJourney.UNKNOWN_END || e.hi == OpenJourney.UNKNOWN_END;
            if (e.lo == lo && e.ipId == ipId && (unknown || (e.hi == hi && (hi > lo || e.ack == ack)))) {
                return true;
            }
            if (key.proto() == FlowKey.TCP && !unknown && hi - lo > 1 && e.hi > e.lo && Math.min(hi, e.hi) > Math.max(lo, e.lo)) {
                return true;
            }
        }
        return false;
    }

    int size() {
        return order.size();
    }

    private void drop(Entry e) {
        ArrayDeque<Entry> list = byFlow.get(e.key);
        if (list == null) {
            return;
        }
        if (list.peekFirst() == e) {
            list.pollFirst();
        } else {
            list.remove(e);
        }
        if (list.isEmpty()) {
            byFlow.remove(e.key);
        }
    }
}
