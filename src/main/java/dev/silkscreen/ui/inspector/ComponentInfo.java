package dev.silkscreen.ui.inspector;

import dev.silkscreen.model.Cell;
import dev.silkscreen.model.CellTables;
import dev.silkscreen.model.Foundation;
import dev.silkscreen.model.Instance;
import dev.silkscreen.model.Journey;
import dev.silkscreen.model.SilkNames;
import dev.silkscreen.ui.canvas.Part;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * What a clicked part is, its state as silk configures it (addresses, routes, neighbours, FDB,
 * iptables rules, with the rule that decided the followed packet highlighted) and the commands
 * that show it on a real cell.
 */
public record ComponentInfo(String title, String what, List<Section> sections, List<String> commands) {

    /** A block of state lines; {@code highlighted} indexes the lines to emphasise. */
    public record Section(String title, List<String> lines, Set<Integer> highlighted) {
    }

    /** Describes {@code part} of {@code f}; {@code journey} (may be null) picks the matched rule. */
    public static ComponentInfo of(Foundation f, Part part, Journey journey) {
        return switch (part.kind()) {
            case CELL -> cell(f, part.cell());
            case CONTAINER -> container(f, part.instance());
            case VETH -> veth(part.cell(), part.instance());
            case GATE -> gate(f, part.cell(), journey);
            case VTEP -> vtep(f, part.cell());
            case NIC -> nic(f, part.cell());
            case UNDERLAY -> underlay(f);
        };
    }

    private static ComponentInfo cell(Foundation f, Cell c) {
        List<String> lines = new ArrayList<>();
        lines.add("underlay " + c.underlayIp() + " on " + c.underlayNic() + ", MTU " + c.underlayMtu());
        lines.add("overlay lease " + c.subnet() + " (silk-vtep " + c.vtepIp() + ", MTU " + c.overlayMtu() + ")");
        f.instances().stream().filter(i -> i.cell().equals(c.name()))
                .forEach(i -> lines.add(i.app() + "/" + i.index() + "  " + i.ip() + "  " + i.vethName()));
        f.faults().stream().filter(x -> c.name().equals(x.cell()))
                .forEach(x -> lines.add("fault " + x.kind() + ": " + x.detail()));
        return new ComponentInfo("Diego cell " + c.name(),
                "A VM that runs app containers. Silk gives it a /24 of the overlay network; its containers take addresses from it.",
                List.of(new Section("Cell", lines, Set.of())),
                List.of("bosh -d cf ssh " + c.name(), "cfdot cells", "cfdot actual-lrps"));
    }

    private static ComponentInfo container(Foundation f, Instance i) {
        String tag = f.app(i.app()).map(a -> "0x" + a.tagHex()).orElse("?");
        List<String> lines = List.of(
                "eth0  " + i.ip() + "/32  mac " + SilkNames.formatMac(i.containerMac()),
                "default via " + SilkNames.VETH_HOST_IP + " dev eth0",
                SilkNames.VETH_HOST_IP + " dev eth0 lladdr " + SilkNames.formatMac(i.hostVethMac()) + " PERMANENT",
                "resolver 169.254.0.2 (bosh-dns)",
                "app " + i.app() + " · policy tag " + tag + " · handle " + i.handle());
        return new ComponentInfo(i.app() + " instance " + i.index(),
                "An app container: its own network namespace with one interface, eth0, the inside end of its veth pair.",
                List.of(new Section("Inside the container", lines, Set.of())),
                List.of("cf ssh " + i.app() + " -i " + i.index() + " -c 'ip addr; ip route'",
                        "grep " + i.ip() + " /var/vcap/data/container-metadata/store.json"));
    }

    private static ComponentInfo veth(Cell c, Instance i) {
        List<String> lines = List.of(
                "container side: eth0  " + i.ip() + "/32  " + SilkNames.formatMac(i.containerMac()),
                "host side: " + i.vethName() + "  " + SilkNames.VETH_HOST_IP + " peer " + i.ip() + "/32  "
                        + SilkNames.formatMac(i.hostVethMac()),
                "MTU " + c.overlayMtu() + " (underlay " + c.underlayMtu() + " − 50), ARP off, static neighbours",
                "cell route: " + i.ip() + " dev " + i.vethName() + " scope link");
        return new ComponentInfo("veth pair of " + i.app() + "/" + i.index(),
                "A virtual cable: what goes in one end comes out of the other. It joins the container's namespace to the cell's.",
                List.of(new Section("Both ends", lines, Set.of())),
                List.of("ip addr show " + i.vethName(), "ip route | grep " + i.vethName(), "tcpdump -ni " + i.vethName()));
    }

