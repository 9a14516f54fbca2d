package dev.silkscreen.trace;

import dev.silkscreen.decode.DecodedFrame;

/** One-line descriptions of packets: "TCP SYN", "TCP data 512 B", "ICMP echo request". */
final class Summaries {
    private Summaries() {
    }

    static String of(DecodedFrame d) {
        return switch (d.ipProto) {
            case FlowKey.TCP -> tcp(d.tcpFlags, Math.max(0, d.payloadLen));
            case FlowKey.UDP -> "UDP " + Math.max(0, d.payloadLen) + " B";
            case FlowKey.ICMP -> icmp(d.icmpType, d.icmpCode);
            default -> "IP protocol " + d.ipProto;
        };
    }

    static String tcp(int flags, int payload) {
        boolean syn = (flags & 0x02) != 0;
        boolean ack = (flags & 0x10) != 0;
        boolean fin = (flags & 0x01) != 0;
        boolean rst = (flags & 0x04) != 0;
        String base;
        if (syn) {
            base = ack ? "TCP SYN-ACK" : "TCP SYN";
        } else if (rst) {
            base = "TCP RST";
        } else if (fin) {
            base = "TCP FIN";
        } else if (payload > 0) {
            base = "TCP data";
        } else {
            base = "TCP ACK";
        }
        return payload > 0 ? base + " " + payload + " B" : base;
    }

    static String icmp(int type, int code) {
        return switch (type) {
            case 8 -> "ICMP echo request";
            case 0 -> "ICMP echo reply";
            case 3 -> switch (code) {
                case 0 -> "ICMP net unreachable";
                case 1 -> "ICMP host unreachable";
                case 3 -> "ICMP port unreachable";
                case 4 -> "ICMP fragmentation needed";
                case 9, 10, 13 -> "ICMP administratively prohibited";
                default -> "ICMP destination unreachable";
            };
            case 11 -> "ICMP time exceeded";
            default -> "ICMP type " + type;
        };
    }
}
