package dev.silkscreen.trace;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The open journeys of one flow, indexed by where their range starts (then by age), so a frame
 * finds the journeys it continues without scanning the flow. Matching rules:
 * <ol>
 *   <li>same range, same IP ID, not yet seen at this point: the same packet further on;</li>
 *   <li>otherwise (TCP data only) overlapping ranges of a different length (an offload split or
 *       merged the frames) whose IP IDs are within the offload's spread, where this point has not
 *       yet covered those bytes;</li>
 *   <li>otherwise a new packet: a first sighting, a retransmission, a duplicate.</li>
 * </ol>
 */
final class FlowTrack {
    /** The largest GSO/GRO frame (64 KiB) and then some: how far back a range may start. */
    static final long MAX_SPAN = 1L << 17;
    private static final int AGE_BITS = 20;

    final FlowKey key;
    private final TreeMap<Long, OpenJourney> byStart = new TreeMap<>();
    private int age;

    FlowTrack(FlowKey key) {
        this.key = key;
    }

    boolean isEmpty() {
        return byStart.isEmpty();
    }

    void add(OpenJourney j) {
        j.indexKey = (j.lo << AGE_BITS) | (age++ & ((1 << AGE_BITS) - 1));
        byStart.put(j.indexKey, j);
    }

    void remove(OpenJourney j) {
        byStart.remove(j.indexKey);
    }

    /** Moves a journey whose range changed to its new place in the index. */
    void reindex(OpenJourney j) {
        byStart.remove(j.indexKey);
        add(j);
    }

    /** Rule 1: the oldest journey with exactly this identity not yet seen at {@code p}, or null. */
    OpenJourney exact(long lo, long hi, int ipId, long ack, PointState p) {
        Map<Long, OpenJourney> same = byStart.subMap(lo << AGE_BITS, true, (lo + 1) << AGE_BITS, false);
        for (OpenJourney j : same.values()) {
            if (j.hi == hi && j.ipId == ipId && (hi > lo || j.ack == ack) && !j.seenAt(p)) {
                return j;
            }
        }
        return null;
    }

    /** Rule 2: every journey an offloaded TCP frame {@code [lo, hi)} continues at {@code p}. */
    void overlapping(long lo, long hi, int ipId, PointState p, List<OpenJourney> out) {
        long from = Math.max(0, lo - MAX_SPAN) << AGE_BITS;
        Map<Long, OpenJourney> near = byStart.subMap(from, true, hi << AGE_BITS, false);
        long len = hi - lo;
        for (OpenJourney j : near.values()) {
            if (!j.ranged() || j.hi <= lo || j.hi - j.lo == len) {
                continue;
            }
            long part = j.overlap(lo, hi);
            if (part > 0 && idsCompatible(j.ipId, ipId, Math.max(len, j.hi - j.lo))
                    && j.coveredAt(p) + part <= j.hi - j.lo) {
                out.add(j);
            }
        }
    }

    /** GSO gives segments consecutive IP IDs; GRO keeps the first: IDs stay within the segment count. */
    static boolean idsCompatible(int a, int b, long span) {
        int d = (a - b) & 0xFFFF;
        if (d > 0x8000) {
            d = 0x10000 - d;
        }
        return d <= span / 256 + 2;
    }
}
