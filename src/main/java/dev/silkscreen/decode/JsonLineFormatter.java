package dev.silkscreen.decode;

import static dev.silkscreen.decode.Field.Where.INNER;
import static dev.silkscreen.decode.Field.Where.OUTER;
import static dev.silkscreen.decode.Field.Where.QUOTED;
import static dev.silkscreen.decode.JsonKey.key;
import static dev.silkscreen.decode.JsonKey.object;
import static dev.silkscreen.decode.JsonKey.row;

import dev.silkscreen.model.Frame;
import java.util.List;

/**
 * One JSON object per frame (JSON Lines), with the keys that apply, in the order of {@link #ROWS}.
 * Absent values are left out (e.g. {@code gbp} when the VXLAN G flag is clear). For ARP,
 * {@code src}/{@code dst} are the sender and target protocol addresses. Each key is declared
 * once, below, with the display-filter field that holds the same value; the README's table is
 * made from the declarations ({@link JsonKey#markdownTable()}).
 */
public final class JsonLineFormatter {
    static final JsonKey FRAME = key("frame", INNER, "frame.number");
    static final JsonKey TIME = key("time", INNER);
    static final JsonKey POINT = key("point", INNER, "frame.interface_name");
    static final JsonKey CAPLEN = key("caplen", INNER, "frame.cap_len");
    static final JsonKey LEN = key("len", INNER, "frame.len");
    static final JsonKey OUTER_SRC = key("outer_src", OUTER, "ip.src");
    static final JsonKey OUTER_DST = key("outer_dst", OUTER, "ip.dst");
    static final JsonKey OUTER_SPORT = key("outer_sport", OUTER, "udp.srcport");
    static final JsonKey OUTER_DPORT = key("outer_dport", OUTER, "udp.dstport");
    static final JsonKey VNI = key("vni", OUTER, "vxlan.vni");
    static final JsonKey GBP = key("gbp", OUTER, "vxlan.gbp");
    static final JsonKey SRC = key("src", INNER, "ip.src", "arp.src.proto_ipv4");
    static final JsonKey DST = key("dst", INNER, "ip.dst", "arp.dst.proto_ipv4");
    static final JsonKey PROTO = key("proto", INNER, "ip.proto");
    static final JsonKey SPORT = key("sport", INNER, "tcp.srcport", "udp.srcport");
    static final JsonKey DPORT = key("dport", INNER, "tcp.dstport", "udp.dstport");
    static final JsonKey TCP_FLAGS = key("tcp_flags", INNER, "tcp.flags");
    static final JsonKey SEQ = key("seq", INNER, "tcp.seq_raw");
    static final JsonKey ACK = key("ack", INNER, "tcp.ack_raw");
    static final JsonKey PAYLOAD_LEN = key("payload_len", INNER, "silk.payload_len", "tcp.len");
    static final JsonKey IP_ID = key("ip_id", INNER, "ip.id");
    static final JsonKey ICMP_TYPE = key("icmp_type", INNER, "icmp.type");
    static final JsonKey ICMP_CODE = key("icmp_code", INNER, "icmp.code");
    static final JsonKey QUOTED_PACKET = key("quoted", QUOTED);
    static final JsonKey Q_SRC = key("src", QUOTED, "ip.src");
    static final JsonKey Q_DST = key("dst", QUOTED, "ip.dst");
    static final JsonKey Q_PROTO = key("proto", QUOTED, "ip.proto");
    static final JsonKey Q_SPORT = key("sport", QUOTED, "tcp.srcport", "udp.srcport");
    static final JsonKey Q_DPORT = key("dport", QUOTED, "tcp.dstport", "udp.dstport");
    static final JsonKey Q_SEQ = key("seq", QUOTED);
    static final JsonKey MALFORMED = key("malformed", INNER, "silk.malformed");

    /** The keys in the order they are written, with their meaning (the README's table). */
    static final List<JsonKey.Row> ROWS = List.of(
            row("frame number, from 1 in each file", FRAME),
            row("capture time, ISO-8601 UTC with nanoseconds (`2026-11-24T23:36:14.447973000Z`)", TIME),
            row("capture point `CELL:IFACE`, from the pcapng interface name (pcap files have none)", POINT),
            row("bytes captured, bytes on the wire", CAPLEN, LEN),
            row("underlay IPv4 addresses and UDP ports of a VXLAN frame", OUTER_SRC, OUTER_DST, OUTER_SPORT, OUTER_DPORT),
            row("VXLAN network identifier", VNI),
            row("Group Policy ID (the source app's policy tag); absent when the G flag is clear", GBP),
            row("innermost IPv4 addresses (for ARP: sender and target protocol addresses)", SRC, DST),
            row("`tcp`, `udp`, `icmp`, `arp`, `ipv6`, another IP protocol's name or number", PROTO),
            row("TCP/UDP ports (not in later fragments, which carry no transport header)", SPORT, DPORT),
            row("TCP flags as letters in wire-bit order `F S R P A U E C`: `\"SA\"` is SYN+ACK, `\"PA\"` PSH+ACK", TCP_FLAGS),
            row("TCP sequence and acknowledgment numbers (absolute)", SEQ, ACK),
            row("transport payload bytes, from the IP total length (right even when the capture kept only headers)", PAYLOAD_LEN),
            row("innermost IPv4 identification", IP_ID),
            row("ICMP type and code", ICMP_TYPE, ICMP_CODE),
            object("for ICMP errors, the packet they answer", QUOTED_PACKET, Q_SRC, Q_DST, Q_PROTO, Q_SPORT, Q_DPORT, Q_SEQ),
            row("where and why decoding stopped, e.g. `\"tcp: header cut by the snap length\"`", MALFORMED));

