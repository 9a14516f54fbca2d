package dev.silkscreen.sim;

import dev.silkscreen.model.CapturePoint;
import dev.silkscreen.model.Frame;
import dev.silkscreen.model.Instance;
import dev.silkscreen.model.Ipv4;
import dev.silkscreen.model.LinkType;
import dev.silkscreen.model.SilkNames;
import dev.silkscreen.model.Stage;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.Consumer;

/**
 * The Silk data path, computed: each packet a container sends goes through the source cell's
 * route lookup, MTU check, TTL decrement, FORWARD chain (mark, policy), neighbour and FDB
 * look-ups, VXLAN-GBP encapsulation, the underlay, decapsulation on the cell that owns the
 * outer destination, and the same forwarding there. At every capture point it passes, the frame
 * tcpdump would record there goes to the sink; what happened to the packet goes to the truth
 * consumer. ICMP errors (port unreachable from REJECT, fragmentation needed, host unreachable)
 * are generated the way the kernel does and travel back as packets of their own.
 */
final class Datapath {
    static final int TTL = 64;
    /** ICMP errors quote as much of the datagram as fits in 576 bytes (RFC 1812 4.3.2.3; Linux icmp_send). */
    static final int ICMP_QUOTE_MAX = 576 - Wire.IP_HLEN - 8;
    /** Linux tries 3 ARP probes, one a second, before a neighbour fails. */
    static final long NEIGH_FAIL_NANOS = 3_000_000_000L;
    /** ICMP errors carry precedence "internetwork control" in their TOS (Linux icmp_send). */
    static final int ICMP_ERROR_TOS = 0xc0;
    /** Two frames on one interface are at least this far apart (a 1500-byte frame at 10 Gb/s takes 1.2 µs). */
    static final long MIN_GAP_NANOS = 300;

    private final Map<String, Kernel> kernels = new HashMap<>();
    private final Map<Integer, Kernel> byUnderlay = new HashMap<>();
    private final FrameOrderer frames;
    private final Consumer<PacketTruth> truths;
    private final SplittableRandom jitter;
    private final long seed;
    /** Per "from>to" cell pair, the largest IP packet the underlay carries (0: VXLAN blocked). */
    private final Map<String, Integer> underlayLimits;
    /** Last capture time per point: links are FIFO, a packet never overtakes the one before it. */
    private final java.util.IdentityHashMap<CapturePoint, long[]> lastAt = new java.util.IdentityHashMap<>();

    Datapath(BuiltFoundation built, long seed, FrameOrderer frames, Consumer<PacketTruth> truths) {
        this.frames = frames;
        this.truths = truths;
        this.jitter = new SplittableRandom(seed * 31 + 7);
        this.seed = seed;
        this.underlayLimits = built.underlayLimits();
        var f = built.foundation();
        for (var cell : f.cells()) {
            List<Instance> local = f.instances().stream().filter(i -> i.cell().equals(cell.name())).toList();
            Kernel k = new Kernel(cell, f.tablesOf(cell.name()), built.rules().get(cell.name()), local,
                    built.containerMtu().get(cell.name()), built.clockOffsetNanos().getOrDefault(cell.name(), 0L),
                    built.downCells().contains(cell.name()), built.meowCells().contains(cell.name()), seed);
            kernels.put(cell.name(), k);
            byUnderlay.put(k.underlayIp, k);
        }
    }

    Kernel kernel(String cell) {
        return kernels.get(cell);
    }

    /** Uniform jitter in [lo, hi] microseconds, as nanoseconds. */
    long micros(int lo, int hi) {
        return (lo + jitter.nextInt(hi - lo + 1)) * 1_000L + jitter.nextInt(1000);
    }

    /** A container sends an IPv4 datagram; its first frame is on its host veth at {@code t}. */
    Trip send(Instance from, byte[] ip, long t) {
        Kernel k = kernels.get(from.cell());
        Trip trip = new Trip(ip, t, k.cell.name());
        Kernel.Port port = k.portsByInstance.get(from);
        t = emit(k, port.point(), t, Wire.ethernet(port.hostMac(), port.containerMac(), Wire.ETHERTYPE_IPV4, ip));
        trip.reach(Stage.VETH_OUT);
        forward(k, port.veth(), ip, 0, t + micros(4, 9), trip);
        truths.accept(trip.truth());
        return trip;
    }

    /** Records a packet that never left its sender (e.g. a namespace with only lo). */
    void neverLeft(Trip trip) {
        truths.accept(trip.truth());
    }

