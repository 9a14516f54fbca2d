package dev.silkscreen.trace;

import dev.silkscreen.model.App;
import dev.silkscreen.model.Hop;
import dev.silkscreen.model.Ipv4;
import dev.silkscreen.model.Journey;
import dev.silkscreen.model.PointKind;
import dev.silkscreen.model.SilkNames;
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
    private static final int VETH_HOST_IP = Ipv4.parse(SilkNames.VETH_HOST_IP);

    private final Topology topo;
    private final ClockSync clocks;
    private final Reasons reasons;

    Judge(Topology topo, ClockSync clocks) {
        this.topo = topo;
        this.clocks = clocks;
        this.reasons = new Reasons(topo);
    }

    /**
     * The journey as it stands. {@code open}: its window is still open (a snapshot), so a packet
     * not yet seen further on is in flight. Closed journeys also teach the clock estimate.
     */
    Journey decide(OpenJourney j, List<IcmpEvidence> evidence, long nowCorrected, boolean open) {
        FlowKey k = j.key;
        String srcCell = sourceCell(j);
        String dstCell = destinationCell(j);
        for (Sighting s : j.sightings) {
            s.stage = stageOf(s, k, srcCell, dstCell);
        }
        List<PathStep> path = path(k, srcCell, dstCell);
        if (!open) {
            teachClocks(j, srcCell, dstCell);
        }
        List<Sighting> ordered = new ArrayList<>(j.sightings);
        ordered.sort(Comparator.comparingInt((Sighting s) -> s.stage)
                .thenComparingLong(s -> clocks.correct(s.point.cell, s.rawNanos)));

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
            if (onPath(s, path) && s.stage >= reached) {
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
            hops.add(new Hop(s.stage, s.point.point, clocks.correct(s.point.cell, s.rawNanos), s.frame));
        }
        String srcApp = topo.appAt(k.src()).map(App::name).orElse(null);
        String dstApp = topo.appAt(k.dst()).map(App::name).orElse(null);
        return new Journey(j.id, k.toFlow(), j.summary, tag, srcApp, dstApp, o.verdict, o.stage,
                o.dropStage, o.dropCell, o.reason, List.copyOf(hops));
    }

    private record Outcome(Verdict verdict, int stage, int dropStage, String dropCell, String reason) {
        static Outcome dropped(int stage, String cell, String reason) {
            return new Outcome(Verdict.DROPPED, stage, stage, cell, reason);
        }
    }

    private Outcome outcome(OpenJourney j, List<PathStep> path, List<Sighting> ordered, int reached, Sighting last,
                            List<IcmpEvidence> evidence, String srcCell, String dstCell, int tag,
                            boolean sawEncapsulated, long nowCorrected, boolean open) {
        if (reached == 11 || (reached > 0 && reached == path.get(path.size() - 1).stage())) {
            return new Outcome(Verdict.DELIVERED, reached, 0, null, null);
        }
        IcmpEvidence ev = evidenceFor(j, evidence);
        boolean sameCell = srcCell != null && srcCell.equals(dstCell);
        if (ev != null && ev.isReject()) {
            // Rejected on the source cell leaving for silk-vtep (step 3) or before the destination container (step 10).
            String cell = evidenceCell(ev);
            int stage = !sameCell && cell.equals(srcCell) ? 3 : 10;
            return dropped(reached, stage, cell, reasons.rejected(j, ev, cell, tag, sawEncapsulated));
        }
        if (ev != null && (ev.isFragNeeded() || ev.isTimeExceeded())) {
            String cell = evidenceCell(ev);
            int stage = cell.equals(srcCell) ? 4 : 10;
            return dropped(reached, stage, cell, ev.isFragNeeded() ? reasons.tooBig(j, ev, cell) : reasons.ttl(ev, cell));
        }
        if (ev != null && ev.isNoRoute()) {
            String cell = evidenceCell(ev);
            return dropped(reached, 4, cell, reasons.noRouteIcmp(j, ev, cell));
        }
        Sighting misdirected = misdirected(ordered, dstCell);
        if (misdirected != null) {
            String wrongCell = topo.cellWithUnderlayIp(misdirected.outerDst);
            if (wrongCell != null) {
                String reason = reasons.staleFdb(j, misdirected, srcCell, dstCell);
                path = misdirectedPath(path, wrongCell);
                reached = 0;
                for (Sighting s : ordered) {
                    if (onPath(s, path) && s.stage >= reached) {
                        reached = s.stage;
                        last = s;
                    }
                }
                if (reached >= 9) {
                    return dropped(reached, 9, wrongCell, reason);
                }
            }
        }

        PathStep next = null;
        for (PathStep p : path) {
            if (p.stage() > reached) {
                next = p;
                break;
            }
        }
        if (next == null) {
            return new Outcome(Verdict.DELIVERED, reached, 0, null, null);
        }
        PointState np = pointFor(next);
        String expected = np != null ? np.point.name() : topo.expectedPointName(next.cell(), next.kind(), next.containerIp());
        long t = clocks.correct(last.point.cell, last.rawNanos);
        if (np == null) {
            return unknown(reached, reasons.notCaptured(last, expected, next.stage(), laterMisses(path, next, t)));
        }
        long tRaw = clocks.toRaw(np.cell, t);
        long nowRaw = clocks.toRaw(np.cell, nowCorrected);
        if (!np.covers(tRaw, START_SLACK_NANOS, nowRaw)) {
            return unknown(reached, reasons.notCapturedThen(last, expected, next.stage(), laterMisses(path, next, t)));
        }
        if (open) {
            return new Outcome(Verdict.IN_FLIGHT, Math.max(reached, 1), 0, null, null);
        }
        return switch (next.stage()) {
            case 4 -> Outcome.dropped(4, srcCell, reasons.notRouted(j, last, expected, srcCell));
            case 6 -> Outcome.dropped(5, srcCell, reasons.notEncapsulated(j, last, expected, srcCell, dstCell));
            case 8 -> Outcome.dropped(7, srcCell, reasons.lostOnUnderlay(j, last, expected, srcCell, next.cell()));
            case 9 -> Outcome.dropped(9, next.cell(), reasons.notDecapsulated(last, expected, next.cell()));
            default -> noContainer(j.key.dst())
                    ? Outcome.dropped(11, next.cell(), reasons.noContainer(j, last, expected, next.cell()))
                    : Outcome.dropped(10, next.cell(), reasons.notDelivered(j, last, expected, next.cell(), tag));
        };
    }

    private static Outcome dropped(int reached, int stage, String cell, String reason) {
        return new Outcome(Verdict.DROPPED, Math.max(reached, stage), stage, cell, reason);
    }

    /** The cell that sent an ICMP error: the owner of its overlay source, else where it was first seen. */
    private String evidenceCell(IcmpEvidence ev) {
        String c = topo.cellOfOverlay(ev.from());
        return c != null ? c : ev.seenAt().cell;
    }

    /** With a topology, an address no instance has is nobody's: nothing is behind its veth. */
    private boolean noContainer(int dst) {
        return topo.foundation().isPresent() && topo.instanceAt(dst).isEmpty();
    }

    /** The path of a packet the source cell sent to the wrong cell: it ends at that cell's silk-vtep. */
    private static List<PathStep> misdirectedPath(List<PathStep> path, String wrongCell) {
        List<PathStep> out = new ArrayList<>();
        for (PathStep p : path) {
            if (p.stage() <= 6) {
                out.add(p);
            }
        }
        out.add(new PathStep(8, wrongCell, PointKind.UNDERLAY, -1));
        out.add(new PathStep(9, wrongCell, PointKind.VTEP, -1));
        return out;
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
            if (p.stage() > next.stage()) {
                PointState ps = pointFor(p);
                if (ps != null && ps.covers(clocks.toRaw(ps.cell, t), START_SLACK_NANOS, Long.MIN_VALUE)) {
                    out.add(ps.point.name() + " (step " + p.stage() + ")");
                }
            }
        }
        return out;
    }

    private IcmpEvidence evidenceFor(OpenJourney j, List<IcmpEvidence> evidence) {
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
            if (s.stage >= 8 && s.point.cell.equals(dstCell)) {
                return null;
            }
            if (s.stage == 6) {
                String to = topo.cellWithUnderlayIp(s.outerDst);
                if ((to != null && !to.equals(dstCell)) || (expected != 0 && s.outerDst != expected)) {
                    wrong = s;
                }
            }
        }
        return wrong;
    }

    private boolean onPath(Sighting s, List<PathStep> path) {
        for (PathStep p : path) {
            if (p.stage() == s.stage && (p.cell() == null || p.cell().equals(s.point.cell))) {
                return true;
            }
        }
        return false;
    }

    private PointState pointFor(PathStep step) {
        if (step.kind() == PointKind.CONTAINER_VETH) {
            PointState v = topo.vethOf(step.containerIp());
            return v != null && (step.cell() == null || step.cell().equals(v.cell)) ? v : null;
        }
        return step.cell() == null ? null : topo.pointOfKind(step.cell(), step.kind());
    }

    // ---- where the packet comes from and goes ----

    private String sourceCell(OpenJourney j) {
        String c = topo.cellOfOverlay(j.key.src());
        if (c != null) {
            return c;
        }
        for (Sighting s : j.sightings) {
            if (s.point.vethIp == j.key.src()) {
                return s.point.cell;
            }
            if (s.encapsulated && s.point.kind == PointKind.UNDERLAY && s.outerSrc == topo.localUnderlayIp(s.point)) {
                return s.point.cell;
            }
        }
        return null;
    }

    private String destinationCell(OpenJourney j) {
        String c = topo.cellOfOverlay(j.key.dst());
        if (c != null) {
            return c;
        }
        for (Sighting s : j.sightings) {
            if (s.point.vethIp == j.key.dst()) {
                return s.point.cell;
            }
            if (s.encapsulated && s.point.kind == PointKind.UNDERLAY) {
                String byOuter = topo.cellWithUnderlayIp(s.outerDst);
                if (byOuter != null) {
                    return byOuter;
                }
            }
        }
        return null;
    }

    private int stageOf(Sighting s, FlowKey k, String srcCell, String dstCell) {
        PointState p = s.point;
        switch (p.kind) {
            case CONTAINER_VETH:
                if (p.vethIp == k.src()) {
                    return 2;
                }
                return p.vethIp == k.dst() ? 11 : 0;
            case VTEP:
                if (p.cell.equals(srcCell) && !p.cell.equals(dstCell)) {
                    return 4;
                }
                if (p.cell.equals(dstCell) && !p.cell.equals(srcCell)) {
                    return 9;
                }
                return p.cell.equals(dstCell) ? 9 : 4;
            case UNDERLAY:
                if (!s.encapsulated) {
                    return 0;
                }
                int local = topo.localUnderlayIp(p);
                if (local != 0 && s.outerSrc == local) {
                    return 6;
                }
                if (local != 0 && s.outerDst == local) {
                    return 8;
                }
                return p.cell.equals(srcCell) ? 6 : 8;
            default:
                return 0;
        }
    }

    /** The points a packet from {@code src} to {@code dst} must pass, in order. */
    private List<PathStep> path(FlowKey k, String srcCell, String dstCell) {
        List<PathStep> path = new ArrayList<>(6);
        boolean fromCell = topo.isVtepAddress(k.src());
        if (k.src() == VETH_HOST_IP) {
            // An ICMP error from the host side of a veth: made on the destination's own cell.
            path.add(new PathStep(11, dstCell, PointKind.CONTAINER_VETH, k.dst()));
            return path;
        }
        boolean toCell = topo.isVtepAddress(k.dst());
        if (srcCell != null && srcCell.equals(dstCell)) {
            path.add(new PathStep(2, srcCell, PointKind.CONTAINER_VETH, k.src()));
            path.add(new PathStep(11, dstCell, PointKind.CONTAINER_VETH, k.dst()));
            return path;
        }
        if (!fromCell) {
            path.add(new PathStep(2, srcCell, PointKind.CONTAINER_VETH, k.src()));
        }
        path.add(new PathStep(4, srcCell, PointKind.VTEP, -1));
        path.add(new PathStep(6, srcCell, PointKind.UNDERLAY, -1));
        path.add(new PathStep(8, dstCell, PointKind.UNDERLAY, -1));
        path.add(new PathStep(9, dstCell, PointKind.VTEP, -1));
        if (!toCell) {
            path.add(new PathStep(11, dstCell, PointKind.CONTAINER_VETH, k.dst()));
        }
        return path;
    }

    /** A packet seen leaving one cell and arriving at another gives one clock sample. */
    private void teachClocks(OpenJourney j, String srcCell, String dstCell) {
        if (srcCell == null || dstCell == null || srcCell.equals(dstCell)) {
            return;
        }
        Sighting out = null;
        Sighting in = null;
        for (Sighting s : j.sightings) {
            if (s.stage >= 2 && s.stage <= 6 && s.point.cell.equals(srcCell) && (out == null || s.stage > out.stage)) {
                out = s;
            }
            if (s.stage >= 8 && s.point.cell.equals(dstCell) && (in == null || s.stage < in.stage)) {
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
