package dev.silkscreen.trace;

import dev.silkscreen.model.App;
import dev.silkscreen.model.Hop;
import dev.silkscreen.model.Ipv4;
import dev.silkscreen.model.Journey;
import dev.silkscreen.model.SilkNames;
import dev.silkscreen.model.Stage;
import dev.silkscreen.model.Verdict;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Decides what became of a journey: places each sighting on the eleven steps, then reads the
 * evidence in order — seen at the destination veth (delivered); an ICMP error quoting it (policy
 * reject, MTU, no route); sent to the wrong cell (stale FDB); otherwise the first point of its
 * path where it was not seen: captured there at that time → dropped, not captured → unknown.
 */
final class Judge {
    /** A point whose capture started this little after a packet still counts as covering it. */
    private static final long START_SLACK_NANOS = 10_000_000L;
    /** Linux keeps a failed neighbour for about 3 s before asking again: an ARP that old still counts. */
    private static final long ARP_LOOKBACK_NANOS = 4_000_000_000L;
    private static final long ARP_LOOKAHEAD_NANOS = 1_000_000_000L;

    /** Sightings in path order: by step, then by corrected time. */
    private static final Comparator<Sighting> PATH_ORDER =
            Comparator.comparingInt((Sighting s) -> s.stage).thenComparingLong(s -> s.corrected);

    private final Topology topo;
    private final ClockSync clocks;
    private final Reasons reasons;
    private final Placement place;

    Judge(Topology topo, ClockSync clocks) {
        this.topo = topo;
        this.clocks = clocks;
        this.reasons = new Reasons(topo);
        this.place = new Placement(topo);
    }

    /**
     * The journey as it stands. {@code open}: its window is still open, so a packet not yet seen
     * at a next point that is still being captured is in flight. Journeys decided for good
     * ({@code teach}) also give the clock estimate their sample.
     */
    Journey decide(OpenJourney j, List<IcmpEvidence> evidence, long nowCorrected, boolean open, boolean teach) {
        FlowKey k = j.key;
        String srcCell = place.sourceCell(j);
        String dstCell = place.destinationCell(j);
        for (Sighting s : j.sightings) {
            s.stage = place.stageOf(s, k, srcCell, dstCell);
        }
        List<PathStep> path = place.path(k, srcCell, dstCell);
        if (teach && !j.taught) {
            teachClocks(j, srcCell, dstCell);
        }
        List<Sighting> ordered = new ArrayList<>(j.sightings);
        for (Sighting s : ordered) {
            s.corrected = clocks.correct(s.point, s.rawNanos);
        }
        ordered.sort(PATH_ORDER);

        int reached = 0;
        Sighting last = null;
        int gbp = -1;
        boolean sawEncapsulated = false;
        for (Sighting s : ordered) {
            if (s.encapsulated) {
                sawEncapsulated = true;
                if (s.gbp >= 0) {
                    gbp = s.gbp;
                }
            }
            if (place.onPath(s, path) && s.stage >= reached) {
                reached = s.stage;
                last = s;
            }
        }
        if (last == null) {
            last = ordered.get(ordered.size() - 1);
        }
        int tag = gbp;
        if (tag < 0 && !sawEncapsulated) {
            tag = topo.appAt(k.src()).map(App::tag).orElse(-1);
        }
        Outcome o = outcome(j, path, ordered, reached, last, evidence, srcCell, dstCell, tag, sawEncapsulated,
                nowCorrected, open);

        List<Hop> hops = new ArrayList<>(ordered.size());
        for (Sighting s : ordered) {
            if (s.stage > 0) {
                // A sighting that shows no step (its point's role not known) is left out: hops are steps 1-11.
                hops.add(new Hop(s.stage, s.point.point, s.corrected, s.frame));
            }
        }
        String srcApp = topo.appAt(k.src()).map(App::name).orElse(null);
        String dstApp = topo.appAt(k.dst()).map(App::name).orElse(null);
        return new Journey(j.id, j.track.flow(), j.summary, tag, srcApp, dstApp, o.verdict, o.stage,
                o.dropStage, o.dropCell, o.reason, List.copyOf(hops));
    }

    private record Outcome(Verdict verdict, int stage, int dropStage, String dropCell, String reason) {
        static Outcome dropped(Stage stage, String cell, String reason) {
            return new Outcome(Verdict.DROPPED, stage.number(), stage.number(), cell, reason);
        }
    }

