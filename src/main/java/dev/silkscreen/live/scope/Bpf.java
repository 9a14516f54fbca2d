package dev.silkscreen.live.scope;

import dev.silkscreen.model.Ipv4;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;

/**
 * BPF expressions for one flow, built from numbers only (addresses as ints, ports as ints): no
 * text an operator typed is ever part of one.
 *
 * <p>On a veth or {@code silk-vtep} the frames are the overlay packets themselves, so plain
 * {@code host} and {@code port} primitives apply. On the underlay NIC they are VXLAN in UDP, and
 * the inner packet is read at fixed offsets from the outer UDP header (8 bytes UDP, 8 VXLAN,
 * 14 inner Ethernet, then the inner IPv4 header at {@code udp[30]}): inner EtherType at
 * {@code udp[28:2]}, protocol {@code udp[39]}, source {@code udp[42:4]}, destination
 * {@code udp[46:4]}, and, behind a 20-byte inner header, the ports at {@code udp[50:2]} and
 * {@code udp[52:2]} or the ICMP type at {@code udp[50]}. An inner header with options (which
 * Linux does not send on its own) is let through rather than misread.
 */
final class Bpf {
    static final int ICMP = 1;
    static final int TCP = 6;
    static final int UDP = 17;

    private Bpf() {
    }

    /**
     * Packets between an address of {@code a} and one of {@code b} (either way), on {@code port} when
     * it is not -1 (either side; ICMP between them too), plus the ICMP errors sent to any of them
     * (a reject from a cell's VTEP address, "fragmentation needed", TTL exceeded).
     */
    static String overlay(Collection<Integer> a, Collection<Integer> b, int port) {
        StringBuilder sb = new StringBuilder();
        sb.append('(').append(anyOf("host", a)).append(" and ").append(anyOf("host", b));
        if (port >= 0) {
            sb.append(" and (icmp or port ").append(port).append(')');
        }
        sb.append(") or (icmp and (icmp[0] = 3 or icmp[0] = 11) and ").append(anyOf("dst host", union(a, b))).append(')');
        return sb.toString();
    }

    /** The same flow on the underlay NIC: VXLAN (UDP 4789) whose inner packet is one of the flow's. */
    static String underlay(Collection<Integer> a, Collection<Integer> b, int port, int vxlanPort) {
        StringBuilder pair = new StringBuilder();
        pair.append("((").append(anyWord("udp[42:4]", a)).append(" and ").append(anyWord("udp[46:4]", b)).append(") or (")
                .append(anyWord("udp[42:4]", b)).append(" and ").append(anyWord("udp[46:4]", a)).append("))");
        if (port >= 0) {
            pair.append(" and (udp[39] = 1 or udp[30] != 0x45 or udp[50:2] = ").append(port).append(" or udp[52:2] = ").append(port).append(')');
        }
        String errors = "udp[39] = 1 and (udp[30] != 0x45 or udp[50] = 3 or udp[50] = 11) and " + anyWord("udp[46:4]", union(a, b));
        return "udp dst port " + vxlanPort + " and udp[28:2] = 0x0800 and ((" + pair + ") or (" + errors + "))";
    }

    private static List<Integer> union(Collection<Integer> a, Collection<Integer> b) {
        List<Integer> out = new ArrayList<>(a);
        for (int x : b) {
            if (!out.contains(x)) {
                out.add(x);
            }
        }
        return out;
    }

    /** {@code host 10.255.1.2} or {@code (host 10.255.1.2 or host 10.255.1.3)}. */
    private static String anyOf(String primitive, Collection<Integer> ips) {
        List<String> parts = new ArrayList<>();
        for (int ip : ips) {
            parts.add(primitive + " " + Ipv4.format(ip));
        }
        return parts.size() == 1 ? parts.get(0) : "(" + String.join(" or ", parts) + ")";
    }

    /** {@code udp[42:4] = 0x0aff0102}, or several of them or'ed. */
    private static String anyWord(String field, Collection<Integer> ips) {
        List<String> parts = new ArrayList<>();
        for (int ip : ips) {
            parts.add(field + " = " + String.format(Locale.ROOT, "0x%08x", ip));
        }
        return parts.size() == 1 ? parts.get(0) : "(" + String.join(" or ", parts) + ")";
    }
}