    private JsonLineFormatter() {
    }

    /** Appends the object (without a newline) for frame number {@code frameNo} of its file. */
    public static StringBuilder format(long frameNo, Frame frame, DecodedFrame d, StringBuilder sb) {
        sb.append("{\"").append(FRAME).append("\":").append(frameNo);
        sb.append(",\"").append(TIME).append("\":\"");
        TimeFormat.iso(frame.timeNanos(), sb).append('"');
        String point = frame.point() == null ? "" : frame.point().name();
        if (!point.isEmpty()) {
            string(sb, POINT, point);
        }
        number(sb, CAPLEN, d.capLen);
        number(sb, LEN, d.origLen);
        if (d.encapsulated) {
            address(sb, OUTER_SRC, d.outerSrc);
            address(sb, OUTER_DST, d.outerDst);
            number(sb, OUTER_SPORT, d.outerSport);
            number(sb, OUTER_DPORT, d.outerDport);
            number(sb, VNI, d.vni);
            if (d.hasGbp()) {
                number(sb, GBP, d.gbp);
            }
        }
        if (d.ipVersion == 4) {
            address(sb, SRC, d.src);
            address(sb, DST, d.dst);
        } else if (d.arpSha >= 0) {
            address(sb, SRC, d.arpSpa);
            address(sb, DST, d.arpTpa);
        }
        String proto = Names.proto(d);
        if (proto != null) {
            string(sb, PROTO, proto);
        }
        if (d.sport >= 0) {
            number(sb, SPORT, d.sport);
        }
        if (d.dport >= 0) {
            number(sb, DPORT, d.dport);
        }
        if (d.tcpFlags >= 0) {
            sb.append(",\"").append(TCP_FLAGS).append("\":\"");
            Names.tcpFlags(d.tcpFlags, sb).append('"');
        }
        if (d.seq >= 0) {
            number(sb, SEQ, d.seq);
        }
        if (d.ack >= 0) {
            number(sb, ACK, d.ack);
        }
        if (d.payloadLen >= 0) {
            number(sb, PAYLOAD_LEN, d.payloadLen);
        }
        if (d.ipVersion == 4) {
            number(sb, IP_ID, d.ipId);
        }
        if (d.icmpType >= 0) {
            number(sb, ICMP_TYPE, d.icmpType);
            if (d.icmpCode >= 0) {
                number(sb, ICMP_CODE, d.icmpCode);
            }
        }
        if (d.hasQuoted) {
            sb.append(",\"").append(QUOTED_PACKET).append("\":{\"").append(Q_SRC).append("\":\"");
            Names.ipv4(d.quotedSrc, sb).append("\"");
            address(sb, Q_DST, d.quotedDst);
            string(sb, Q_PROTO, Names.ipProto(d.quotedProto));
            if (d.quotedSport >= 0) {
                number(sb, Q_SPORT, d.quotedSport);
            }
            if (d.quotedDport >= 0) {
                number(sb, Q_DPORT, d.quotedDport);
            }
            if (d.quotedSeq >= 0) {
                number(sb, Q_SEQ, d.quotedSeq);
            }
            sb.append('}');
        }
        if (d.malformed != null) {
            string(sb, MALFORMED, d.malformed);
        }
        return sb.append('}');
    }

    private static void number(StringBuilder sb, JsonKey key, long value) {
        sb.append(",\"").append(key.key()).append("\":").append(value);
    }

    private static void address(StringBuilder sb, JsonKey key, int ip) {
        sb.append(",\"").append(key.key()).append("\":\"");
        Names.ipv4(ip, sb).append('"');
    }

    private static void string(StringBuilder sb, JsonKey key, String value) {
        sb.append(",\"").append(key.key()).append("\":");
        quote(value, sb);
    }

    /** Appends {@code s} as a JSON string literal (RFC 8259 escapes). */
    public static StringBuilder quote(String s, StringBuilder sb) {
        sb.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                case '\t' -> sb.append("\\t");
                case '\b' -> sb.append("\\b");
                case '\f' -> sb.append("\\f");
                default -> {
                    if (c < 0x20 || c == 0x2028 || c == 0x2029) {
                        sb.append(String.format("\\u%04x", (int) c));
                    } else {
                        sb.append(c);
                    }
                }
            }
        }
        return sb.append('"');
    }
}