    private void forward(Kernel k, String inDev, byte[] ip, int mark, long t, Trip trip) {
        Packet p = new Packet(ip);
        boolean fromContainer = inDev.startsWith("s-");
        String cell = k.cell.name();
        if (k.conntrackUse != null && k.conntrackUse.full() && !p.isIcmpError()
                && k.conntrack.classify(p) == Conntrack.State.NEW) {
            // nf_conntrack_in finds no room for the new entry: dropped before routing, no ICMP.
            trip.drop(fromContainer ? Stage.TO_VTEP : Stage.POLICY, cell, "conntrack table full on " + cell + " ("
                    + k.conntrackUse.describe() + "): nf_conntrack dropped the new connection's packet"
                    + (fromContainer ? " from " + inDev : " after silk-vtep") + ", no ICMP");
            return;
        }
        if (k.isLocalAddress(p.dst())) {
            trip.drop(fromContainer ? Stage.TO_VTEP : Stage.POLICY, cell, "addressed to " + cell + " itself, not to a container");
            return;
        }
        Kernel.NextHop r = k.route(p.dst());
        if (r == null) {
            trip.drop(Stage.TO_VTEP, cell, cell + " has no route to " + Ipv4.format(p.dst()) + ": dropped, ICMP net unreachable back");
            icmpError(k, ip, 3, 0, 0, t, trip);
            return;
        }
        String out = r.dev();
        int mtu = k.mtu(out);
        if (p.length() > mtu) {
            Stage step = fromContainer ? Stage.TO_VTEP : Stage.POLICY;
            if (p.df()) {
                trip.drop(step, cell, p.length() + "-byte packet with Don't Fragment does not fit " + out + " (MTU " + mtu
                        + ") on " + cell + ": dropped, ICMP fragmentation needed (mtu " + mtu + ") back to the sender");
                icmpError(k, ip, 3, 4, mtu, t, trip);
            } else {
                trip.drop(step, cell, p.length() + "-byte packet does not fit " + out + " (MTU " + mtu
                        + ") on " + cell + " and the simulator does not fragment");
            }
            return;
        }
        if (p.ttl() <= 1) {
            trip.drop(fromContainer ? Stage.TO_VTEP : Stage.POLICY, cell, "TTL expired on " + cell);
            icmpError(k, ip, 11, 0, 0, t, trip);
            return;
        }
        byte[] fwd = Wire.withTtl(ip, p.ttl() - 1);
        Packet fp = new Packet(fwd);
        boolean toContainer = r.port() != null;
        Conntrack.State state = k.conntrack.classify(fp);
        Netfilter.Result res = k.netfilter.forward(fp, out, mark, state);
        int newMark = res.mark();
        if (fromContainer && newMark != 0) {
            trip.reach(Stage.MARK);
        }
        Stage policyStep = toContainer ? Stage.POLICY : Stage.MARK;
        if (res.verdict() != Netfilter.Verdict.ACCEPT) {
            String by = res.rule() == null ? "FORWARD" : res.rule().chain();
            String markText = newMark == 0 ? "no mark" : "mark 0x" + Integer.toHexString(newMark);
            String why = "no policy on " + cell + " lets " + markText + " reach " + Ipv4.format(fp.dst()) + " "
                    + fp.protoName() + (fp.dport() > 0 ? " " + fp.dport() : "") + ": "
                    + (res.verdict() == Netfilter.Verdict.REJECT ? "rejected by " + by + ", ICMP port unreachable back from "
                    + Ipv4.format(k.route(fp.src()) != null ? k.route(fp.src()).src() : r.src()) : "dropped by " + by);
            trip.drop(policyStep, cell, why);
            if (res.verdict() == Netfilter.Verdict.REJECT) {
                icmpError(k, fwd, 3, 3, 0, t + micros(3, 8), trip);
            }
            return;
        }
        k.conntrack.confirm(fp, t);
        if (toContainer) {
            trip.reach(Stage.POLICY);
            deliver(k, r.port(), fwd, t + micros(3, 7), trip);
        } else if (r.vtep()) {
            trip.reach(Stage.TO_VTEP);
            vtepOut(k, r, fwd, newMark, t + micros(2, 5), trip);
        } else {
            trip.drop(Stage.TO_VTEP, cell, "routed out of " + out + ", off the overlay");
        }
    }

