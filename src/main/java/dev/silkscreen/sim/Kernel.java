package dev.silkscreen.sim;

import dev.silkscreen.model.CapturePoint;
import dev.silkscreen.model.Cell;
import dev.silkscreen.model.CellTables;
import dev.silkscreen.model.FdbEntry;
import dev.silkscreen.model.Instance;
import dev.silkscreen.model.IptablesRule;
import dev.silkscreen.model.Ipv4;
import dev.silkscreen.model.Neighbour;
import dev.silkscreen.model.Route;
import dev.silkscreen.model.SilkNames;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * One simulated Diego cell's kernel state on the c2c path: its routing table (longest prefix
 * match), neighbours, VXLAN FDB, filter rules by chain, conntrack, MTUs and the capture points
 * of its interfaces.
 */
final class Kernel {
    final Cell cell;
    final int vtepIp;
    final long vtepMac;
    final int underlayIp;
    final long nicMac;
    final int overlayMtu;
    final int containerMtu;
    final long clockOffset;
    final boolean down;
    final boolean meow;
    final int flowHashSeed;
    final CapturePoint vtepPoint;
    final CapturePoint nicPoint;
    final Conntrack conntrack = new Conntrack();
    /** How full this cell's conntrack table is (null: room enough); full, every new connection is dropped. */
    final dev.silkscreen.model.ConntrackUse conntrackUse;
    /** A container's port on this cell: its host veth, capture point and MACs. */
    record Port(Instance instance, String veth, CapturePoint point, long containerMac, long hostMac) {
    }

    /** A route ready for forwarding: output device, next hop (0: on-link), preferred source. */
    record NextHop(Route route, String dev, int via, int src, boolean vtep, Port port) {
    }

    /** prefix length (longest first) → network → route. */
    private final TreeMap<Integer, Map<Integer, NextHop>> routes = new TreeMap<>((a, b) -> b - a);
    private int[] prefixes;
    private Map<Integer, NextHop>[] byPrefix;
    private final Map<String, Map<Integer, Long>> neighbours = new HashMap<>();
    private final Map<Long, Integer> fdb = new HashMap<>();
    final Netfilter netfilter;
    final Map<String, Port> portsByVeth = new HashMap<>();
    final Map<Instance, Port> portsByInstance = new java.util.IdentityHashMap<>();
    private final Map<Integer, Integer> outerIds = new HashMap<>();
    /** Neighbour resolutions in progress or failed: next-hop → time they fail. */
    final Map<Integer, Long> unresolved = new HashMap<>();
    /** The same for underlay addresses on the NIC. */
    final Map<Integer, Long> unresolvedUnderlay = new HashMap<>();

    Kernel(Cell cell, CellTables tables, List<IptablesRule> rules, List<Instance> local, int containerMtu,
           long clockOffset, boolean down, boolean meow, long seed) {
        this.cell = cell;
        this.vtepIp = cell.subnetAddress();
        this.vtepMac = cell.vtepMac();
        this.underlayIp = Ipv4.parse(cell.underlayIp());
        this.nicMac = nicMac(underlayIp);
        this.overlayMtu = cell.overlayMtu();
        this.containerMtu = containerMtu;
        this.clockOffset = clockOffset;
        this.down = down;
        this.meow = meow;
        this.conntrackUse = tables.conntrack();
        this.flowHashSeed = (int) (seed * 0x9E3779B97F4A7C15L >>> 32) ^ cell.name().hashCode();
        this.vtepPoint = new CapturePoint(cell.name(), SilkNames.VTEP_IFACE);
        this.nicPoint = new CapturePoint(cell.name(), cell.underlayNic());
        for (Instance i : local) {
            String veth = i.vethName();
            int ip = i.ipInt();
            Port port = new Port(i, veth, new CapturePoint(cell.name(), veth), SilkNames.containerMac(ip), SilkNames.hostVethMac(ip));
            portsByVeth.put(veth, port);
            portsByInstance.put(i, port);
        }
        for (Route r : tables.routes()) {
            NextHop h = new NextHop(r, r.dev(), r.via() == null ? 0 : Ipv4.parse(r.via()), sourceFor(r),
                    r.dev().equals(SilkNames.VTEP_IFACE), portsByVeth.get(r.dev()));
            routes.computeIfAbsent(r.prefix(), k -> new HashMap<>()).put(r.network(), h);
        }
        compileRoutes();
        for (Neighbour n : tables.neighbours()) {
            neighbours.computeIfAbsent(n.dev(), k -> new HashMap<>()).put(Ipv4.parse(n.ip()), SilkNames.parseMac(n.mac()));
        }
        for (FdbEntry e : tables.fdb()) {
            fdb.put(SilkNames.parseMac(e.mac()), Ipv4.parse(e.dst()));
        }
        Map<String, List<IptablesRule>> chains = new HashMap<>();
        for (IptablesRule r : rules) {
            chains.computeIfAbsent(r.chain(), k -> new ArrayList<>()).add(r);
        }
        this.netfilter = new Netfilter(chains);
    }

