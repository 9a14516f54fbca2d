package dev.silkscreen.trace;

import dev.silkscreen.model.App;
import dev.silkscreen.model.FilterTable;
import dev.silkscreen.model.Foundation;
import dev.silkscreen.model.Ipv4;
import dev.silkscreen.model.Policy;
import dev.silkscreen.model.SilkNames;
import dev.silkscreen.model.Stage;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The sentences that say why a journey ended where it did, with the rules where they are known. */
final class Reasons {
    private final Topology topo;
    private final Map<String, FilterTable> rules = new HashMap<>();

    Reasons(Topology topo) {
        this.topo = topo;
    }

    /** @param inferred null when the packet was seen on {@code cell}, else why not ({@link #inferred}) */
    String rejected(OpenJourney j, IcmpEvidence ev, String cell, int tag, boolean sawEncapsulated, Stage stage, String inferred) {
        StringBuilder sb = new StringBuilder("rejected by policy ");
        if (inferred != null) {
            sb.append("at step ").append(stage.number()).append(" on ").append(cell).append(" (").append(inferred)
                    .append("; inferred from its ICMP reject)");
        } else {
            sb.append("on ").append(cell);
        }
        sb.append(": ").append(ev.describe()).append(" from ").append(Judge.ip(ev.from())).append(" quoting it");
        sb.append(policyExplanation(j, cell, tag, sawEncapsulated));
        return sb.toString();
    }

    /**
     * Null when the packet was seen on {@code cell}; else "not captured" (no point of that cell was
     * captured) or "not seen there" (its points did not show this packet): a drop placed there by
     * the cell's ICMP error alone is inferred, and the reason says so.
     */
    String inferred(String cell, List<Sighting> sightings) {
        for (Sighting s : sightings) {
            if (s.point.cell.equals(cell)) {
                return null;
            }
        }
        return topo.hasPointsOn(cell) ? "not seen there" : "not captured";
    }

    /** "; on cell2 (not captured): inferred from its ICMP error", or "" when nothing was inferred. */
    static String inferredNote(String cell, String inferred) {
        return inferred == null ? "" : "; " + cell + " " + inferred + ": inferred from its ICMP error";
    }

    /**
     * An ICMP error quoting the packet whose maker no capture or topology names: the /24 its source
     * is in is the only thing known, so the journey is unknown, and says why.
     */
    String unplacedIcmp(OpenJourney j, IcmpEvidence ev) {
        String lease = Ipv4.format(ev.from() & 0xFFFFFF00) + "/24";
        return "not captured: " + ev.describe() + " from " + Judge.ip(ev.from()) + " quoting it, made by the cell holding "
                + lease + ", which no capture point or topology names (capture that cell or give --topology)";
    }

    String notDelivered(OpenJourney j, Sighting last, String expected, String cell, int tag) {
        return "not delivered on " + cell + ": seen at " + where(last) + " but never at " + expected
                + " (step 11) and no ICMP reject quoting it was seen" + policyExplanation(j, cell, tag, true);
    }

    /** "; no rule admits tag 0x0009 to 10.255.2.7:8080" where rules or policies are known. */
    private String policyExplanation(OpenJourney j, String cell, int tag, boolean sawEncapsulated) {
        FlowKey k = j.key;
        String target = Judge.ip(k.dst()) + (k.proto() == FlowKey.ICMP ? " (icmp)" : ":" + k.dport()
                + (k.proto() == FlowKey.UDP ? "/udp" : ""));
        if (tag < 0 && sawEncapsulated) {
            return "; it crossed the underlay without a GBP tag (not marked on the source cell, step 3)";
        }
        FilterTable r = rulesOf(cell);
        if (r != null && tag >= 0) {
            String proto = FlowKey.protoName(k.proto());
            if (r.acceptFor(tag, k.dst(), proto, k.dport()) != null) {
                return "; a rule on " + cell + " admits tag 0x" + SilkNames.tagHex(tag) + " to " + target
                        + " (was it added after the packet?)";
            }
            return "; no rule admits tag 0x" + SilkNames.tagHex(tag) + " to " + target;
        }
        Optional<App> src = tag >= 0 ? topo.appByTag(tag) : topo.appAt(k.src());
        Optional<App> dst = topo.appAt(k.dst());
        if (src.isPresent() && dst.isPresent() && topo.foundation().isPresent()) {
            String proto = FlowKey.protoName(k.proto());
            for (Policy p : topo.foundation().get().policies()) {
                if (p.srcApp().equals(src.get().name()) && p.dstApp().equals(dst.get().name()) && p.admits(proto, k.dport())) {
                    return "; policy " + src.get().name() + " → " + dst.get().name() + " " + p.protocol() + " "
                            + p.portText() + " admits it (was it added after the packet?)";
                }
            }
            return "; no policy lets " + src.get().name() + " reach " + dst.get().name() + " on " + proto
                    + (k.proto() == FlowKey.ICMP ? "" : " port " + k.dport());
        }
        if (tag >= 0) {
            return "; tag 0x" + SilkNames.tagHex(tag) + " may not reach " + target;
        }
        return "";
    }

