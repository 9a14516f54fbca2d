package dev.silkscreen.decode;

import dev.silkscreen.model.Frame;
import dev.silkscreen.model.IcmpMessage;
import dev.silkscreen.model.TcpFlag;

/**
 * One readable line per frame, in the spirit of tcpdump's:
 * <pre>
 * 1 2026-11-24T23:27:55.000000001Z cell1:eth0 10.0.16.11.51234 > 10.0.16.12.4789: VXLAN vni 1 gbp 3 | 10.255.1.2.40000 > 10.255.2.3.8080: TCP [S] seq 1000000 ack 0 win 64240 len 0
 * </pre>
 * TCP flags are tcpdump's letters ({@code S F R P U E W}, {@code .} for ACK).
 */
public final class SummaryFormatter {
    private SummaryFormatter() {
    }

    /** Appends the line (without a newline) for frame number {@code frameNo} of its file. */
    public static StringBuilder format(long frameNo, Frame frame, DecodedFrame d, StringBuilder sb) {
        sb.append(frameNo).append(' ');
        TimeFormat.iso(frame.timeNanos(), sb);
        String point = frame.point() == null ? "" : frame.point().name();
        if (!point.isEmpty()) {
            sb.append(' ').append(point);
        }
        sb.append(' ');
        if (d.encapsulated) {
            endpoints(d.outerSrc, d.outerSport, d.outerDst, d.outerDport, sb).append(": VXLAN vni ").append(d.vni);
            if (d.hasGbp()) {
                sb.append(" gbp ").append(d.gbp);
            }
            sb.append(" | ");
        }
        if (d.vlan >= 0) {
            sb.append("vlan ").append(d.vlan).append(' ');
        }
        inner(d, sb);
        if (d.malformed != null) {
            sb.append(d.truncated ? " [truncated: " : " [malformed: ").append(d.malformed).append(']');
        }
        return sb;
    }

    private static void inner(DecodedFrame d, StringBuilder sb) {
        if (d.ipVersion == 4) {
            ipv4(d, sb);
        } else if (d.ipVersion == 6) {
            sb.append("IPv6 next-header ").append(d.ipProto);
        } else if (d.arpOp >= 0) {
            arp(d, sb);
        } else if (d.etherType >= 0) {
            sb.append("ethertype 0x").append(Integer.toHexString(d.etherType));
        } else {
            sb.append("frame of ").append(d.capLen).append(" bytes");
        }
    }

    private static void ipv4(DecodedFrame d, StringBuilder sb) {
        endpoints(d.src, d.sport, d.dst, d.dport, sb).append(": ");
        if (d.fragOffset > 0) {
            sb.append(Names.ipProto(d.ipProto).toUpperCase()).append(" fragment id ").append(d.ipId)
                    .append(" offset ").append(d.fragOffset).append(d.moreFragments ? " (more)" : "");
            return;
        }
        switch (d.ipProto) {
            case Ipv4Layer.PROTO_TCP -> tcp(d, sb);
            case Ipv4Layer.PROTO_UDP -> sb.append("UDP");
            case Ipv4Layer.PROTO_ICMP -> {
                icmp(d, sb);
                return;
            }
            default -> sb.append("IP proto ").append(Names.ipProto(d.ipProto));
        }
        lengthAndFragment(d, sb);
    }

    /** {@code SRC[.SPORT] > DST[.DPORT]}; a port below 0 (absent) is left out. */
    private static StringBuilder endpoints(int src, int sport, int dst, int dport, StringBuilder sb) {
        Names.ipv4(src, sb);
        if (sport >= 0) {
            sb.append('.').append(sport);
        }
        sb.append(" > ");
        Names.ipv4(dst, sb);
        if (dport >= 0) {
            sb.append('.').append(dport);
        }
        return sb;
    }

    /** The payload length when known, and whether this is the first fragment of a larger packet. */
    private static void lengthAndFragment(DecodedFrame d, StringBuilder sb) {
        if (d.payloadLen >= 0) {
            sb.append(" len ").append(d.payloadLen);
        }
        if (d.moreFragments) {
            sb.append(" (first fragment, id ").append(d.ipId).append(')');
        }
    }

    private static void tcp(DecodedFrame d, StringBuilder sb) {
        sb.append("TCP");
        if (d.tcpFlags >= 0) {
            sb.append(" [");
            TcpFlag.tcpdumpLetters(d.tcpFlags, sb);
            sb.append(']');
        }
        if (d.seq >= 0) {
            sb.append(" seq ").append(d.seq);
        }
        if (d.ack >= 0) {
            sb.append(" ack ").append(d.ack);
        }
        if (d.tcpWindow >= 0) {
            sb.append(" win ").append(d.tcpWindow);
        }
    }

    private static void icmp(DecodedFrame d, StringBuilder sb) {
        if (d.icmpType < 0) {
            sb.append("ICMP");
            return;
        }
        sb.append("ICMP ");
        switch (d.icmpType) {
            case IcmpLayer.ECHO_REQUEST, IcmpLayer.ECHO_REPLY -> sb.append(IcmpMessage.typeName(d.icmpType))
                    .append(" id ").append(d.icmpId).append(" seq ").append(d.icmpSeq);
            default -> sb.append(IcmpMessage.describe(d.icmpType, d.icmpCode, d.icmpNextHopMtu));
        }
        lengthAndFragment(d, sb);
        if (d.hasQuoted) {
            sb.append(", quoting ").append(Names.ipProto(d.quotedProto).toUpperCase()).append(' ');
            endpoints(d.quotedSrc, d.quotedSport, d.quotedDst, d.quotedDport, sb);
            if (d.quotedSeq >= 0) {
                sb.append(" seq ").append(d.quotedSeq);
            }
        }
    }

    private static void arp(DecodedFrame d, StringBuilder sb) {
        if (d.arpSha < 0) {
            sb.append("ARP op ").append(d.arpOp);
            return;
        }
        if (d.arpOp == 1) {
            sb.append("ARP who-has ");
            Names.ipv4(d.arpTpa, sb).append(" tell ");
            Names.ipv4(d.arpSpa, sb);
        } else if (d.arpOp == 2) {
            sb.append("ARP reply ");
            Names.ipv4(d.arpSpa, sb).append(" is-at ");
            Names.mac(d.arpSha, sb);
        } else {
            sb.append("ARP op ").append(d.arpOp);
        }
    }
}
