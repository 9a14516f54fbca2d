package dev.silkscreen.ui.canvas;

import dev.silkscreen.model.Cell;
import dev.silkscreen.model.Foundation;
import dev.silkscreen.model.Hop;
import dev.silkscreen.model.Instance;
import dev.silkscreen.model.Ipv4;
import dev.silkscreen.model.Journey;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The route a journey's packet takes across the picture: where it rests at each of the eleven
 * steps and the legs between them. Cross-cell packets go down through the source cell, along the
 * underlay and up through the destination cell; same-cell packets stay in the cell's host routing
 * and are never encapsulated.
 */
public final class PacketPath {
    private final Point[] anchors = new Point[12];
    private final List<List<Point>> legs = new ArrayList<>(12);
    private final boolean crossesCells;
    private final String srcCell;
    private final String dstCell;
    private final String srcIp;
    private final String dstIp;

    private PacketPath(PictureLayout layout, Endpoint src, Endpoint dst) {
        this.srcCell = src.cell == null ? null : src.cell.name();
        this.dstCell = dst.cell == null ? null : dst.cell.name();
        this.srcIp = src.instance == null ? null : src.instance.ip();
        this.dstIp = dst.instance == null ? null : dst.instance.ip();
        this.crossesCells = srcCell == null || dstCell == null || !srcCell.equals(dstCell);
        Box bus = layout.bus();
        Point outsideLeft = new Point(bus.x(), bus.cy());
        Point outsideRight = new Point(bus.right(), bus.cy());

        Point srcContainer = src.containerPoint(layout, outsideLeft);
        Point srcVeth = src.vethPoint(layout, outsideLeft);
        Point srcGate = src.gatePoint(layout, outsideLeft);
        Point dstContainer = dst.containerPoint(layout, outsideRight);
        Point dstVeth = dst.vethPoint(layout, outsideRight);
        Point dstGate = dst.gatePoint(layout, outsideRight);
        anchors[0] = srcContainer;
        anchors[1] = srcContainer;
        anchors[2] = srcVeth;
        anchors[3] = srcGate;
        if (crossesCells) {
            Point srcVtep = src.cell == null ? outsideLeft : onRail(layout, srcCell, layout.vtep(srcCell));
            Point srcNic = src.cell == null ? outsideLeft : onRail(layout, srcCell, layout.nic(srcCell));
            Point dstVtep = dst.cell == null ? outsideRight : onRail(layout, dstCell, layout.vtep(dstCell));
            Point dstNic = dst.cell == null ? outsideRight : onRail(layout, dstCell, layout.nic(dstCell));
            List<Point> route = src.cell != null && dst.cell != null ? layout.underlayRoute(srcCell, dstCell)
                    : List.of(srcNic, new Point(srcNic.x(), bus.cy()), new Point(dstNic.x(), bus.cy()), dstNic);
            anchors[4] = srcVtep;
            anchors[5] = srcVtep;
            anchors[6] = srcNic;
            anchors[8] = dstNic;
            anchors[9] = dstVtep;
            anchors[10] = dstGate;
            anchors[11] = dstContainer;
            for (int k = 0; k <= 11; k++) {
                legs.add(List.of());
            }
            // step 7 rests on the wire just past the source cell's lane, clear of every part's text
            double down = route.get(0).distance(route.get(1));
            double along = route.size() > 2 ? route.get(1).distance(route.get(2)) : 0;
            splitAt(route, 7, along >= 2 * STEP7_OUT ? down + STEP7_OUT : -1);
        } else {
            Point route = srcGate.toward(dstGate, 0.5);
            for (int k = 4; k <= 9; k++) {
                anchors[k] = route;
            }
            anchors[10] = dstGate;
            anchors[11] = dstContainer;
            for (int k = 0; k <= 11; k++) {
                legs.add(List.of());
            }
        }
        legs.set(11, List.of(anchors[10], dstVeth, dstContainer));
        legs.set(3, List.of(srcVeth, srcGate));
        for (int k = 1; k <= 11; k++) {
            if (legs.get(k).isEmpty()) {
                legs.set(k, List.of(anchors[k - 1], anchors[k]));
            }
        }
    }

