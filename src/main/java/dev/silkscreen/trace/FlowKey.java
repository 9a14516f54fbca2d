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
