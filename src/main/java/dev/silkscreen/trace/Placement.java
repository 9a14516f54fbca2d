package dev.silkscreen.trace;

import dev.silkscreen.model.Ipv4;
import dev.silkscreen.model.PointKind;
import dev.silkscreen.model.SilkNames;
import dev.silkscreen.model.Stage;
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
            if (p.stage().compareTo(Stage.LEAVE_CELL) <= 0) {
                out.add(p);
            }
        }
        out.add(new PathStep(Stage.ARRIVE_CELL, wrongCell, PointKind.UNDERLAY, -1));
        out.add(new PathStep(Stage.DECAPSULATE, wrongCell, PointKind.VTEP, -1));
        return out;
    }

    /** True when a sighting is at one of the path's points (not, say, on a cell it was misdirected to). */
    boolean onPath(Sighting s, List<PathStep> path) {
        for (PathStep p : path) {
            if (p.stage().number() == s.stage && (p.cell() == null || p.cell().equals(s.point.cell))) {
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
                    return Stage.VETH_OUT.number();
                }
                return p.vethIp == k.dst() ? Stage.DELIVER.number() : 0;
            case VTEP:
                if (p.cell.equals(srcCell) && !p.cell.equals(dstCell)) {
                    return Stage.TO_VTEP.number();
                }
                if (p.cell.equals(dstCell) && !p.cell.equals(srcCell)) {
                    return Stage.DECAPSULATE.number();
                }
                if (srcCell != null && !p.cell.equals(srcCell)) {
                    // Neither the sender's nor the receiver's: only a misdirected packet gets here, decapsulated.
                    return Stage.DECAPSULATE.number();
                }
                return p.cell.equals(dstCell) ? Stage.DECAPSULATE.number() : Stage.TO_VTEP.number();
            case UNDERLAY:
                if (!s.encapsulated) {
                    return 0;
                }
                int local = topo.localUnderlayIp(p);
                if (local != 0 && s.outerSrc == local) {
                    return Stage.LEAVE_CELL.number();
                }
                if (local != 0 && s.outerDst == local) {
                    return Stage.ARRIVE_CELL.number();
                }
                return p.cell.equals(srcCell) ? Stage.LEAVE_CELL.number() : Stage.ARRIVE_CELL.number();
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
            path.add(new PathStep(Stage.DELIVER, dstCell, PointKind.CONTAINER_VETH, k.dst()));
            return path;
        }
        boolean toCell = topo.isVtepAddress(k.dst());
        if (srcCell != null && srcCell.equals(dstCell)) {
            path.add(new PathStep(Stage.VETH_OUT, srcCell, PointKind.CONTAINER_VETH, k.src()));
            path.add(new PathStep(Stage.DELIVER, dstCell, PointKind.CONTAINER_VETH, k.dst()));
            return path;
        }
        if (!fromCell) {
            path.add(new PathStep(Stage.VETH_OUT, srcCell, PointKind.CONTAINER_VETH, k.src()));
        }
        path.add(new PathStep(Stage.TO_VTEP, srcCell, PointKind.VTEP, -1));
        path.add(new PathStep(Stage.LEAVE_CELL, srcCell, PointKind.UNDERLAY, -1));
        path.add(new PathStep(Stage.ARRIVE_CELL, dstCell, PointKind.UNDERLAY, -1));
        path.add(new PathStep(Stage.DECAPSULATE, dstCell, PointKind.VTEP, -1));
        if (!toCell) {
            path.add(new PathStep(Stage.DELIVER, dstCell, PointKind.CONTAINER_VETH, k.dst()));
        }
        return path;
    }
}