    /** How far along the bus from the source lane the packet rests at step 7. */
    static final double STEP7_OUT = 120;

    /** Splits the underlay route at length {@code at} (half its length when negative): legs 7 and 8. */
    private void splitAt(List<Point> route, int firstLeg, double at) {
        double total = 0;
        for (int i = 1; i < route.size(); i++) {
            total += route.get(i - 1).distance(route.get(i));
        }
        double want = at < 0 ? total / 2 : at;
        List<Point> first = new ArrayList<>();
        List<Point> second = new ArrayList<>();
        first.add(route.get(0));
        Point mid = route.get(route.size() - 1);
        int i = 1;
        for (; i < route.size(); i++) {
            double d = route.get(i - 1).distance(route.get(i));
            if (want <= d) {
                mid = route.get(i - 1).toward(route.get(i), d == 0 ? 1 : want / d);
                break;
            }
            want -= d;
            first.add(route.get(i));
        }
        first.add(mid);
        second.add(mid);
        for (; i < route.size(); i++) {
            second.add(route.get(i));
        }
        anchors[firstLeg] = mid;
        legs.set(firstLeg, first);
        legs.set(firstLeg + 1, second);
    }

    private static Point onRail(PictureLayout layout, String cell, Box device) {
        return new Point(layout.rail(cell), device.cy());
    }

    /** Plans the path of {@code journey} over {@code layout}. */
    public static PacketPath of(PictureLayout layout, Journey journey) {
        Foundation f = layout.foundation();
        Endpoint src = Endpoint.resolve(f, journey.flow() == null ? null : journey.flow().src(), firstCell(journey));
        Endpoint dst = Endpoint.resolve(f, journey.flow() == null ? null : journey.flow().dst(), lastCell(journey));
        String arrived = arrivalCell(journey);
        if (arrived != null && (dst.cell == null || !dst.cell.name().equals(arrived))) {
            // the packet reached another cell than its destination's (a stale FDB entry): follow the packet
            dst = new Endpoint(f.cell(arrived).orElse(null), null);
        }
        return new PacketPath(layout, src, dst);
    }

    private static String firstCell(Journey j) {
        return j.hops().isEmpty() || j.hops().get(0).point() == null ? null : j.hops().get(0).point().cell();
    }

    /** The cell where the packet was seen arriving (steps 8-11), or where it died past step 7; null when unknown. */
    private static String arrivalCell(Journey j) {
        for (Hop h : j.hops()) {
            if (h.stage() >= 8 && h.point() != null && !h.point().cell().isEmpty()) {
                return h.point().cell();
            }
        }
        return j.dropStage() >= 8 ? j.dropCell() : null;
    }

    private static String lastCell(Journey j) {
        if (j.hops().isEmpty()) {
            return null;
        }
        Hop last = j.hops().get(j.hops().size() - 1);
        return last.stage() >= 8 && last.point() != null ? last.point().cell() : null;
    }

    /** Where the packet rests at step {@code step} (1-11). */
    public Point anchor(int step) {
        return anchors[Math.max(1, Math.min(11, step))];
    }

    /**
     * Where the packet is {@code fraction} of the way along the leg into step {@code step}
     * (0 = at the previous step's anchor, 1 = at this step's anchor), by length along the leg.
     */
    public Point along(int step, double fraction) {
        List<Point> leg = legs.get(Math.max(1, Math.min(11, step)));
        double total = 0;
        for (int i = 1; i < leg.size(); i++) {
            total += leg.get(i - 1).distance(leg.get(i));
        }
        if (total == 0) {
            return leg.get(leg.size() - 1);
        }
        double want = Math.max(0, Math.min(1, fraction)) * total;
        for (int i = 1; i < leg.size(); i++) {
            double d = leg.get(i - 1).distance(leg.get(i));
            if (want <= d) {
                return leg.get(i - 1).toward(leg.get(i), d == 0 ? 1 : want / d);
            }
            want -= d;
        }
        return leg.get(leg.size() - 1);
    }

