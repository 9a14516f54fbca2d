package dev.silkscreen.trace;

import dev.silkscreen.model.Flow;
import dev.silkscreen.model.Ipv4;

/**
 * An overlay packet's directional 5-tuple as a hash key. ICMP echo uses the echo identifier as
 * its source port (requests and replies of one ping then form two flows); other ICMP has ports 0.
 */
record FlowKey(int src, int dst, int proto, int sport, int dport) {

    static final int TCP = 6;
    static final int UDP = 17;
    static final int ICMP = 1;

    /** A well-mixed hash: overlay addresses differ in few bits, and the record's default clusters them. */
    @Override
    public int hashCode() {
        long h = ((long) src << 32) ^ (dst & 0xFFFFFFFFL);
        h = h * 0x9E3779B97F4A7C15L + ((long) proto << 32 | (long) sport << 16 | dport);
        h *= 0xC2B2AE3D27D4EB4FL;
        return (int) (h ^ (h >>> 32));
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof FlowKey k && k.src == src && k.dst == dst && k.proto == proto && k.sport == sport && k.dport == dport;
    }

    Flow toFlow() {
        boolean icmp = proto == ICMP;
        return new Flow(Ipv4.format(src), icmp ? 0 : sport, Ipv4.format(dst), icmp ? 0 : dport, protoName(proto));
    }

    static String protoName(int proto) {
        return switch (proto) {
            case TCP -> "tcp";
            case UDP -> "udp";
            case ICMP -> "icmp";
            default -> "ip" + proto;
        };
    }
}
