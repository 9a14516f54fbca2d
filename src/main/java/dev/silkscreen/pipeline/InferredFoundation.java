package dev.silkscreen.pipeline;

import dev.silkscreen.decode.DecodedFrame;
import dev.silkscreen.decode.FrameDecoder;
import dev.silkscreen.model.CapturePoint;
import dev.silkscreen.model.Cell;
import dev.silkscreen.model.Foundation;
import dev.silkscreen.model.Hop;
import dev.silkscreen.model.Instance;
import dev.silkscreen.model.Ipv4;
import dev.silkscreen.model.Journey;
import dev.silkscreen.model.PointKind;
import dev.silkscreen.model.SilkNames;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A foundation for the picture when capture files come without a topology: the cells are the
 * capture points' cells; each cell's overlay /24 comes from its veth names or from the packets it
 * sent and received through silk-vtep; its underlay address from the outer headers at its NIC;
 * containers from veth names and from the overlay addresses in its /24. App names are unknown
 * (shown as "container").
 */
final class InferredFoundation {
    static final String UNKNOWN_APP = "container";

    private InferredFoundation() {
    }

    static Foundation of(List<CapturePoint> points, List<Journey> journeys) {
        Map<String, CellFacts> cells = new TreeMap<>();
        for (CapturePoint p : points) {
            facts(cells, p.cell()).see(p);
        }
        FrameDecoder decoder = new FrameDecoder();
        DecodedFrame d = new DecodedFrame();
        for (Journey j : journeys) {
            for (Hop h : j.hops()) {
                if (h.point() == null) {
                    continue;
                }
                CellFacts c = facts(cells, h.point().cell());
                c.see(h.point());
                int src = parse(j.flow().src());
                int dst = parse(j.flow().dst());
                if (h.stage() <= 4 && src != 0 && SilkNames.isOverlay(src)) {
                    c.lease = src & 0xFFFFFF00;
                } else if (h.stage() >= 9 && dst != 0 && SilkNames.isOverlay(dst)) {
                    c.lease = dst & 0xFFFFFF00;
                }
                if (h.frame() != null && (h.stage() == 6 || h.stage() == 8)) {
                    decoder.decode(h.frame(), d);
                    if (d.encapsulated) {
                        c.underlay = h.stage() == 6 ? d.outerSrc : d.outerDst;
                    }
                }
            }
        }
        List<Cell> cellList = new ArrayList<>();
        List<Instance> instances = new ArrayList<>();
        for (CellFacts c : cells.values()) {
            if (c.name.isEmpty()) {
                continue;
            }
            String subnet = c.lease == 0 ? "0.0.0.0/32" : Ipv4.format(c.lease) + "/24";
            cellList.add(new Cell(c.name, c.underlay == 0 ? "?" : Ipv4.format(c.underlay), c.nic, 1500, subnet));
            for (int ip : c.containers.keySet()) {
                instances.add(new Instance(UNKNOWN_APP, 0, c.name, Ipv4.format(ip), ""));
            }
        }
        addJourneyEnds(cellList, instances, journeys);
        return new Foundation("captures", cellList, List.of(), instances, List.of(), Map.of());
    }

    private static void addJourneyEnds(List<Cell> cells, List<Instance> instances, List<Journey> journeys) {
        for (Journey j : journeys) {
            for (String ip : new String[] {j.flow().src(), j.flow().dst()}) {
                int v = parse(ip);
                if (v == 0 || instances.stream().anyMatch(i -> i.ip().equals(ip))) {
                    continue;
                }
                for (Cell c : cells) {
                    if (c.subnetPrefix() == 24 && c.holds(v) && !c.vtepIp().equals(ip)) {
                        instances.add(new Instance(UNKNOWN_APP, 0, c.name(), ip, ""));
                        break;
                    }
                }
            }
        }
    }

    private static CellFacts facts(Map<String, CellFacts> cells, String name) {
        return cells.computeIfAbsent(name, CellFacts::new);
    }

    private static int parse(String ip) {
        try {
            return ip == null ? 0 : Ipv4.parse(ip);
        } catch (IllegalArgumentException e) {
            return 0;
        }
    }

    /** What the captures say about one cell. */
    private static final class CellFacts {
        final String name;
        String nic = "eth0";
        int lease;
        int underlay;
        final Map<Integer, Boolean> containers = new LinkedHashMap<>();

        CellFacts(String name) {
            this.name = name;
        }

        void see(CapturePoint p) {
            if (p.kind() == PointKind.UNDERLAY) {
                nic = p.iface();
            } else if (p.kind() == PointKind.CONTAINER_VETH) {
                int ip = SilkNames.containerIpOfVeth(p.iface());
                if (ip != -1) {
                    containers.put(ip, true);
                    lease = ip & 0xFFFFFF00;
                }
            }
        }
    }
}
