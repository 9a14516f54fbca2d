package dev.silkscreen.trace;

import dev.silkscreen.decode.DecodedFrame;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * The ICMP errors seen so far, filed by the (source, destination, protocol) of the overlay packet
 * each one quotes, so that a journey can be judged by what the network said about it (rejected,
 * too big, TTL expired, no route). One error seen at several points is kept once.
 */
final class EvidenceBook {
    private final Map<FlowKey, List<IcmpEvidence>> byQuotedFlow = new HashMap<>();

    /** Files the ICMP error in {@code d} (it quotes an overlay packet), seen at {@code ps}; false when it was on file. */
    boolean record(DecodedFrame d, PointState ps, long corrected) {
        boolean ports = d.quotedProto == FlowKey.TCP || d.quotedProto == FlowKey.UDP;
        IcmpEvidence ev = new IcmpEvidence(d.icmpType, d.icmpCode, d.src, ports ? d.quotedSport : -1,
                ports ? d.quotedDport : -1, d.quotedIpId, d.quotedProto == FlowKey.TCP ? d.quotedSeq : -1,
                Summaries.nextHopMtu(d), ps, corrected);
        List<IcmpEvidence> list = byQuotedFlow.computeIfAbsent(new FlowKey(d.quotedSrc, d.quotedDst, d.quotedProto, 0, 0),
                k -> new ArrayList<>(2));
        for (IcmpEvidence e : list) {
            if (e.sameError(ev)) {
                return false;
            }
        }
        list.add(ev);
        return true;
    }

    /** The errors quoting packets of this journey's flow, or null when there are none. */
    List<IcmpEvidence> of(OpenJourney j) {
        if (byQuotedFlow.isEmpty()) {
            return null;
        }
        return byQuotedFlow.get(new FlowKey(j.key.src(), j.key.dst(), j.key.proto(), 0, 0));
    }

    /** Forgets the errors seen before {@code before} (corrected ns): no open journey can need them. */
    void prune(long before) {
        for (Iterator<List<IcmpEvidence>> it = byQuotedFlow.values().iterator(); it.hasNext(); ) {
            List<IcmpEvidence> list = it.next();
            list.removeIf(ev -> ev.correctedNanos() < before);
            if (list.isEmpty()) {
                it.remove();
            }
        }
    }

    void clear() {
        byQuotedFlow.clear();
    }
}
