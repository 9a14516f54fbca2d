package dev.silkscreen.sim;

import dev.silkscreen.model.App;
import dev.silkscreen.model.Cell;
import dev.silkscreen.model.CellTables;
import dev.silkscreen.model.ConntrackUse;
import dev.silkscreen.model.FdbEntry;
import dev.silkscreen.model.Fault;
import dev.silkscreen.model.Foundation;
import dev.silkscreen.model.Instance;
import dev.silkscreen.model.IptablesRule;
import dev.silkscreen.model.Ipv4;
import dev.silkscreen.model.Neighbour;
import dev.silkscreen.model.Policy;
import dev.silkscreen.model.Route;
import dev.silkscreen.model.SilkNames;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.UUID;

/**
 * Builds a foundation from a {@link ScenarioSpec} the way Silk would: silk-controller leases a
 * /24 per cell, silk-cni gives containers addresses from .2 up with their veths, routes and
 * neighbours, silk-daemon writes a route, a neighbour and an FDB entry per remote cell,
 * vxlan-policy-agent writes the {@code vpa--} chain and the CNI wrapper an {@code overlay--}
 * chain per container. Faults then change what they change.
 *
 * <p>Simplification: every app has a policy tag (policy-server allocates one when an app first
 * appears in a policy and keeps it), so every container's packets are marked and carry GBP.
 */
final class SilkFoundation {
    /** vxlan-policy-agent names its chain after the µs time it built it: 2026-01-01T00:00Z here. */
    static final long VPA_CHAIN_MICROS = 1_767_225_600_000_000L;
    static final String VPA_CHAIN = "vpa--" + VPA_CHAIN_MICROS;
    /** nf_conntrack_max on a cell with 8 GiB or more (the kernel sizes it from memory). */
    static final long DEFAULT_CONNTRACK_MAX = 262_144L;

    private SilkFoundation() {
    }

