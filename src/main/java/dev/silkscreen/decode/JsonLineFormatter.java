package dev.silkscreen.decode;

import dev.silkscreen.model.Frame;

/**
 * One JSON object per frame (JSON Lines), with the keys that apply, in this order:
 * {@code frame time point caplen len outer_src outer_dst outer_sport outer_dport vni gbp src dst
 * proto sport dport tcp_flags seq ack payload_len ip_id icmp_type icmp_code quoted malformed}.
 * Absent values are left out (e.g. {@code gbp} when the VXLAN G flag is clear). For ARP,
 * {@code src}/{@code dst} are the sender and target protocol addresses. The README documents
 * the schema.
 */
public final class JsonLineFormatter {
    private JsonLineFormatter() {
    }

    /** Appends the object (without a newline) for frame number {@code frameNo} of its file. */
    public static StringBuilder format(long frameNo, Frame frame, DecodedFrame d, StringBuilder sb) {
        sb.append("{\"frame\":").append(frameNo);
        sb.append(",\"time\":\"");
        TimeFormat.iso(frame.timeNanos(), sb).append('"');
        String point = frame.point() == null ? "" : frame.point().name();
        if (!point.isEmpty()) {
            string(sb, "point", point);
        }
        number(sb, "caplen", d.capLen);
        number(sb, "len", d.origLen);
        if (d.encapsulated) {
            address(sb, "outer_src", d.outerSrc);
            address(sb, "outer_dst", d.outerDst);
            number(sb, "outer_sport", d.outerSport);
            number(sb, "outer_dport", d.outerDport);
            number(sb, "vni", d.vni);
            if (d.hasGbp()) {
                number(sb, "gbp", d.gbp);
            }
        }
        if (d.ipVersion == 4) {
            address(sb, "src", d.src);
            address(sb, "dst", d.dst);
        } else if (d.arpSha >= 0) {
            address(sb, "src", d.arpSpa);
            address(sb, "dst", d.arpTpa);
        }
        String proto = Names.proto(d);
        if (proto != null) {
            string(sb, "proto", proto);
        }
        if (d.sport >= 0) {
            number(sb, "sport", d.sport);
        }
        if (d.dport >= 0) {
            number(sb, "dport", d.dport);
        }
        if (d.tcpFlags >= 0) {
            sb.append(",\"tcp_flags\":\"");
            Names.tcpFlags(d.tcpFlags, sb).append('"');
        }
        if (d.seq >= 0) {
            number(sb, "seq", d.seq);
        }
        if (d.ack >= 0) {
            number(sb, "ack", d.ack);
        }
        if (d.payloadLen >= 0) {
            number(sb, "payload_len", d.payloadLen);
        }
        if (d.ipVersion == 4) {
            number(sb, "ip_id", d.ipId);
        }
        if (d.icmpType >= 0) {
            number(sb, "icmp_type", d.icmpType);
            if (d.icmpCode >= 0) {
                number(sb, "icmp_code", d.icmpCode);
            }
        }
        if (d.hasQuoted) {
            sb.append(",\"quoted\":{\"src\":\"");
            Names.ipv4(d.quotedSrc, sb).append("\",\"dst\":\"");
            Names.ipv4(d.quotedDst, sb).append('"');
            string(sb, "proto", Names.ipProto(d.quotedProto));
            if (d.quotedSport >= 0) {
                number(sb, "sport", d.quotedSport);
            }
            if (d.quotedDport >= 0) {
                number(sb, "dport", d.quotedDport);
            }
            if (d.quotedSeq >= 0) {
                number(sb, "seq", d.quotedSeq);
            }
            sb.append('}');
        }
        if (d.malformed != null) {
            string(sb, "malformed", d.malformed);
        }
        return sb.append('}');
    }

    private static void number(StringBuilder sb, String key, long value) {
        sb.append(",\"").append(key).append("\":").append(value);
    }

    private static void address(StringBuilder sb, String key, int ip) {
        sb.append(",\"").append(key).append("\":\"");
        Names.ipv4(ip, sb).append('"');
    }

    private static void string(StringBuilder sb, String key, String value) {
        sb.append(",\"").append(key).append("\":");
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
