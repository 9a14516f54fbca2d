package dev.silkscreen.trace;

import dev.silkscreen.decode.DecodedFrame;
import dev.silkscreen.model.IcmpMessage;
import dev.silkscreen.model.TcpFlag;

/**
 * One-line descriptions of packets, as tcpdump users read them: "TCP SYN", "TCP PSH-ACK 312 bytes",
 * "UDP 64 bytes", "ICMP echo request", "ICMP fragmentation needed (MTU 1410)".
 */
final class Summaries {
    private Summaries() {
    }

    /** @param mtu next-hop MTU of an ICMP "fragmentation needed" (see {@link #nextHopMtu}), else anything */
    static String of(DecodedFrame d, int mtu) {
        return switch (d.ipProto) {
            case FlowKey.TCP -> tcp(d.tcpFlags, Math.max(0, d.payloadLen));
            case FlowKey.UDP -> "UDP " + Math.max(0, d.payloadLen) + " bytes";
            case FlowKey.ICMP -> icmp(d.icmpType, d.icmpCode, mtu);
            default -> "IP protocol " + d.ipProto;
        };
    }

    /** The next-hop MTU an ICMP "fragmentation needed" carries (as the decoder read it), 0 when none. */
    static int nextHopMtu(DecodedFrame d) {
        return d.ipProto == FlowKey.ICMP ? Math.max(0, d.icmpNextHopMtu) : 0;
    }

    static String tcp(int flags, int payload) {
        return TcpFlag.summary(flags, payload);
    }

    static String icmp(int type, int code, int mtu) {
        return "ICMP " + IcmpMessage.describe(type, code, mtu);
    }
}