    static BuiltFoundation build(ScenarioSpec spec, long seed) {
        SplittableRandom rnd = new SplittableRandom(seed ^ 0x5117_C0DEL);
        List<Cell> cells = new ArrayList<>();
        Map<String, Integer> containerMtu = new HashMap<>();
        Map<String, Long> clock = new HashMap<>();
        Set<Integer> usedSubnets = new HashSet<>();
        for (ScenarioSpec.CellSpec c : spec.cells()) {
            if (c.subnet() != null) {
                usedSubnets.add(lease(c));
            }
        }
        int freeLeases = 254 - (int) usedSubnets.stream().filter(SilkFoundation::autoLease).count();
        int n = 0;
        for (ScenarioSpec.CellSpec c : spec.cells()) {
            n++;
            require(c.name() != null && !c.name().isBlank(), "cell " + n + " has no name");
            String subnet = c.subnet();
            if (subnet == null) {
                require(freeLeases-- > 0, "cell " + c.name() + " has no subnet and no /24 of " + SilkNames.OVERLAY_NETWORK
                        + " is left to lease (254 at most; give cells a subnet)");
                int s;
                do {
                    s = SilkNames.OVERLAY_BASE | ((1 + rnd.nextInt(254)) << 8);
                } while (!usedSubnets.add(s));
                subnet = Ipv4.format(s) + "/24";
            } else {
                subnet = Ipv4.format(lease(c)) + "/24";
            }
            String underlay = c.underlayIp() != null ? c.underlayIp() : Ipv4.format(Ipv4.parse("10.0.16.0") + 10 + n);
            ipv4("cell " + c.name() + ": underlayIp", underlay);
            int mtu = c.mtu() != null ? c.mtu() : 1500;
            require(mtu >= 576 && mtu <= 9000, "cell " + c.name() + ": mtu " + mtu + " is not between 576 and 9000");
            Cell cell = new Cell(c.name(), underlay, c.nic() != null ? c.nic() : "eth0", mtu, subnet);
            require(cells.stream().noneMatch(x -> x.name().equals(cell.name())), "cell " + c.name() + " is defined twice");
            cells.add(cell);
            containerMtu.put(cell.name(), c.containerMtu() != null && c.containerMtu() > 0 ? c.containerMtu() : cell.overlayMtu());
            clock.put(cell.name(), c.clockOffset() == null ? 0L : ScenarioSpec.nanos(c.clockOffset()));
        }
        require(!cells.isEmpty(), "the scenario has no cells");

        List<App> apps = new ArrayList<>();
        Set<Integer> tags = new HashSet<>();
        for (ScenarioSpec.AppSpec a : spec.apps()) {
            if (a.tag() != null) {
                require(a.tag() > 0 && a.tag() <= 0xFFFF, "app " + a.name() + ": tag must be 1-65535");
                require(tags.add(a.tag()), "app " + a.name() + ": tag " + a.tag() + " is already used");
            }
        }
        int nextTag = 1;
        for (ScenarioSpec.AppSpec a : spec.apps()) {
            require(a.name() != null && !a.name().isBlank(), "an app has no name");
            int tag;
            if (a.tag() != null) {
                tag = a.tag();
            } else {
                while (tags.contains(nextTag)) {
                    nextTag++;
                }
                tag = nextTag;
                tags.add(tag);
            }
            String guid = a.guid() != null ? a.guid() : uuid("app:" + a.name());
            apps.add(new App(a.name(), guid, tag));
        }

        List<Instance> instances = new ArrayList<>();
        Map<String, Integer> nextHost = new HashMap<>();
        Map<String, Integer> nextIndex = new HashMap<>();
        for (ScenarioSpec.InstanceSpec i : spec.instances()) {
            require(apps.stream().anyMatch(a -> a.name().equals(i.app())), "instance of unknown app " + i.app());
            Cell cell = cells.stream().filter(c -> c.name().equals(i.cell())).findFirst()
                    .orElseThrow(() -> new ScenarioException("instance of " + i.app() + " on unknown cell " + i.cell()));
            int count = i.count() == null ? 1 : i.count();
            for (int k = 0; k < count; k++) {
                int host = nextHost.getOrDefault(cell.name(), 2);
                require(host <= 254, "cell " + cell.name() + " has no address left in " + cell.subnet());
                nextHost.put(cell.name(), host + 1);
                int index = nextIndex.getOrDefault(i.app(), 0);
                nextIndex.put(i.app(), index + 1);
                String ip = Ipv4.format(cell.subnetAddress() | host);
                instances.add(new Instance(i.app(), index, cell.name(), ip, uuid("container:" + i.app() + "/" + index)));
            }
        }

        List<Policy> policies = new ArrayList<>();
        for (ScenarioSpec.PolicySpec p : spec.policies()) {
            require(apps.stream().anyMatch(a -> a.name().equals(p.from())), "policy from unknown app " + p.from());
            require(apps.stream().anyMatch(a -> a.name().equals(p.to())), "policy to unknown app " + p.to());
            String proto = p.protocol() == null ? "tcp" : p.protocol().toLowerCase(java.util.Locale.ROOT);
            require(proto.equals("tcp") || proto.equals("udp") || proto.equals("icmp"), "policy protocol must be tcp, udp or icmp, not " + proto);
            int lo = 0;
            int hi = 0;
            if (!proto.equals("icmp")) {
                require(p.ports() != null, "policy " + p.from() + " -> " + p.to() + " has no ports");
                java.util.regex.Matcher m = PORTS.matcher(p.ports());
                require(m.matches(), "policy ports must read 8080 or 7000-8000, not " + p.ports());
                try {
                    lo = Integer.parseInt(m.group(1));
                    hi = m.group(2) != null ? Integer.parseInt(m.group(2)) : lo;
                } catch (NumberFormatException e) {
                    throw new ScenarioException("policy ports out of range: " + p.ports());
                }
                require(lo >= 1 && hi <= 65535 && lo <= hi, "policy ports out of range: " + p.ports());
            }
            policies.add(new Policy(p.from(), p.to(), proto, lo, hi));
        }

        // Faults
        Map<String, String> staleFdb = new HashMap<>();
        Set<String> noRoute = new HashSet<>();
        Set<String> down = new HashSet<>();
        Set<String> meow = new HashSet<>();
        Map<String, Integer> underlayLimits = new HashMap<>();
        Map<String, ConntrackUse> conntrack = new HashMap<>();
        Set<String> lagging = new HashSet<>();
        List<Fault> faults = new ArrayList<>();
        for (ScenarioSpec.FaultSpec f : spec.faults()) {
            require(f.kind() != null, "a fault has no kind");
            require(cells.stream().anyMatch(c -> c.name().equals(f.cell())), "fault " + f.kind() + " on unknown cell " + f.cell());
            switch (f.kind()) {
                case "stale-fdb" -> {
                    require(cells.stream().anyMatch(c -> c.name().equals(f.peer())), "stale-fdb: unknown peer cell " + f.peer());
                    require(f.underlayIp() != null, "stale-fdb needs underlayIp (where the stale entry points)");
                    ipv4("stale-fdb on " + f.cell() + ": underlayIp", f.underlayIp());
                    staleFdb.put(f.cell() + ">" + f.peer(), f.underlayIp());
                    faults.add(new Fault("stale-fdb", f.cell(), f.peer(), f.cell() + "'s FDB still sends " + f.peer()
                            + "'s VTEP MAC to " + f.underlayIp() + ", which no longer holds " + f.peer() + "'s lease"));
                }
                case "no-route" -> {
                    require(cells.stream().anyMatch(c -> c.name().equals(f.peer())), "no-route: unknown peer cell " + f.peer());
                    noRoute.add(f.cell() + ">" + f.peer());
                    faults.add(new Fault("no-route", f.cell(), f.peer(), "silk-daemon on " + f.cell()
                            + " has not learned " + f.peer() + "'s lease: no route, neighbour or FDB entry for it"));
                }
                case "cell-down" -> {
                    down.add(f.cell());
                    faults.add(new Fault("cell-down", f.cell(), null, f.cell() + " is unreachable on the underlay network"));
                }
                case "meow" -> {
                    meow.add(f.cell());
                    faults.add(new Fault("meow", f.cell(), null, "network namespace meow on " + f.cell()
                            + " has only lo (down): nothing can leave it"));
                }
                case "underlay-mtu" -> {
                    require(f.mtu() != null, "underlay-mtu needs mtu (the largest IP packet the underlay path carries)");
                    require(f.mtu() >= 68 && f.mtu() <= 9000, "underlay-mtu: mtu " + f.mtu() + " is not between 68 and 9000");
                    List<String> peers = peers(f, cells);
                    for (String p : peers) {
                        underlayLimits.put(f.cell() + ">" + p, f.mtu());
                        underlayLimits.put(p + ">" + f.cell(), f.mtu());
                    }
                    faults.add(new Fault("underlay-mtu", f.cell(), f.peer(), "the underlay path between " + f.cell() + " and "
                            + (f.peer() != null ? f.peer() : "the other cells") + " carries IP packets of at most " + f.mtu()
                            + " bytes and drops larger frames without ICMP"));
                }
                case "vxlan-blocked" -> {
                    for (String p : peers(f, cells)) {
                        underlayLimits.put(f.cell() + ">" + p, 0);
                        underlayLimits.put(p + ">" + f.cell(), 0);
                    }
                    faults.add(new Fault("vxlan-blocked", f.cell(), f.peer(), "the underlay drops UDP 4789 (VXLAN) between "
                            + f.cell() + " and " + (f.peer() != null ? f.peer() : "the other cells") + "; the cells reach each other otherwise"));
                }
                case "reply-lost" -> {
                    require(cells.stream().anyMatch(c -> c.name().equals(f.peer())), "reply-lost: unknown peer cell " + f.peer());
                    String to = f.underlayIp() != null ? f.underlayIp() : unusedUnderlayIp(cells);
                    ipv4("reply-lost on " + f.cell() + ": underlayIp", to);
                    staleFdb.put(f.cell() + ">" + f.peer(), to);
                    faults.add(new Fault("reply-lost", f.cell(), f.peer(), f.cell() + "'s FDB sends " + f.peer()
                            + "'s VTEP MAC to " + to + ", not " + f.peer() + "'s address: what " + f.peer()
                            + " sends arrives, the replies never get back"));
                }
                case "conntrack-full" -> {
                    long max = f.conntrackMax() != null ? f.conntrackMax() : DEFAULT_CONNTRACK_MAX;
                    long count = f.conntrackCount() != null ? f.conntrackCount() : max;
                    require(max > 0 && count >= 0 && count <= max, "conntrack-full: conntrackCount " + count
                            + " must be between 0 and conntrackMax " + max);
                    conntrack.put(f.cell(), new ConntrackUse(count, max));
                    faults.add(new Fault("conntrack-full", f.cell(), null, "the conntrack table on " + f.cell() + " holds "
                            + count + " of " + max + " entries" + (count >= max ? ": new connections are dropped without ICMP" : "")));
                }
                case "policy-lag" -> {
                    lagging.add(f.cell());
                    faults.add(new Fault("policy-lag", f.cell(), null, "vxlan-policy-agent on " + f.cell()
                            + " has not applied the policies to its containers yet: CF holds them, its vpa-- chain does not"));
                }
                default -> throw new ScenarioException("unknown fault kind " + f.kind()
                        + " (stale-fdb, no-route, cell-down, meow, underlay-mtu, vxlan-blocked, reply-lost, conntrack-full, policy-lag)");
            }
        }
        for (Cell c : cells) {
            if (containerMtu.get(c.name()) != c.overlayMtu()) {
                faults.add(new Fault("mtu", c.name(), null, "containers on " + c.name() + " have MTU "
                        + containerMtu.get(c.name()) + " but silk-vtep has " + c.overlayMtu()));
            }
        }

        Map<String, CellTables> tables = new LinkedHashMap<>();
        Map<String, List<IptablesRule>> rules = new LinkedHashMap<>();
        Map<String, List<String>> rulesText = new LinkedHashMap<>();
        for (Cell c : cells) {
            CellTables t = tables(c, cells, instances, staleFdb, noRoute);
            tables.put(c.name(), new CellTables(t.routes(), t.neighbours(), t.fdb(), conntrack.get(c.name())));
            List<IptablesRule> r = PolicyRules.forCell(c, apps, instances, lagging.contains(c.name()) ? List.of() : policies);
            rules.put(c.name(), r);
            rulesText.put(c.name(), PolicyRules.iptablesSave(r));
        }
        Foundation f = new Foundation(spec.name(), cells, apps, instances, policies, rulesText, tables, faults);
        return new BuiltFoundation(f, rules, containerMtu, clock, down, meow, underlayLimits);
    }