    private FilterTable rulesOf(String cell) {
        Optional<Foundation> f = topo.foundation();
        if (f.isEmpty()) {
            return null;
        }
        List<String> lines = f.get().rules().get(cell);
        if (lines == null || lines.isEmpty()) {
            return null;
        }
        return rules.computeIfAbsent(cell, c -> FilterTable.parse(lines));
    }

    String tooBig(OpenJourney j, IcmpEvidence ev, String cell) {
        return "too big on " + cell + ": " + ev.describe() + " from " + Judge.ip(ev.from()) + " quoting it"
                + " (the packet cannot cross silk-vtep without fragmenting and has Don't Fragment set)";
    }

    String ttl(IcmpEvidence ev, String cell) {
        return "TTL expired on " + cell + ": " + ev.describe() + " from " + Judge.ip(ev.from()) + " quoting it";
    }

    String noContainer(OpenJourney j, Sighting last, String expected, String cell) {
        return "no container " + Judge.ip(j.key.dst()) + " on " + cell + ": decapsulated at " + where(last)
                + " but no app instance has that address (nothing behind " + expected + ")";
    }

    String noRouteIcmp(OpenJourney j, IcmpEvidence ev, String cell) {
        return "no route on " + cell + ": " + ev.describe() + " from " + Judge.ip(ev.from()) + " quoting it"
                + leaseHint(j, cell);
    }

    String notRouted(OpenJourney j, Sighting last, String expected, String cell) {
        return "not routed to silk-vtep on " + cell + ": seen at " + where(last) + " but never at " + expected
                + " (step 4)" + leaseHint(j, cell);
    }

    private String leaseHint(OpenJourney j, String cell) {
        int lease = j.key.dst() & 0xFFFFFF00;
        return "; has " + cell + " learned the lease " + Ipv4.format(lease) + "/24 (ip route | grep silk-vtep)?";
    }

    String notEncapsulated(OpenJourney j, Sighting last, String expected, String srcCell, String dstCell) {
        return "not encapsulated on " + srcCell + ": seen at " + where(last) + " but never leaving on " + expected
                + " (steps 5-6); no neighbour or FDB entry for " + (dstCell == null ? "the destination cell" : dstCell)
                + "'s VTEP (ip neigh show dev silk-vtep; bridge fdb show dev silk-vtep)?";
    }

    String arpUnanswered(Sighting last, String expected, String cell, int nobody) {
        return "never left " + cell + ": seen at " + where(last) + ", but " + cell + " asked ARP for " + Judge.ip(nobody)
                + " on " + expected + " and nobody answered: the FDB sends this VTEP's packets to an underlay"
                + " address no cell holds (bridge fdb show dev silk-vtep)";
    }

    /**
     * A packet the source cell's FDB sent to another cell, which decapsulated it ({@code decap}, step 9)
     * and had no container for it: says whose VTEP MAC the FDB entry maps to which cell's address.
     */
    String staleFdb(OpenJourney j, Sighting misdirected, Sighting decap, String srcCell, String dstCell, String wrongCell) {
        int right = topo.underlayIpOfCell(dstCell);
        long mac = innerDstMac(misdirected);
        StringBuilder sb = new StringBuilder("delivered to the wrong cell: ").append(srcCell).append("'s FDB sends ")
                .append(dstCell).append("'s VTEP");
        if (mac >= 0) {
            sb.append(" MAC ").append(SilkNames.formatMac(mac));
        }
        sb.append(" to ").append(Judge.ip(misdirected.outerDst)).append(", which is ").append(wrongCell);
        if (right != 0) {
            sb.append(" (").append(dstCell).append(" is ").append(Judge.ip(right)).append(')');
        }
        sb.append("; ").append(wrongCell).append(" decapsulated it at ").append(where(decap));
        if (!topo.hasContainerOn(wrongCell, j.key.dst())) {
            sb.append(" and has no container ").append(Judge.ip(j.key.dst())).append(", so it went no further");
        }
        return sb.append(": stale FDB entry on ").append(srcCell).append(" (bridge fdb show dev silk-vtep)").toString();
    }

