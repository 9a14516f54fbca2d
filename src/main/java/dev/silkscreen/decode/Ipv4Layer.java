package dev.silkscreen.decode;

import static dev.silkscreen.decode.Bytes.i32;
import static dev.silkscreen.decode.Bytes.u16;
import static dev.silkscreen.decode.Bytes.u8;

/**
 * IPv4 (RFC 791), options skipped by the header length. Only a packet's first fragment
 * (offset 0) carries the transport header; later fragments stop after the IP header.
 *
 * <pre>
 *  0                   1                   2                   3
 *  0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |Version|  IHL  |Type of Service|          Total Length         |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |         Identification        |Flags|      Fragment Offset    |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |  Time to Live |    Protocol   |         Header Checksum       |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |                       Source Address                          |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |                    Destination Address                        |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |                    Options (IHL > 5)                          |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * </pre>
 * A total length of 0 (a TSO super-packet captured before segmentation) means "to the end of
 * the frame".
 */
final class Ipv4Layer {
    static final int MIN_HEADER_LEN = 20;
    static final int PROTO_ICMP = 1;
    static final int PROTO_TCP = 6;
    static final int PROTO_UDP = 17;

    // ---- fields (Wireshark's names) ----
    static final Protocol IP = new Protocol("ip", "IPv4", MIN_HEADER_LEN, Ipv4Layer::start);
    static final Field VERSION = IP.header("ip.version", "Version", Field.Type.UINT, 0, 1, 0xf0, 1, null);
    static final Field HDR_LEN = IP.header("ip.hdr_len", "Header length (bytes)", Field.Type.UINT, 0, 1, 0x0f, 4, null);
    static final Field DSFIELD = IP.header("ip.dsfield", "Differentiated services", Field.Type.UINT, 1, 1, 0, 1, null);
    static final Field LEN = IP.uint("ip.len", "Total length", 2, 2);
    static final Field ID = IP.header("ip.id", "Identification", Field.Type.UINT, 4, 2, 0, 1, null).hex();
    static final Field FLAGS = IP.header("ip.flags", "Flags", Field.Type.UINT, 6, 1, 0xe0, 1, Ipv4Layer::flagNames).hex();
    static final Field DF = IP.bit("ip.flags.df", "Don't fragment", 6, 1, 0x40);
    static final Field MF = IP.bit("ip.flags.mf", "More fragments", 6, 1, 0x20);
    static final Field FRAG_OFFSET = IP.header("ip.frag_offset", "Fragment offset (8-byte units)", Field.Type.UINT, 6, 2, 0x1fff, 1, null);
    static final Field TTL = IP.uint("ip.ttl", "Time to live", 8, 1);
    static final Field PROTO = IP.header("ip.proto", "Protocol", Field.Type.UINT, 9, 1, 0, 1, p -> Names.ipProto((int) p).toUpperCase(java.util.Locale.ROOT));
    static final Field CHECKSUM = IP.header("ip.checksum", "Header checksum", Field.Type.UINT, 10, 2, 0, 1, null).hex();
    static final Field SRC = IP.header("ip.src", "Source address", Field.Type.IPV4, 12, 4, 0, 1, null);
    static final Field DST = IP.header("ip.dst", "Destination address", Field.Type.IPV4, 16, 4, 0, 1, null);
    static final Field ADDR = IP.either("ip.addr", "Source or destination address", SRC, DST);

    private static int start(DecodedFrame d, Field.Where w) {
        return switch (w) {
            case OUTER -> d.encapsulated ? d.outerIpOffset : -1;
            case INNER -> d.ipVersion == 4 ? d.ipOffset : -1;
            case QUOTED -> d.quotedIpOffset;
        };
    }

    private static String flagNames(long flags) {
        return ((flags & 0x2) != 0 ? "DF" : "") + ((flags & 0x3) == 0x3 ? " " : "") + ((flags & 0x1) != 0 ? "MF" : "");
    }

    private Ipv4Layer() {
    }

    static void decode(FrameDecoder d, byte[] b, int off, int end, DecodedFrame out) {
        if (end - off < MIN_HEADER_LEN) {
            d.stop(out, end, Malformed.IPV4_CUT, Malformed.IPV4_SHORT);
            return;
        }
        int vihl = u8(b, off);
        if (vihl >>> 4 != 4) {
            FrameDecoder.problem(out, Malformed.IPV4_VERSION);
            return;
        }
        int ihl = (vihl & 0x0f) * 4;
        if (ihl < MIN_HEADER_LEN) {
            FrameDecoder.problem(out, Malformed.IPV4_IHL);
            return;
        }
        int totalLen = u16(b, off + 2);
        int flagsFrag = u16(b, off + 6);
        out.ipVersion = 4;
        out.ipOffset = off;
        out.ipHeaderLen = ihl;
        out.ipTotalLen = totalLen;
        out.ipId = u16(b, off + 4);
        out.dontFragment = (flagsFrag & 0x4000) != 0;
        out.moreFragments = (flagsFrag & 0x2000) != 0;
        out.fragOffset = (flagsFrag & 0x1fff) * 8;
        out.ttl = u8(b, off + 8);
        out.ipProto = u8(b, off + 9);
        out.src = i32(b, off + 12);
        out.dst = i32(b, off + 16);
        if (end - off < ihl) {
            d.stop(out, end, Malformed.IPV4_CUT, Malformed.IPV4_SHORT);
            return;
        }
        int ipEnd;
        if (totalLen == 0) {
            ipEnd = d.origEnd();
        } else if (totalLen < ihl) {
            FrameDecoder.problem(out, Malformed.IPV4_TOTAL_LEN);
            return;
        } else {
            ipEnd = off + totalLen;
            if (ipEnd > d.origEnd()) {
                FrameDecoder.problem(out, Malformed.IPV4_BEYOND);
                ipEnd = d.origEnd();
            }
        }
        int l4 = off + ihl;
        if (out.fragOffset != 0) {
            return; // a later fragment: no transport header here
        }
        out.l4Offset = l4;
        int avail = Math.min(ipEnd, end);
        switch (out.ipProto) {
            case PROTO_TCP -> TcpLayer.decode(d, b, l4, avail, ipEnd, out);
            case PROTO_UDP -> UdpLayer.decode(d, b, l4, avail, ipEnd, out);
            case PROTO_ICMP -> IcmpLayer.decode(d, b, l4, avail, ipEnd, out);
            default -> {
                // Another protocol: its bytes are the payload.
                out.payloadOffset = l4;
                out.payloadLen = ipEnd - l4;
            }
        }
    }
}