    private Outcome outcome(OpenJourney j, List<PathStep> path, List<Sighting> ordered, int reached, Sighting last,
                            List<IcmpEvidence> evidence, String srcCell, String dstCell, int tag,
                            boolean sawEncapsulated, long nowCorrected, boolean open) {
        if (reached == Stage.DELIVER.number() || (reached > 0 && reached == path.get(path.size() - 1).stage().number())) {
            return new Outcome(Verdict.DELIVERED, reached, 0, null, null);
        }
        IcmpEvidence ev = evidenceFor(j, evidence);
        if (ev != null && ev.isReject() && ev.from() == j.key.dst()) {
            // The destination itself answered (nothing listens there): the packet was delivered.
            return new Outcome(Verdict.DELIVERED, Stage.DELIVER.number(), 0, null, null);
        }
        boolean sameCell = srcCell != null && srcCell.equals(dstCell);
        if (ev != null && (ev.isReject() || ev.isFragNeeded() || ev.isTimeExceeded() || ev.isNoRoute())) {
            // Placed where its source address says it was made, never merely where it was seen.
            String cell = evidenceCell(j, ev);
            if (cell == null) {
                return unknown(reached, reasons.unplacedIcmp(j, ev));
            }
            String inferred = reasons.inferred(cell, ordered);
            if (ev.isReject()) {
                // Rejected on the source cell leaving for silk-vtep (step 3) or before the destination container (step 10).
                boolean atSource = madeInLeaseOf(ev, j.key.src()) && !madeInLeaseOf(ev, j.key.dst())
                        || !madeInLeaseOf(ev, j.key.dst()) && !sameCell && cell.equals(srcCell);
                Stage stage = atSource ? Stage.MARK : Stage.POLICY;
                return dropped(reached, stage, cell, reasons.rejected(j, ev, cell, tag, sawEncapsulated, stage, inferred));
            }
            if (ev.isFragNeeded() || ev.isTimeExceeded()) {
                Stage stage = cell.equals(srcCell) ? Stage.TO_VTEP : Stage.POLICY;
                return dropped(reached, stage, cell, (ev.isFragNeeded() ? reasons.tooBig(j, ev, cell) : reasons.ttl(ev, cell))
                        + Reasons.inferredNote(cell, inferred));
            }
            return dropped(reached, Stage.TO_VTEP, cell, reasons.noRouteIcmp(j, ev, cell) + Reasons.inferredNote(cell, inferred));
        }
        Sighting misdirected = misdirected(ordered, dstCell);
        if (misdirected != null) {
            String wrongCell = topo.cellWithUnderlayIp(misdirected.outerDst);
            if (wrongCell == null) {
                // Sent to an underlay address no captured cell is known to have: where it ended is not known.
                return unknown(reached, reasons.misdirectedUncaptured(j, misdirected, srcCell, dstCell));
            }
            {
                path = place.misdirectedPath(path, wrongCell);
                reached = 0;
                for (Sighting s : ordered) {
                    if (place.onPath(s, path) && s.stage >= reached) {
                        reached = s.stage;
                        last = s;
                    }
                }
                if (reached >= Stage.DECAPSULATE.number()) {
                    return dropped(reached, Stage.DECAPSULATE, wrongCell, reasons.staleFdb(j, misdirected, last, srcCell, dstCell, wrongCell));
                }
            }
        }

        PathStep next = null;
        for (PathStep p : path) {
            if (p.stage().number() > reached) {
                next = p;
                break;
            }
        }
        if (next == null) {
            return new Outcome(Verdict.DELIVERED, reached, 0, null, null);
        }
        PointState np = place.pointFor(next);
        String expected = np != null ? np.point.name() : topo.expectedPointName(next.cell(), next.kind(), next.containerIp(),
                next.stage().compareTo(Stage.LEAVE_CELL) <= 0);
        long t = last.corrected;
        if (np == null) {
            return unknown(reached, reasons.notCaptured(last, expected, next.stage(), laterMisses(path, next, t)));
        }
        long tRaw = clocks.toRaw(np.cell, t);
        long nowRaw = clocks.toRaw(np.cell, nowCorrected);
        if (!np.covers(tRaw, START_SLACK_NANOS, nowRaw)) {
            return unknown(reached, reasons.notCapturedThen(last, expected, next.stage(), laterMisses(path, next, t)));
        }
        if (open && np.open) {
            // Its window is open and the next point is still being captured: it may yet show up.
            return new Outcome(Verdict.IN_FLIGHT, Math.max(reached, 1), 0, null, null);
        }
        return switch (next.stage()) {
            case TO_VTEP -> Outcome.dropped(Stage.TO_VTEP, srcCell, reasons.notRouted(j, last, expected, srcCell));
            case LEAVE_CELL -> {
                int nobody = unansweredUnderlayArp(np, tRaw);
                yield nobody != 0
                        ? Outcome.dropped(Stage.LEAVE_CELL, srcCell, reasons.arpUnanswered(last, expected, srcCell, nobody))
                        : Outcome.dropped(Stage.ENCAPSULATE, srcCell, reasons.notEncapsulated(j, last, expected, srcCell, dstCell));
            }
            case ARRIVE_CELL -> next.cell() != null && topo.underlayIpOfCell(next.cell()) == 0
                    && topo.cellWithUnderlayIp(last.outerDst) == null && topo.someCellWithUnknownNic(srcCell)
                    // Nothing says the address it was sent to is the destination cell's: lost, or sent elsewhere.
                    ? unknown(reached, reasons.towardsUnknownAddress(last, expected, next.cell()))
                    : Outcome.dropped(Stage.UNDERLAY, srcCell, reasons.lostOnUnderlay(j, last, expected, srcCell, next.cell(), np.frames == 0));
            case DECAPSULATE -> Outcome.dropped(Stage.DECAPSULATE, next.cell(), misdirected != null && !next.cell().equals(dstCell)
                    ? reasons.staleFdbNotDecapsulated(j, misdirected, last, expected, srcCell, dstCell, next.cell())
                    : reasons.notDecapsulated(last, expected, next.cell()));
            default -> noContainer(j.key.dst())
                    ? Outcome.dropped(Stage.DELIVER, next.cell(), reasons.noContainer(j, last, expected, next.cell()))
                    : Outcome.dropped(Stage.POLICY, next.cell(), reasons.notDelivered(j, last, expected, next.cell(), tag));
        };
    }

