package dev.silkscreen.trace;

import dev.silkscreen.decode.DecodedFrame;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The ICMP errors seen so far, filed by the packet each one quotes (its flow with ports, its IP
 * ID and, for TCP, its sequence number), so that a journey can be judged by what the network said
 * about it (rejected, too big, TTL expired, no route). One error seen at several points is kept
 * once. Filing, finding a journey's errors and forgetting old ones cost O(log n) or amortised
 * O(1) in the errors kept: a flood of errors quoting one flow does not slow each next one down.
 */
final class EvidenceBook {
    /** What an error quotes, less the TCP sequence: ports are -1 for protocols without them. */
    private record Quoted(int src, int dst, int proto, int sport, int dport, int ipId) {
        @Override
        public int hashCode() {
            long h = ((long) src << 32) ^ (dst & 0xFFFFFFFFL);
            h = h * 0x9E3779B97F4A7C15L + ((long) proto << 48 ^ (long) (sport & 0xFFFF) << 32 ^ (long) (dport & 0xFFFF) << 16 ^ ipId);
            h *= 0xC2B2AE3D27D4EB4FL;
            return (int) (h ^ (h >>> 32));
        }
    }

    /** The errors quoting one packet identity: by quoted sequence (TCP), or in order seen. */
    private static final class Filed {
        List<IcmpEvidence> unsequenced;
        TreeMap<Long, List<IcmpEvidence>> bySeq;
        int size;
    }

    private final Map<Quoted, Filed> filed = new HashMap<>();
    /** Every error kept, in order filed, with its key: forgetting takes them from the front. */
    private final ArrayDeque<IcmpEvidence> fifo = new ArrayDeque<>();
    private final ArrayDeque<Quoted> fifoKeys = new ArrayDeque<>();

    /** Files the ICMP error in {@code d} (it quotes an overlay packet), seen at {@code ps}; false when it was on file. */
    boolean record(DecodedFrame d, PointState ps, long corrected) {
        boolean ports = d.quotedProto == FlowKey.TCP || d.quotedProto == FlowKey.UDP;
        IcmpEvidence ev = new IcmpEvidence(d.icmpType, d.icmpCode, d.src, ports ? d.quotedSport : -1,
                ports ? d.quotedDport : -1, d.quotedIpId, d.quotedProto == FlowKey.TCP ? d.quotedSeq : -1,
                Summaries.nextHopMtu(d), ps, corrected);
        Quoted key = new Quoted(d.quotedSrc, d.quotedDst, d.quotedProto, ev.quotedSport(), ev.quotedDport(), ev.quotedIpId());
        Filed f = filed.computeIfAbsent(key, k -> new Filed());
        List<IcmpEvidence> list;
        if (ev.quotedSeq() < 0) {
            if (f.unsequenced == null) {
                f.unsequenced = new ArrayList<>(2);
            }
            list = f.unsequenced;
        } else {
            if (f.bySeq == null) {
                f.bySeq = new TreeMap<>();
            }
            list = f.bySeq.computeIfAbsent(ev.quotedSeq(), k -> new ArrayList<>(2));
        }
        for (IcmpEvidence e : list) {
            if (e.sameError(ev)) {
                return false;
            }
        }
        list.add(ev);
        f.size++;
        fifo.addLast(ev);
        fifoKeys.addLast(key);
        return true;
    }

    /** The errors quoting this journey's packet (its ports, IP ID and sequence range), or null when there are none. */
    List<IcmpEvidence> of(OpenJourney j) {
        if (filed.isEmpty()) {
            return null;
        }
        boolean ports = j.key.proto() == FlowKey.TCP || j.key.proto() == FlowKey.UDP;
        Filed f = filed.get(new Quoted(j.key.src(), j.key.dst(), j.key.proto(), ports ? j.key.sport() : -1,
                ports ? j.key.dport() : -1, j.ipId));
        if (f == null) {
            return null;
        }
        List<IcmpEvidence> out = null;
        if (f.unsequenced != null && !f.unsequenced.isEmpty()) {
            out = new ArrayList<>(f.unsequenced);
        }
        if (f.bySeq != null) {
            for (List<IcmpEvidence> at : f.bySeq.subMap(j.lo, true, Math.max(j.lo, j.hi - 1), true).values()) {
                if (out == null) {
                    out = new ArrayList<>(at.size());
                }
                out.addAll(at);
            }
        }
        return out;
    }

    /**
     * Forgets the errors filed before {@code before} (corrected ns): no open journey can need them.
     * Errors leave in the order filed; one filed late with an older time waits for those before it.
     */
    void prune(long before) {
        while (!fifo.isEmpty() && fifo.peekFirst().correctedNanos() < before) {
            IcmpEvidence ev = fifo.pollFirst();
            Quoted key = fifoKeys.pollFirst();
            Filed f = filed.get(key);
            if (f == null) {
                continue;
            }
            if (ev.quotedSeq() < 0) {
                f.unsequenced.remove(ev);
            } else {
                List<IcmpEvidence> at = f.bySeq.get(ev.quotedSeq());
                if (at != null) {
                    at.remove(ev);
                    if (at.isEmpty()) {
                        f.bySeq.remove(ev.quotedSeq());
                    }
                }
            }
            if (--f.size == 0) {
                filed.remove(key);
            }
        }
    }

    void clear() {
        filed.clear();
        fifo.clear();
        fifoKeys.clear();
    }
}