    /** The cells a fault between {@code cell} and {@code peer} (all other cells when no peer is given) is about. */
    private static List<String> peers(ScenarioSpec.FaultSpec f, List<Cell> cells) {
        if (f.peer() != null) {
            require(cells.stream().anyMatch(c -> c.name().equals(f.peer())), f.kind() + ": unknown peer cell " + f.peer());
            require(!f.peer().equals(f.cell()), f.kind() + ": peer must be another cell than " + f.cell());
            return List.of(f.peer());
        }
        return cells.stream().map(Cell::name).filter(n -> !n.equals(f.cell())).toList();
    }

    /** An underlay address no cell holds, in the cells' /24 (.200 up): where a wrong FDB entry points by default. */
    private static String unusedUnderlayIp(List<Cell> cells) {
        int base = Ipv4.parse(cells.get(0).underlayIp()) & 0xFFFFFF00;
        for (int host = 200; host < 255; host++) {
            String ip = Ipv4.format(base | host);
            if (cells.stream().noneMatch(c -> c.underlayIp().equals(ip))) {
                return ip;
            }
        }
        throw new ScenarioException("reply-lost: give underlayIp (no free address in " + Ipv4.format(base) + "/24)");
    }

    private static CellTables tables(Cell cell, List<Cell> cells, List<Instance> instances,
                                     Map<String, String> staleFdb, Set<String> noRoute) {
        List<Route> routes = new ArrayList<>();
        List<Neighbour> neigh = new ArrayList<>();
        List<FdbEntry> fdb = new ArrayList<>();
        routes.add(new Route(SilkNames.OVERLAY_NETWORK, null, SilkNames.VTEP_IFACE, cell.vtepIp(), "kernel"));
        for (Cell peer : cells) {
            if (peer == cell || noRoute.contains(cell.name() + ">" + peer.name())) {
                continue;
            }
            routes.add(new Route(peer.subnet(), peer.vtepIp(), SilkNames.VTEP_IFACE, null, "silk-daemon"));
            String mac = SilkNames.formatMac(peer.vtepMac());
            neigh.add(new Neighbour(peer.vtepIp(), mac, SilkNames.VTEP_IFACE));
            fdb.add(new FdbEntry(mac, staleFdb.getOrDefault(cell.name() + ">" + peer.name(), peer.underlayIp()), SilkNames.VTEP_IFACE));
        }
        for (Instance i : instances) {
            if (i.cell().equals(cell.name())) {
                routes.add(new Route(i.ip() + "/32", null, i.vethName(), SilkNames.VETH_HOST_IP, "kernel"));
                neigh.add(new Neighbour(i.ip(), SilkNames.formatMac(i.containerMac()), i.vethName()));
            }
        }
        return new CellTables(routes, neigh, fdb);
    }