    /**
     * An ARP request on the source cell's NIC, around the time, for an address no cell has and
     * nobody answered: the FDB sends the packet to an underlay address nobody holds (step 6).
     */
    private int unansweredUnderlayArp(PointState nic, long tRaw) {
        int target = nic.unansweredArp(tRaw - ARP_LOOKBACK_NANOS, tRaw + ARP_LOOKAHEAD_NANOS);
        if (target == 0 || topo.cellWithUnderlayIp(target) != null || target == topo.localUnderlayIp(nic)) {
            return 0;
        }
        return target;
    }

    private static Outcome dropped(int reached, Stage stage, String cell, String reason) {
        return new Outcome(Verdict.DROPPED, Math.max(reached, stage.number()), stage.number(), cell, reason);
    }

    /**
     * The cell that made an ICMP error: the owner of its source address (a VTEP address names its
     * cell, a container's address its container's cell), else the cell where it was first seen —
     * unless that cell is known to hold the journey's source while the error came from another
     * /24 (it was made elsewhere and only came back here). Null when nothing says which cell.
     */
    String evidenceCell(OpenJourney j, IcmpEvidence ev) {
        String c = topo.cellOfOverlay(ev.from());
        if (c != null) {
            return c;
        }
        if (SilkNames.isOverlay(ev.from())) {
            // A VTEP or container address no capture ties to a cell: seen on a silk-vtep or NIC, the
            // error may have been made there or only passed (the same frames either way). Only when
            // every captured cell holds another /24 is it the one cell known but not captured.
            return topo.everyCapturedCellHoldsOtherThan(ev.from() & 0xFFFFFF00) ? topo.onlyUncapturedCell() : null;
        }
        // From the host side of a veth (169.254.0.1): only ever on the container's own cell.
        return ev.seenAt().cell;
    }

    /** True when the ICMP error's source is in the same overlay /24 as {@code ip} (made on the cell holding it). */
    private static boolean madeInLeaseOf(IcmpEvidence ev, int ip) {
        return SilkNames.isOverlay(ev.from()) && SilkNames.isOverlay(ip) && (ev.from() & 0xFFFFFF00) == (ip & 0xFFFFFF00);
    }