    /** A packet sent to an underlay address that is not its destination cell's, and no captured cell's. */
    String misdirectedUncaptured(OpenJourney j, Sighting misdirected, String srcCell, String dstCell) {
        int right = topo.underlayIpOfCell(dstCell);
        srcCell = srcCell == null ? "the sending cell" : srcCell;
        return "not captured: " + srcCell + " encapsulated it to " + Judge.ip(misdirected.outerDst) + " (seen at "
                + where(misdirected) + "), but " + Judge.ip(j.key.dst()) + " lives on " + dstCell
                + (right != 0 ? " (" + Judge.ip(right) + ")" : "") + " and no captured cell has that address: a stale FDB entry on "
                + srcCell + " (bridge fdb show dev silk-vtep)? Capture the cell that has " + Judge.ip(misdirected.outerDst);
    }

    /** A misdirected packet that reached the wrong cell's NIC but was not seen decapsulated there. */
    String staleFdbNotDecapsulated(OpenJourney j, Sighting misdirected, Sighting last, String expected, String srcCell,
                                   String dstCell, String wrongCell) {
        return "sent to the wrong cell: " + srcCell + " encapsulated it to " + Judge.ip(misdirected.outerDst) + ", which is "
                + wrongCell + ", but " + Judge.ip(j.key.dst()) + " lives on " + dstCell + "; it arrived at " + where(last)
                + " and was never seen at " + expected + " (step 9): stale FDB entry on " + srcCell
                + " (bridge fdb show dev silk-vtep)";
    }

    /** The inner Ethernet destination of an encapsulated frame (the VTEP MAC the FDB was asked about), -1 when unknown. */
    private static long innerDstMac(Sighting s) {
        return s.innerDstMac;
    }

    /** @param silent the point it never arrived at was captured and saw no frame at all */
    String lostOnUnderlay(OpenJourney j, Sighting last, String expected, String srcCell, String dstCell, boolean silent) {
        return "lost on the underlay: left " + where(last) + " towards " + Judge.ip(last.outerDst)
                + " but never arrived at " + expected + " (step 8)"
                + (silent ? ", which was captured and saw no frame at all: is " + dstCell + " down or cut off from " + srcCell + "?"
                        : "; is " + dstCell + " reachable from " + srcCell + "?");
    }

    /** Left towards an address neither the destination cell (its address not known) nor any captured cell is known to have. */
    String towardsUnknownAddress(Sighting last, String expected, String dstCell) {
        return "not captured: left " + where(last) + " towards " + Judge.ip(last.outerDst) + " and never arrived at " + expected
                + " (step 8), but " + dstCell + "'s underlay address is not known (its NIC showed no VXLAN frame), and a cell whose NIC"
                + " was not captured may have that address (a stale FDB entry?); give --topology or capture every cell's NIC";
    }

    String notDecapsulated(Sighting last, String expected, String dstCell) {
        return "not decapsulated on " + dstCell + ": arrived at " + where(last) + " but never at " + expected
                + " (step 9); VXLAN port, VNI or GBP setting of silk-vtep?";
    }

    String notCaptured(Sighting last, String expected, Stage stage, List<String> laterMisses) {
        return "not captured: last seen at " + where(last) + "; " + expected + " (step " + stage.number() + ") was not captured"
                + misses(laterMisses);
    }

    String notCapturedThen(Sighting last, String expected, Stage stage, List<String> laterMisses) {
        return "not captured: last seen at " + where(last) + "; " + expected + " (step " + stage.number()
                + ") was not being captured at that time" + misses(laterMisses);
    }

    private static String misses(List<String> laterMisses) {
        return laterMisses.isEmpty() ? "" : "; not seen at " + String.join(", ", laterMisses) + " either";
    }

    private static String where(Sighting s) {
        return s.point.point.name() + " (step " + s.stage + ")";
    }
}
