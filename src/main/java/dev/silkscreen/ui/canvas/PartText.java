package dev.silkscreen.ui.canvas;

/** One-line descriptions of the parts, for tooltips and accessible text. */
public final class PartText {
    private PartText() {
    }

    public static String tooltip(Part p) {
        return switch (p.kind()) {
            case CELL -> p.cell().name() + ": a Diego cell (VM), underlay " + p.cell().underlayIp()
                    + ", overlay lease " + p.cell().subnet();
            case CONTAINER -> p.instance().app() + " instance " + p.instance().index() + ": a container (own network namespace), "
                    + p.instance().ip();
            case VETH -> "veth pair: eth0 in the container ↔ " + p.instance().vethName() + " on the cell · click for details";
            case GATE -> "iptables FORWARD on " + p.cell().name() + ": marks outgoing, checks policy on incoming · click for rules";
            case VTEP -> "silk-vtep on " + p.cell().name() + ": VXLAN device (VNI 1, GBP) · click for routes, neighbours, FDB";
            case NIC -> p.cell().underlayNic() + " on " + p.cell().name() + ": the underlay NIC, " + p.cell().underlayIp();
            case UNDERLAY -> "the underlay (IaaS) network between the cells: UDP 4789";
        };
    }
}