    /** With a topology, an address no instance has is nobody's: nothing is behind its veth. */
    private boolean noContainer(int dst) {
        return topo.foundation().isPresent() && topo.instanceAt(dst).isEmpty();
    }


    private static Outcome unknown(int reached, String reason) {
        return new Outcome(Verdict.UNKNOWN, Math.max(reached, 1), 0, null, reason);
    }

    private static String orElse(String a, String b) {
        return a != null ? a : b;
    }

    /** Captured points after {@code next} that did not see the packet either (for the reason text). */
    private List<String> laterMisses(List<PathStep> path, PathStep next, long t) {
        List<String> out = new ArrayList<>();
        for (PathStep p : path) {
            if (p.stage().compareTo(next.stage()) > 0) {
                PointState ps = place.pointFor(p);
                if (ps != null && ps.covers(clocks.toRaw(ps.cell, t), START_SLACK_NANOS, Long.MIN_VALUE)) {
                    out.add(ps.point.name() + " (step " + p.stage().number() + ")");
                }
            }
        }
        return out;
    }

    /** The error among {@code evidence} that quotes this very packet (IP ID, ports, TCP sequence), or null. */
    IcmpEvidence evidenceFor(OpenJourney j, List<IcmpEvidence> evidence) {
        if (evidence == null) {
            return null;
        }
        for (IcmpEvidence ev : evidence) {
            if (ev.quotedIpId() != j.ipId) {
                continue;
            }
            boolean ports = j.key.proto() == FlowKey.TCP || j.key.proto() == FlowKey.UDP;
            if (ports && (ev.quotedSport() != j.key.sport() || ev.quotedDport() != j.key.dport())) {
                continue;
            }
            if (j.key.proto() == FlowKey.TCP && ev.quotedSeq() >= 0 && (ev.quotedSeq() < j.lo || ev.quotedSeq() > Math.max(j.lo, j.hi - 1))) {
                continue;
            }
            return ev;
        }
        return null;
    }

    /**
     * A frame that left the source cell towards an underlay address that is not the destination
     * cell's (a stale FDB entry): another cell's address, or not the one the destination cell has.
     */
    private Sighting misdirected(List<Sighting> ordered, String dstCell) {
        if (dstCell == null) {
            return null;
        }
        int expected = topo.underlayIpOfCell(dstCell);
        Sighting wrong = null;
        for (Sighting s : ordered) {
            if (s.stage >= Stage.ARRIVE_CELL.number() && s.point.cell.equals(dstCell)) {
                return null;
            }
            if (s.stage == Stage.LEAVE_CELL.number()) {
                String to = topo.cellWithUnderlayIp(s.outerDst);
                if ((to != null && !to.equals(dstCell)) || (expected != 0 && s.outerDst != expected)) {
                    wrong = s;
                }
            }
        }
        return wrong;
    }







    /**
     * Lets an open journey teach the clock estimate ahead of its decision (once): the first
     * journeys decided need both directions' samples to get their hop times right.
     */
    void teachAhead(OpenJourney j) {
        if (j.taught) {
            return;
        }
        String srcCell = place.sourceCell(j);
        String dstCell = place.destinationCell(j);
        for (Sighting s : j.sightings) {
            s.stage = place.stageOf(s, j.key, srcCell, dstCell);
        }
        teachClocks(j, srcCell, dstCell);
    }

    /** A packet seen leaving one cell and arriving at another gives one clock sample. */
    private void teachClocks(OpenJourney j, String srcCell, String dstCell) {
        j.taught = true;
        if (srcCell == null || dstCell == null || srcCell.equals(dstCell)) {
            return;
        }
        Sighting out = null;
        Sighting in = null;
        for (Sighting s : j.sightings) {
            if (s.stage >= Stage.VETH_OUT.number() && s.stage <= Stage.LEAVE_CELL.number() && s.point.cell.equals(srcCell) && (out == null || s.stage > out.stage)) {
                out = s;
            }
            if (s.stage >= Stage.ARRIVE_CELL.number() && s.point.cell.equals(dstCell) && (in == null || s.stage < in.stage)) {
                in = s;
            }
        }
        if (out != null && in != null) {
            clocks.observe(srcCell, out.point.kind, out.rawNanos, dstCell, in.point.kind, in.rawNanos);
        }
    }

    static String ip(int ip) {
        return Ipv4.format(ip);
    }
}