    /** A packet the cell itself sends (ICMP errors): route lookup, OUTPUT, then out. */
    private void localOut(Kernel k, byte[] ip, long t, Trip trip) {
        Packet p = new Packet(ip);
        Kernel.NextHop r = k.route(p.dst());
        if (r == null) {
            trip.drop(Stage.TO_VTEP, k.cell.name(), k.cell.name() + " has no route to " + Ipv4.format(p.dst()));
            return;
        }
        k.conntrack.confirm(p, t);
        if (r.port() != null) {
            trip.reach(Stage.POLICY);
            deliver(k, r.port(), ip, t, trip);
        } else if (r.vtep()) {
            trip.reach(Stage.TO_VTEP);
            vtepOut(k, r, ip, 0, t, trip);
        } else {
            trip.drop(Stage.TO_VTEP, k.cell.name(), "routed out of " + r.dev() + ", off the overlay");
        }
    }

    private void deliver(Kernel k, Kernel.Port port, byte[] ip, long t, Trip trip) {
        t = emit(k, port.point(), t, Wire.ethernet(port.containerMac(), port.hostMac(), Wire.ETHERTYPE_IPV4, ip));
        trip.reach(Stage.DELIVER);
        trip.arrival = new Trip.Arrival(port.instance(), t, ip);
    }

    private void vtepOut(Kernel k, Kernel.NextHop r, byte[] ip, int mark, long t, Trip trip) {
        Packet p = new Packet(ip);
        String cell = k.cell.name();
        int nextHop = r.via() != 0 ? r.via() : p.dst();
        long mac = k.neighbour(SilkNames.VTEP_IFACE, nextHop);
        if (mac < 0) {
            Long failAt = k.unresolved.get(nextHop);
            if (failAt == null || failAt <= t) {
                failAt = t + NEIGH_FAIL_NANOS;
                k.unresolved.put(nextHop, failAt);
                for (int probe = 0; probe < 3; probe++) {
                    probe(k, k.vtepPoint, t, probe, Wire.arpRequest(k.vtepMac, k.vtepIp, nextHop));
                }
            }
            Kernel owner = owner(p.dst());
            trip.drop(Stage.TO_VTEP, cell, cell + " has no route for " + Ipv4.format(p.dst())
                    + (owner != null ? " (silk-daemon has not learned " + owner.cell.name() + "'s lease " + owner.cell.subnet() + ")" : "")
                    + ": the 10.255.0.0/16 route sends it to silk-vtep, where ARP for " + Ipv4.format(nextHop)
                    + " goes unanswered; dropped after 3 s, ICMP host unreachable back");
            icmpError(k, ip, 3, 1, 0, failAt, trip);
            return;
        }
        byte[] inner = Wire.ethernet(mac, k.vtepMac, Wire.ETHERTYPE_IPV4, ip);
        t = emit(k, k.vtepPoint, t, inner);
        int dst = k.fdb(mac);
        if (dst == 0) {
            trip.drop(Stage.ENCAPSULATE, cell, cell + "'s silk-vtep has no FDB entry for " + SilkNames.formatMac(mac) + ": not encapsulated, dropped");
            return;
        }
        trip.reach(Stage.ENCAPSULATE);
        int sport = k.flowSourcePort(p.src(), p.dst(), p.proto(), p.sport(), p.dport());
        int policyId = mark & 0xFFFF;
        Kernel peer = byUnderlay.get(dst);
        long t1 = t + micros(2, 5);
        if (peer == null) {
            Long failAt = k.unresolvedUnderlay.get(dst);
            if (failAt == null || failAt <= t1) {
                k.unresolvedUnderlay.put(dst, t1 + NEIGH_FAIL_NANOS);
                for (int probe = 0; probe < 3; probe++) {
                    probe(k, k.nicPoint, t1, probe, Wire.arpRequest(k.nicMac, k.underlayIp, dst));
                }
            }
            trip.drop(Stage.LEAVE_CELL, cell, cell + "'s FDB sends " + SilkNames.formatMac(mac) + " to " + Ipv4.format(dst)
                    + ", which nobody on the underlay holds: ARP fails, the underlay packet never leaves " + cell);
            return;
        }
        byte[] outer = Wire.vxlan(peer.nicMac, k.nicMac, k.underlayIp, dst, k.nextOuterId(dst), TTL, sport,
                policyId, policyId != 0, SilkNames.VNI, inner);
        t1 = emit(k, k.nicPoint, t1, outer);
        trip.reach(Stage.UNDERLAY);
        if (peer.down) {
            trip.drop(Stage.UNDERLAY, cell, "lost on the underlay: " + peer.cell.name() + " (" + peer.cell.underlayIp() + ") is down");
            return;
        }
        Integer limit = underlayLimits.get(cell + ">" + peer.cell.name());
        if (limit != null && limit == 0) {
            trip.drop(Stage.UNDERLAY, cell, "lost on the underlay: UDP 4789 from " + cell + " to " + peer.cell.name()
                    + " is blocked (the VXLAN packet is dropped between the cells, no ICMP)");
            return;
        }
        if (limit != null && outer.length - Wire.ETH_HLEN > limit) {
            trip.drop(Stage.UNDERLAY, cell, "lost on the underlay: the " + outer.length + "-byte frame from " + cell + " to "
                    + peer.cell.name() + " (IP " + (outer.length - Wire.ETH_HLEN) + " bytes) is larger than the underlay path MTU "
                    + limit + ", which drops it without ICMP");
            return;
        }
        long t2 = emit(peer, peer.nicPoint, t1 + underlayNanos(k, peer), outer);
        trip.reach(Stage.ARRIVE_CELL);
        long t3 = emit(peer, peer.vtepPoint, t2 + micros(6, 14), inner);
        trip.reach(Stage.DECAPSULATE);
        if (mac != peer.vtepMac) {
            Kernel meant = owner(p.dst());
            trip.drop(Stage.DECAPSULATE, peer.cell.name(), "stale FDB on " + cell + ": sent to " + Ipv4.format(dst) + ", which is now "
                    + peer.cell.name() + " (lease " + peer.cell.subnet() + ")" + (meant != null ? ", not " + meant.cell.name() : "")
                    + "; decapsulated there, but its inner destination " + SilkNames.formatMac(mac)
                    + " is not this VTEP and no container " + Ipv4.format(p.dst()) + " lives here: dropped");
            return;
        }
        forward(peer, SilkNames.VTEP_IFACE, ip, policyId, t3 + micros(3, 8), trip);
    }