    private static ComponentInfo gate(Foundation f, Cell c, Journey j) {
        RuleBook.Rules rules = RuleBook.of(f, c.name());
        Set<Integer> hl = new java.util.HashSet<>();
        String decided = "";
        if (j != null) {
            boolean isDst = f.instanceByIp(j.flow().dst()).map(i -> i.cell().equals(c.name())).orElse(false);
            boolean isSrc = f.instanceByIp(j.flow().src()).map(i -> i.cell().equals(c.name())).orElse(false);
            if (isSrc) {
                int m = RuleMatcher.markRule(rules.lines(), j);
                if (m >= 0) {
                    hl.add(m);
                    decided = "Highlighted: the rule that marks packet #" + j.id() + ". ";
                }
            }
            if (isDst) {
                int d = RuleMatcher.decidingRule(rules.lines(), j);
                if (d >= 0) {
                    hl.add(d);
                    decided += "Highlighted: the rule that decided packet #" + j.id() + " on arrival.";
                }
            }
        }
        String origin = rules.derived() ? " (derived from the foundation's policies)" : "";
        return new ComponentInfo("iptables on " + c.name(),
                "The FORWARD chain. vpa-- marks packets from local apps with their tag and accepts incoming packets whose mark a "
                        + "policy allows; each container's overlay-- chain rejects the rest. " + decided,
                List.of(new Section("iptables -S" + origin, rules.lines(), hl)),
                List.of("iptables -S FORWARD", "iptables -S | grep set-xmark", "iptables -S | grep -E 'vpa--|overlay--'",
                        "grep -E 'OK_|DENY_C2C' /var/log/kern.log"));
    }

    private static ComponentInfo vtep(Foundation f, Cell c) {
        CellTables known = f.tablesOf(c.name());
        boolean recorded = !known.routes().isEmpty() || !known.neighbours().isEmpty() || !known.fdb().isEmpty();
        List<String> routes = new ArrayList<>();
        List<String> neigh = new ArrayList<>();
        List<String> fdb = new ArrayList<>();
        if (recorded) {
            known.routes().stream().filter(r -> SilkNames.VTEP_IFACE.equals(r.dev())).forEach(r -> routes.add(r.render()));
            known.neighbours().stream().filter(n -> SilkNames.VTEP_IFACE.equals(n.dev())).forEach(n -> neigh.add(n.render()));
            known.fdb().forEach(e -> fdb.add(e.render()));
        } else {
            routes.add(SilkNames.OVERLAY_NETWORK + " dev silk-vtep proto kernel scope link src " + c.vtepIp());
            for (Cell other : f.cells()) {
                if (other.name().equals(c.name())) {
                    continue;
                }
                String mac = SilkNames.formatMac(other.vtepMac());
                routes.add(other.subnet() + " via " + other.vtepIp() + " dev silk-vtep src " + c.vtepIp());
                neigh.add(other.vtepIp() + " dev silk-vtep lladdr " + mac + " PERMANENT");
                fdb.add(mac + " dev silk-vtep dst " + other.underlayIp() + " self permanent");
            }
        }
        List<String> link = List.of("silk-vtep: mtu " + c.overlayMtu() + " · mac " + SilkNames.formatMac(c.vtepMac()),
                "vxlan id " + SilkNames.VNI + " local " + c.underlayIp() + " dev " + c.underlayNic() + " dstport "
                        + SilkNames.VXLAN_PORT + " nolearning gbp",
                "inet " + c.vtepIp() + "/16");
        String origin = recorded ? "" : " (derived from the leases)";
        List<Section> sections = new ArrayList<>(List.of(new Section("ip -d link / addr", link, Set.of()),
                new Section("ip route (overlay)" + origin, routes, Set.of()),
                new Section("ip neigh show dev silk-vtep" + origin, neigh, Set.of()),
                new Section("bridge fdb show dev silk-vtep" + origin, fdb, Set.of())));
        List<String> faults = f.faults().stream().filter(x -> c.name().equals(x.cell()))
                .map(x -> x.kind() + ": " + x.detail()).toList();
        if (!faults.isEmpty()) {
            sections.add(new Section("Faults on this cell", faults, Set.of()));
        }
        return new ComponentInfo("silk-vtep on " + c.name(),
                "The cell's VXLAN device. Overlay packets routed to it are wrapped in UDP to the other cell (the mark travels as "
                        + "the GBP ID); packets arriving on UDP 4789 are unwrapped here.",
                sections,
                List.of("ip -d link show silk-vtep", "ip route", "ip neigh show dev silk-vtep", "bridge fdb show dev silk-vtep"));
    }

    private static ComponentInfo nic(Foundation f, Cell c) {
        List<String> lines = List.of(c.underlayNic() + "  inet " + c.underlayIp() + "  mtu " + c.underlayMtu(),
                "carries VXLAN: UDP " + SilkNames.VXLAN_PORT + " to and from the other cells' underlay addresses");
        return new ComponentInfo(c.underlayNic() + " on " + c.name(),
                "The cell's underlay network interface: the VM's own NIC. Wrapped c2c packets leave and arrive here.",
                List.of(new Section("Interface", lines, Set.of())),
                List.of("ip addr show " + c.underlayNic(), "tcpdump -ni " + c.underlayNic() + " udp port " + SilkNames.VXLAN_PORT));
    }

    private static ComponentInfo underlay(Foundation f) {
        List<String> lines = f.cells().stream().map(c -> c.name() + "  " + c.underlayIp() + "  MTU " + c.underlayMtu()).toList();
        return new ComponentInfo("Underlay network",
                "The IaaS network between the cells' VMs. It sees only cell-to-cell UDP on port 4789; the containers' packets "
                        + "ride inside.",
                List.of(new Section("Cells", lines, Set.of())),
                List.of("ping <other cell's underlay IP>", "tcpdump -ni eth0 udp port 4789"));
    }
}
