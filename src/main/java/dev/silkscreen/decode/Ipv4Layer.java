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
