package dev.silkscreen.decode;

import dev.silkscreen.model.TcpFlag;

/** Short names of protocols, TCP flags and addresses, shared by the summary and JSON formatters. */
public final class Names {
    private static final char[] HEX = "0123456789abcdef".toCharArray();

    private Names() {
    }

    /** An IP protocol number's name ("tcp", "udp", "icmp", ...) or its number as text. */
    public static String ipProto(int proto) {
        return switch (proto) {
            case 1 -> "icmp";
            case 2 -> "igmp";
            case 6 -> "tcp";
            case 17 -> "udp";
            case 47 -> "gre";
            case 50 -> "esp";
            case 58 -> "icmpv6";
            case 132 -> "sctp";
            default -> Integer.toString(proto);
        };
    }

    /**
     * The innermost protocol of a decoded frame, as the JSON {@code proto} key shows it: the IPv4
     * protocol name, "ipv6", "arp", or null for other EtherTypes.
     */
    public static String proto(DecodedFrame d) {
        if (d.ipVersion == 4) {
            return ipProto(d.ipProto);
        }
        if (d.ipVersion == 6) {
            return "ipv6";
        }
        if (d.etherType == FrameDecoder.ETHERTYPE_ARP) {
            return "arp";
        }
        return null;
    }

    /** TCP flags as letters in wire-bit order, e.g. "SA" for SYN+ACK, "PA" for PSH+ACK. */
    public static StringBuilder tcpFlags(int flags, StringBuilder sb) {
        return TcpFlag.letters(flags, sb);
    }

    public static String tcpFlags(int flags) {
        return tcpFlags(flags, new StringBuilder()).toString();
    }

    public static StringBuilder ipv4(int ip, StringBuilder sb) {
        return sb.append(ip >>> 24).append('.').append(ip >>> 16 & 0xff).append('.').append(ip >>> 8 & 0xff).append('.').append(ip & 0xff);
    }

    /** A MAC address (low 48 bits) as {@code ee:ee:0a:ff:01:02}. */
    public static StringBuilder mac(long mac, StringBuilder sb) {
        for (int shift = 40; shift >= 0; shift -= 8) {
            int b = (int) (mac >>> shift) & 0xff;
            sb.append(HEX[b >>> 4]).append(HEX[b & 0x0f]);
            if (shift > 0) {
                sb.append(':');
            }
        }
        return sb;
    }

    public static String mac(long mac) {
        return mac(mac, new StringBuilder(17)).toString();
    }
}
