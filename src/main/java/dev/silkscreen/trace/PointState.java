package dev.silkscreen.trace;

import dev.silkscreen.model.CapturePoint;
import dev.silkscreen.model.PointKind;
import dev.silkscreen.model.SilkNames;

/**
 * What the correlator knows of one capture point: its kind, the container IP of a veth, the span
 * of time it was captured (on its own cell's clock) and, for an underlay NIC, which outer
 * addresses it saw (the cell's own address is in every VXLAN frame, in one direction or the other).
 */
final class PointState {
    private static final int CANDIDATES = 4;

    final int id;
    final CapturePoint point;
    final PointKind kind;
    final String cell;
    /** Container IP of a silk host veth, -1 otherwise. */
    final int vethIp;

    /** Earliest time known captured (announced start or first frame), Long.MAX_VALUE when none. */
    long firstNanos = Long.MAX_VALUE;
    /** Latest time known captured (announced end or last frame), Long.MIN_VALUE when none. */
    long lastNanos = Long.MIN_VALUE;
    /** Announced by a source and not yet closed: captured up to "now". */
    boolean open;
    /** Named by a source as captured (even with no frame): without a span of its own, it covers the whole trace. */
    boolean declared;
    /** The source reports this point's progress on its own ({@link dev.silkscreen.model.CaptureSink#advanced}): a live stream. */
    boolean streamed;
    /** For a streamed point: every frame captured before this time (its own clock) has arrived. */
    long streamedTo = Long.MIN_VALUE;
    long frames;

    private final int[] candIp = new int[CANDIDATES];
    private final long[] candCount = new long[CANDIDATES];
    private int candidates;
    /** Outer source seen on frames the capture marked as sent by this host (cooked captures). */
    int sentFrom;
    /** Majority vote (Boyer-Moore) of the own address learned from packets' direction here. */
    int ownCandidate;
    long ownCount;
    /** VXLAN frames counted in the votes. */
    long votes;
    /** The local underlay address as last worked out, and at how many votes and which topology version. */
    int localCache;
    long localCacheVotes = -1;
    long localCacheVersion = -1;
    /** The cell's clock offset as {@link ClockSync} last estimated it, and at which estimate. */
    long offsetNanos;
    long offsetVersion = -1;

    private static final int ARP_REQUESTS = 16;
    private final int[] arpTarget = new int[ARP_REQUESTS];
    private final long[] arpTime = new long[ARP_REQUESTS];
    private int arpNext;
    /** Underlay addresses that answered ARP here, with the time of their last answer. */
    private final java.util.Map<Integer, Long> arpAnswered = new java.util.HashMap<>();

    PointState(int id, CapturePoint point) {
        this.id = id;
        this.point = point;
        this.kind = point.kind();
        this.cell = point.cell();
        this.vethIp = kind == PointKind.CONTAINER_VETH ? SilkNames.containerIpOfVeth(point.iface()) : -1;
    }

    void sawTime(long nanos) {
        if (nanos < firstNanos) {
            firstNanos = nanos;
        }
        if (nanos > lastNanos) {
            lastNanos = nanos;
        }
    }

    /** An ARP request (op 1) or reply (op 2) seen on this NIC. */
    void arp(int op, int senderIp, int targetIp, long nanos) {
        if (op == 1) {
            arpTarget[arpNext] = targetIp;
            arpTime[arpNext] = nanos;
            arpNext = (arpNext + 1) % ARP_REQUESTS;
        } else if (op == 2) {
            if (arpAnswered.size() > 1024) {
                arpAnswered.clear();
            }
            arpAnswered.put(senderIp, nanos);
        }
    }

    /** The target of an ARP request made in {@code [from, to]} that was never answered, 0 when none. */
    int unansweredArp(long from, long to) {
        for (int i = 0; i < ARP_REQUESTS; i++) {
            long t = arpTime[i];
            if (arpTarget[i] != 0 && t >= from && t <= to) {
                Long answered = arpAnswered.get(arpTarget[i]);
                if (answered == null || answered < t) {
                    return arpTarget[i];
                }
            }
        }
        return 0;
    }

    /** Counts both outer addresses of a VXLAN frame seen here. */
    void voteOuter(int outerSrc, int outerDst) {
        votes++;
        vote(outerSrc);
        vote(outerDst);
    }

    private void vote(int ip) {
        int weakest = 0;
        for (int i = 0; i < candidates; i++) {
            if (candIp[i] == ip) {
                candCount[i]++;
                return;
            }
            if (candCount[i] < candCount[weakest]) {
                weakest = i;
            }
        }
        if (candidates < CANDIDATES) {
            candIp[candidates] = ip;
            candCount[candidates++] = 1;
        } else {
            candIp[weakest] = ip;
            candCount[weakest] = 1;
        }
    }

    /** Outer addresses seen most often, in order of count; ties keep first-seen order. */
    int[] likelyLocalAddresses() {
        Integer[] order = new Integer[candidates];
        for (int i = 0; i < candidates; i++) {
            order[i] = i;
        }
        java.util.Arrays.sort(order, (a, b) -> Long.compare(candCount[b], candCount[a]));
        long top = candidates == 0 ? 0 : candCount[order[0]];
        int n = 0;
        for (Integer i : order) {
            if (candCount[i] == top) {
                n++;
            }
        }
        int[] out = new int[n];
        for (int i = 0; i < n; i++) {
            out[i] = candIp[order[i]];
        }
        return out;
    }

    /** True when the point was captured at {@code nanos} (its own clock), allowing {@code slack}. */
    boolean covers(long nanos, long slackNanos, long nowNanos) {
        if (firstNanos == Long.MAX_VALUE && !open) {
            return declared;
        }
        long end = open ? Math.max(lastNanos, nowNanos) : lastNanos;
        return nanos >= firstNanos - slackNanos && nanos <= end;
    }

    @Override
    public String toString() {
        return point.name();
    }
}