    /** True when the packet travels between cells (and so is encapsulated at steps 5-8). */
    public boolean crossesCells() {
        return crossesCells;
    }

    /** Whether the packet is inside an underlay envelope at this step. */
    public boolean encapsulatedAt(int step) {
        return crossesCells && step >= 5 && step <= 8;
    }

    /** The part the packet is at in step {@code step} (the part that acts in it), or null when unknown. */
    public Part place(PictureLayout layout, int step) {
        boolean out = step <= 6 || (!crossesCells && step <= 9);
        String cell = out ? srcCell : dstCell;
        String ip = step <= 2 ? srcIp : step == 11 ? dstIp : null;
        PartKind kind = switch (step) {
            case 1, 11 -> PartKind.CONTAINER;
            case 2 -> PartKind.VETH;
            case 3, 10 -> PartKind.GATE;
            case 4, 5, 9 -> PartKind.VTEP;
            case 6, 8 -> PartKind.NIC;
            default -> PartKind.UNDERLAY;
        };
        if (!crossesCells && step >= 4 && step <= 9) {
            kind = PartKind.GATE;
        }
        if (kind == PartKind.UNDERLAY) {
            return layout.parts().stream().filter(p -> p.kind() == PartKind.UNDERLAY).findFirst().orElse(null);
        }
        if (cell == null || ((kind == PartKind.CONTAINER) && ip == null)) {
            return null;
        }
        for (Part p : layout.parts()) {
            if (p.kind() == kind && p.cell() != null && p.cell().name().equals(cell)
                    && (ip == null || (p.instance() != null && p.instance().ip().equals(ip)))) {
                return p;
            }
        }
        return null;
    }

    public String srcCell() {
        return srcCell;
    }

    public String dstCell() {
        return dstCell;
    }

    /** One end of a journey: its container when known, else just its cell, else outside. */
    private record Endpoint(Cell cell, Instance instance) {
        static Endpoint resolve(Foundation f, String ip, String cellHint) {
            if (ip != null) {
                Optional<Instance> inst = f.instanceByIp(ip);
                if (inst.isPresent()) {
                    return new Endpoint(f.cell(inst.get().cell()).orElse(null), inst.get());
                }
                try {
                    Optional<Cell> cell = f.cellHolding(Ipv4.parse(ip));
                    if (cell.isPresent()) {
                        return new Endpoint(cell.get(), null);
                    }
                } catch (IllegalArgumentException notIpv4) {
                    // fall through to the hint
                }
            }
            return new Endpoint(cellHint == null ? null : f.cell(cellHint).orElse(null), null);
        }

        /** Beside the container, in the cell's lane (on it when the container is drawn small). */
        Point containerPoint(PictureLayout layout, Point outside) {
            if (instance != null && layout.container(instance.ip()) != null) {
                Box c = layout.container(instance.ip());
                return new Point(layout.rail(cell.name()), c.cy());
            }
            return gatePoint(layout, outside);
        }

        /** Beside the host end of the veth pair, in the lane. */
        Point vethPoint(PictureLayout layout, Point outside) {
            if (instance != null && layout.veth(instance.ip()) != null) {
                Box v = layout.veth(instance.ip());
                return new Point(layout.rail(cell.name()), v.cy());
            }
            return gatePoint(layout, outside);
        }

        Point gatePoint(PictureLayout layout, Point outside) {
            if (cell == null) {
                return outside;
            }
            return new Point(layout.rail(cell.name()), layout.gate(cell.name()).cy());
        }
    }
}