    static String uuid(String name) {
        return UUID.nameUUIDFromBytes(name.getBytes(StandardCharsets.UTF_8)).toString();
    }

    private static final java.util.regex.Pattern PORTS = java.util.regex.Pattern.compile(" *([0-9]{1,9}) *(?:- *([0-9]{1,9}) *)?");

    /** A cell's {@code subnet}: a /24 of the overlay network, written {@code 10.255.N.0/24} (or without "/24"). */
    private static int lease(ScenarioSpec.CellSpec c) {
        String text = c.subnet();
        int slash = text.indexOf('/');
        if (slash >= 0 && !text.substring(slash + 1).trim().equals("24")) {
            throw new ScenarioException("cell " + c.name() + ": subnet " + text + " is not a /24 (silk leases one /24 per cell)");
        }
        int s = ipv4("cell " + c.name() + ": subnet", slash < 0 ? text : text.substring(0, slash));
        require(SilkNames.isOverlay(s) && (s & 0xff) == 0, "cell " + c.name() + ": subnet " + text
                + " is not a /24 of " + SilkNames.OVERLAY_NETWORK);
        return s;
    }

    /** True for the leases an automatic choice may take (10.255.1.0 to 10.255.254.0). */
    private static boolean autoLease(int subnet) {
        int third = (subnet >>> 8) & 0xff;
        return third >= 1 && third <= 254;
    }

    private static int ipv4(String what, String text) {
        try {
            return Ipv4.parse(text);
        } catch (IllegalArgumentException e) {
            throw new ScenarioException(what + ": " + text + " is not an IPv4 address");
        }
    }

    private static void require(boolean ok, String message) {
        if (!ok) {
            throw new ScenarioException(message);
        }
    }
}
