package dev.silkscreen.trace;

import dev.silkscreen.model.Flow;
import java.util.Arrays;
import java.util.List;

/**
 * The open journeys of one flow, kept sorted by where their range starts (then by age) in plain
 * arrays: a flow's packets mostly come in sequence order and leave oldest first, so adding is an
 * append and removing moves a start index; lookups are binary searches, without allocation.
 * Matching rules:
 * <ol>
 *   <li>same range, same IP ID, not yet seen at this point: the same packet further on;</li>
 *   <li>otherwise (TCP data only) overlapping ranges of a different length (an offload split or
 *       merged the frames) whose IP IDs are within the offload's spread, where this point has not
 *       yet covered those bytes;</li>
 *   <li>otherwise a new packet: a first sighting, a retransmission, a duplicate.</li>
 * </ol>
 */
final class FlowTrack {
    final FlowKey key;
    private long[] los = new long[4];
    private OpenJourney[] js = new OpenJourney[4];
    private int start;
    private int end;
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
        return start == end;
    }

    void add(OpenJourney j) {
        if (end == los.length) {
            makeRoom();
        }
        int i = end;
        // Mostly in order: shift only past the few that start later (a retransmission, a wrap).
        while (i > start && los[i - 1] > j.lo) {
            los[i] = los[i - 1];
            js[i] = js[i - 1];
            i--;
        }
        los[i] = j.lo;
        js[i] = j;
        end++;
        maxLen = Math.max(maxLen, j.hi - j.lo);
    }

    private void makeRoom() {
        int n = end - start;
        if (start > 0 && n < los.length / 2) {
            System.arraycopy(los, start, los, 0, n);
            System.arraycopy(js, start, js, 0, n);
            Arrays.fill(js, n, end, null);
        } else {
            long[] l = new long[los.length * 2];
            OpenJourney[] o = new OpenJourney[los.length * 2];
            System.arraycopy(los, start, l, 0, n);
            System.arraycopy(js, start, o, 0, n);
            los = l;
            js = o;
        }
        start = 0;
        end = n;
    }

    void remove(OpenJourney j) {
        if (start < end && js[start] == j) {
            js[start++] = null;
            return;
        }
        for (int i = lowerBound(j.lo); i < end && los[i] == j.lo; i++) {
            if (js[i] == j) {
                System.arraycopy(los, i + 1, los, i, end - i - 1);
                System.arraycopy(js, i + 1, js, i, end - i - 1);
                js[--end] = null;
                return;
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

    /** Index of the first journey starting at or after {@code lo}. */
    private int lowerBound(long lo) {
        int a = start;
        int b = end;
        while (a < b) {
            int m = (a + b) >>> 1;
            if (los[m] < lo) {
                a = m + 1;
            } else {
                b = m;
            }
        }
        return a;
    }

    /** Adds every open journey of this flow to {@code out}. */
    void collect(List<OpenJourney> out) {
        for (int i = start; i < end; i++) {
            out.add(js[i]);
        }
    }

    /** Rule 1: the oldest journey with exactly this identity not yet seen at {@code p}, or null. */
    OpenJourney exact(long lo, long hi, int ipId, long ack, PointState p) {
        OpenJourney found = null;
        for (int i = lowerBound(lo); i < end && los[i] == lo; i++) {
            OpenJourney j = js[i];
            boolean unknown = hi == OpenJourney.UNKNOWN_END || j.hi == OpenJourney.UNKNOWN_END;
            if ((unknown || (j.hi == hi && (hi > lo || j.ack == ack))) && j.ipId == ipId && !j.seenAt(p)
                    && (found == null || j.id < found.id)) {
                found = j;
            }
        }
        return found;
    }

    /** Rule 2: every journey an offloaded TCP frame {@code [lo, hi)} continues at {@code p}. */
    void overlapping(long lo, long hi, int ipId, PointState p, List<OpenJourney> out) {
        long len = hi - lo;
        for (int i = lowerBound(lo - maxLen + 1); i < end && los[i] < hi; i++) {
            OpenJourney j = js[i];
            if (continues(j, lo, hi, len, ipId, p)) {
                out.add(j);
            }
        }
    }

    /** True when {@link #overlapping} would find a journey. */
    boolean hasOverlapping(long lo, long hi, int ipId, PointState p) {
        long len = hi - lo;
        for (int i = lowerBound(lo - maxLen + 1); i < end && los[i] < hi; i++) {
            if (continues(js[i], lo, hi, len, ipId, p)) {
                return true;
            }
        }
        return false;
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
}