    /** Underlay NIC MAC: a locally administered {@code 02:00:} + the underlay IP. */
    static long nicMac(int underlayIp) {
        return 0x0200_0000_0000L | (underlayIp & 0xFFFF_FFFFL);
    }

    @SuppressWarnings("unchecked")
    private void compileRoutes() {
        prefixes = routes.keySet().stream().mapToInt(Integer::intValue).toArray();
        byPrefix = routes.values().toArray(new Map[0]);
    }

    /** Longest-prefix match, or null when no route matches. */
    NextHop route(int dst) {
        for (int i = 0; i < prefixes.length; i++) {
            int prefix = prefixes[i];
            int net = prefix == 0 ? 0 : dst & (-1 << (32 - prefix));
            NextHop h = byPrefix[i].get(net);
            if (h != null) {
                return h;
            }
        }
        return null;
    }

    /** Link-layer address of a neighbour on a device, or -1 when there is no entry. */
    long neighbour(String dev, int ip) {
        Map<Integer, Long> m = neighbours.get(dev);
        Long mac = m == null ? null : m.get(ip);
        return mac == null ? -1 : mac;
    }

    /** Underlay destination for a VTEP MAC, or 0 when the FDB has no entry. */
    int fdb(long mac) {
        Integer dst = fdb.get(mac);
        return dst == null ? 0 : dst;
    }

    int mtu(String dev) {
        if (dev.equals(SilkNames.VTEP_IFACE)) {
            return overlayMtu;
        }
        if (dev.equals(cell.underlayNic())) {
            return cell.underlayMtu();
        }
        return containerMtu;
    }

    /** The address a locally generated packet on a route takes: the route's src, else the device's address. */
    private int sourceFor(Route r) {
        if (r.src() != null) {
            return Ipv4.parse(r.src());
        }
        if (r.dev().equals(SilkNames.VTEP_IFACE)) {
            return vtepIp;
        }
        if (r.dev().startsWith("s-")) {
            return Ipv4.parse(SilkNames.VETH_HOST_IP);
        }
        return underlayIp;
    }

    boolean isLocalAddress(int ip) {
        return ip == vtepIp || ip == underlayIp;
    }

    /** Outer IPv4 ID for a packet to {@code dst}: a per-destination counter, as the kernel's id buckets are. */
    int nextOuterId(int dst) {
        int id = outerIds.computeIfAbsent(dst, d -> mix(d ^ flowHashSeed) & 0xffff);
        outerIds.put(dst, (id + 1) & 0xffff);
        return id;
    }

    /**
     * Outer UDP source port from the inner flow, as {@code udp_flow_src_port} spreads a flow hash
     * over the local port range 32768-60999.
     */
    int flowSourcePort(int src, int dst, int proto, int sport, int dport) {
        int h = mix(src * 31 + dst);
        h = mix(h ^ (proto << 16) ^ (sport << 16 | dport) ^ flowHashSeed);
        long range = 60999 - 32768;
        return (int) (((h & 0xFFFF_FFFFL) * range) >>> 32) + 32768;
    }

    static int mix(int x) {
        x ^= x >>> 16;
        x *= 0x7feb352d;
        x ^= x >>> 15;
        x *= 0x846ca68b;
        x ^= x >>> 16;
        return x;
    }
}
