package dev.silkscreen.trace;

import dev.silkscreen.decode.DecodedFrame;

/**
 * One-line descriptions of packets, as tcpdump users read them: "TCP SYN", "TCP PSH-ACK 312 bytes",
 * "UDP 64 bytes", "ICMP echo request", "ICMP fragmentation needed (mtu 1410)".
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

    private static final int[] FLAG_BITS = {0x02, 0x01, 0x04, 0x08, 0x10};
    private static final String[] FLAG_NAMES = {"SYN", "FIN", "RST", "PSH", "ACK"};

    static String tcp(int flags, int payload) {
        StringBuilder sb = new StringBuilder("TCP ");
        String sep = "";
        for (int i = 0; i < FLAG_BITS.length; i++) {
            if ((flags & FLAG_BITS[i]) != 0) {
                sb.append(sep).append(FLAG_NAMES[i]);
                sep = "-";
            }
        }
        if (payload > 0) {
            sb.append(' ').append(payload).append(" bytes");
        }
        return sb.toString();
    }

    static String icmp(int type, int code, int mtu) {
        return switch (type) {
            case 8 -> "ICMP echo request";
            case 0 -> "ICMP echo reply";
            case 3 -> switch (code) {
                case 0 -> "ICMP net unreachable";
                case 1 -> "ICMP host unreachable";
                case 3 -> "ICMP port unreachable";
                case 4 -> "ICMP fragmentation needed (mtu " + mtu + ")";
                default -> "ICMP destination unreachable (code " + code + ")";
            };
            case 11 -> "ICMP time exceeded";
            default -> "ICMP type " + type + " code " + code;
        };
    }
}
