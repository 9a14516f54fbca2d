package dev.silkscreen.decode;

import dev.silkscreen.model.IcmpMessage;

import static dev.silkscreen.decode.Bytes.i32;
import static dev.silkscreen.decode.Bytes.u16;
import static dev.silkscreen.decode.Bytes.u32;
import static dev.silkscreen.decode.Bytes.u8;

/**
 * ICMP for IPv4 (RFC 792). Echo request/reply: identifier and sequence number. Errors
 * (destination unreachable, source quench, redirect, time exceeded, parameter problem) quote the
 * IP header and at least the first 8 bytes of the packet they answer; those are decoded into the
 * {@code quoted*} fields (ports of TCP/UDP, the TCP sequence number).
 *
 * <pre>
 *  0                   1                   2                   3
 *  0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |     Type      |     Code      |          Checksum             |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |  echo: Identifier, Sequence Number  |  errors: unused / MTU   |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |  errors: quoted Internet Header + first 8 bytes of its data   |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * </pre>
 */
final class IcmpLayer {
    static final int HEADER_LEN = 8;
    static final int ECHO_REPLY = 0;
    static final int DEST_UNREACHABLE = 3;
    /** Destination unreachable code: fragmentation needed and DF set (carries the next-hop MTU). */
    static final int FRAG_NEEDED = 4;
    static final int SOURCE_QUENCH = 4;
    static final int REDIRECT = 5;
    static final int ECHO_REQUEST = 8;
    static final int TIME_EXCEEDED = 11;
    static final int PARAMETER_PROBLEM = 12;
    /** Bytes of the quoted packet's transport header that every error carries. */
    static final int QUOTED_L4_LEN = 8;

    // ---- fields (Wireshark's names) ----
    static final Protocol ICMP = new Protocol("icmp", "ICMP", HEADER_LEN, IcmpLayer::start);
    static final Field TYPE = ICMP.header("icmp.type", "Type", Field.Type.UINT, 0, 1, 0, 1, t -> IcmpMessage.typeName((int) t));
    static final Field CODE = ICMP.uint("icmp.code", "Code", 1, 1);
    static final Field CHECKSUM = ICMP.header("icmp.checksum", "Checksum", Field.Type.UINT, 2, 2, 0, 1, null).hex();
    static final Field IDENT = ICMP.computed("icmp.ident", "Identifier", Field.Type.UINT, 3, (d, i) -> echo(d, i, 4));
    static final Field SEQ = ICMP.computed("icmp.seq", "Sequence number", Field.Type.UINT, 3, (d, i) -> echo(d, i, 6));
    static final Field MTU = ICMP.computed("icmp.mtu", "Next-hop MTU", Field.Type.UINT, 3, IcmpLayer::nextHopMtu);

    private static int start(DecodedFrame d, Field.Where w) {
        return switch (w) {
            case OUTER -> -1;
            case INNER -> d.ipVersion == 4 && d.ipProto == Ipv4Layer.PROTO_ICMP ? d.l4Offset : -1;
            case QUOTED -> d.quotedProto == Ipv4Layer.PROTO_ICMP ? d.quotedL4Offset : -1;
        };
    }

    /** The echo identifier (at 4) or sequence number (at 6) of an echo request or reply. */
    private static long echo(DecodedFrame d, int i, int at) {
        long type = TYPE.read(d, i);
        if (type != ECHO_REQUEST && type != ECHO_REPLY) {
            return Field.ABSENT;
        }
        int p = start(d, Field.Where.of(i)) + at;
        return p + 2 <= d.dataEnd ? u16(d.data, p) : Field.ABSENT;
    }

    private static long nextHopMtu(DecodedFrame d, int i) {
        if (TYPE.read(d, i) != DEST_UNREACHABLE || CODE.read(d, i) != FRAG_NEEDED) {
            return Field.ABSENT;
        }
        int p = start(d, Field.Where.of(i)) + 6;
        return p + 2 <= d.dataEnd ? u16(d.data, p) : Field.ABSENT;
    }

    private IcmpLayer() {
    }

    static boolean isError(int type) {
        return type == DEST_UNREACHABLE || type == SOURCE_QUENCH || type == REDIRECT
                || type == TIME_EXCEEDED || type == PARAMETER_PROBLEM;
    }

    static void decode(FrameDecoder d, byte[] b, int off, int avail, int ipEnd, DecodedFrame out) {
        if (avail - off >= 2) {
            out.icmpType = u8(b, off);
            out.icmpCode = u8(b, off + 1);
        }
        if (avail - off < HEADER_LEN) {
            d.stop(out, avail, Malformed.ICMP_CUT, Malformed.ICMP_SHORT);
            return;
        }
        out.payloadOffset = off + HEADER_LEN;
        out.payloadLen = Math.max(-1, ipEnd - off - HEADER_LEN);
        int type = out.icmpType;
        if (type == ECHO_REQUEST || type == ECHO_REPLY) {
            out.icmpId = u16(b, off + 4);
            out.icmpSeq = u16(b, off + 6);
        } else if (isError(type)) {
            if (type == DEST_UNREACHABLE && out.icmpCode == FRAG_NEEDED) {
                out.icmpNextHopMtu = u16(b, off + 6);
            }
            quoted(d, b, off + HEADER_LEN, avail, out);
        }
    }

    private static void quoted(FrameDecoder d, byte[] b, int q, int avail, DecodedFrame out) {
        if (avail - q >= 1 && u8(b, q) >>> 4 != 4) {
            FrameDecoder.problem(out, Malformed.ICMP_QUOTE_VERSION);
            return;
        }
        if (avail - q < Ipv4Layer.MIN_HEADER_LEN) {
            d.stop(out, avail, Malformed.ICMP_QUOTE_CUT, Malformed.ICMP_QUOTE_SHORT);
            return;
        }
        int ihl = (u8(b, q) & 0x0f) * 4;
        if (ihl < Ipv4Layer.MIN_HEADER_LEN) {
            FrameDecoder.problem(out, Malformed.ICMP_QUOTE_SHORT);
            return;
        }
        out.hasQuoted = true;
        out.quotedIpOffset = q;
        out.quotedL4Offset = q + ihl;
        out.quotedIpId = u16(b, q + 4);
        out.quotedProto = u8(b, q + 9);
        out.quotedSrc = i32(b, q + 12);
        out.quotedDst = i32(b, q + 16);
        int l4 = q + ihl;
        boolean ports = out.quotedProto == Ipv4Layer.PROTO_TCP || out.quotedProto == Ipv4Layer.PROTO_UDP;
        if (ports && avail - l4 >= 4) {
            out.quotedSport = u16(b, l4);
            out.quotedDport = u16(b, l4 + 2);
        }
        if (out.quotedProto == Ipv4Layer.PROTO_TCP && avail - l4 >= 8) {
            out.quotedSeq = u32(b, l4 + 4);
        }
        if (avail - l4 < QUOTED_L4_LEN) {
            d.stop(out, avail, Malformed.ICMP_QUOTE_CUT, Malformed.ICMP_QUOTE_SHORT);
        }
    }
}