    /** Kernel-generated ICMP error about {@code offending}, sent back to its source as a packet of its own. */
    private void icmpError(Kernel k, byte[] offending, int type, int code, int info, long t, Trip cause) {
        Packet o = new Packet(offending);
        if (o.isIcmpError()) {
            return;
        }
        Kernel.NextHop back = k.route(o.src());
        if (back == null) {
            return;
        }
        int src = k.isLocalAddress(o.dst()) ? o.dst() : back.src();
        int quote = Math.min(offending.length, ICMP_QUOTE_MAX);
        int rest = type == 3 && code == 4 ? info & 0xffff : 0;
        int id = k.nextOuterId(o.src() ^ 0x0100_0000);
        byte[] icmp = Wire.icmp(src, o.src(), ICMP_ERROR_TOS, id, false, TTL, type, code, rest, offending, quote);
        Trip trip = new Trip(icmp, t, k.cell.name());
        localOut(k, icmp, t + micros(8, 20), trip);
        truths.accept(trip.truth());
        if (trip.arrival != null) {
            cause.notice = new Trip.Notice(trip.arrival.atNanos());
        }
    }

    private Kernel owner(int overlayIp) {
        for (Kernel k : kernels.values()) {
            if (k.cell.holds(overlayIp)) {
                return k;
            }
        }
        return null;
    }

    /**
     * ARP probe {@code n} (0-2), one a second from {@code t}. Probes yet to come are written now
     * but do not hold back the frames that pass the point before them (the link is free until then).
     */
    private void probe(Kernel k, CapturePoint point, long t, int n, byte[] frame) {
        if (n == 0) {
            emit(k, point, t, frame);
        } else {
            long at = t + n * 1_000_000_000L;
            frames.add(at, new Frame(point, at + k.clockOffset, LinkType.ETHERNET, frame.length, frame));
        }
    }

    /** Records the frame a point captures at {@code t} (or just after the frame before it); returns that time. */
    private long emit(Kernel k, CapturePoint point, long t, byte[] frame) {
        long[] last = lastAt.computeIfAbsent(point, p -> new long[1]);
        if (t <= last[0]) {
            t = last[0] + MIN_GAP_NANOS;
        }
        last[0] = t;
        frames.add(t, new Frame(point, t + k.clockOffset, LinkType.ETHERNET, frame.length, frame));
        return t;
    }

    /**
     * One-way underlay latency between two cells: a fixed base per pair (same rack or AZ: 90-260 µs)
     * plus a few µs of jitter.
     */
    private long underlayNanos(Kernel from, Kernel to) {
        int h = Kernel.mix(from.underlayIp * 31 + to.underlayIp + (int) seed);
        long base = 90_000L + Math.floorMod(h, 170_000);
        return base + jitter.nextInt(6_000);
    }
}
