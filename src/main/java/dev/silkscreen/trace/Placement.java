package dev.silkscreen.trace;

import dev.silkscreen.model.Ipv4;
import dev.silkscreen.model.PointKind;
import dev.silkscreen.model.SilkNames;
import java.util.ArrayList;
import java.util.List;

/**
 * Where a packet comes from and goes, the points it must pass on the way, and which of the
 * eleven steps each of its sightings shows — from the topology as far as it is known.
 */
final class Placement {
    private static final int VETH_HOST_IP = Ipv4.parse(SilkNames.VETH_HOST_IP);

    private final Topology topo;

    Placement(Topology topo) {
        this.topo = topo;
    }

    /** The path of a packet the source cell sent to the wrong cell: it ends at that cell's silk-vtep. */
    static List<PathStep> misdirectedPath(List<PathStep> path, String wrongCell) {
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

    /** True when a sighting is at one of the path's points (not, say, on a cell it was misdirected to). */
    boolean onPath(Sighting s, List<PathStep> path) {
        for (PathStep p : path) {
            if (p.stage() == s.stage && (p.cell() == null || p.cell().equals(s.point.cell))) {
                return true;
            }
        }
        return false;
    }

    /** The captured point of a path step, null when nothing was captured there. */
    PointState pointFor(PathStep step) {
        if (step.kind() == PointKind.CONTAINER_VETH) {
            PointState v = topo.vethOf(step.containerIp());
            return v != null && (step.cell() == null || step.cell().equals(v.cell)) ? v : null;
        }
        return step.cell() == null ? null : topo.pointOfKind(step.cell(), step.kind());
    }

    /** The cell the packet was sent from: its source's lease, else where it was seen leaving. */
    String sourceCell(OpenJourney j) {
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

    /** The cell the packet is for: its destination's lease, else where it was seen arriving. */
    String destinationCell(OpenJourney j) {
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

    /** The step a sighting shows, given where the packet comes from and goes; 0 when it shows none. */
    int stageOf(Sighting s, FlowKey k, String srcCell, String dstCell) {
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
                if (srcCell != null && !p.cell.equals(srcCell)) {
                    // Neither the sender's nor the receiver's: only a misdirected packet gets here, decapsulated.
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
    List<PathStep> path(FlowKey k, String srcCell, String dstCell) {
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
}
