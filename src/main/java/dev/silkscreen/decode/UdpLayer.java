package dev.silkscreen.decode;

import static dev.silkscreen.decode.Bytes.u16;

/**
 * UDP (RFC 768). The payload is VXLAN when the decoder's port table says so (and the datagram
 * is not the first fragment of a larger one, whose inner frame would be incomplete).
 *
 * <pre>
 *  0                   1                   2                   3
 *  0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |          Source Port          |       Destination Port        |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |            Length             |           Checksum            |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * </pre>
 */
final class UdpLayer {
    static final int HEADER_LEN = 8;

    // ---- fields (Wireshark's names) ----
    static final Protocol UDP = new Protocol("udp", "UDP", HEADER_LEN, UdpLayer::start);
    static final Field SRCPORT = UDP.uint("udp.srcport", "Source port", 0, 2);
    static final Field DSTPORT = UDP.uint("udp.dstport", "Destination port", 2, 2);
    static final Field LENGTH = UDP.uint("udp.length", "Length", 4, 2);
    static final Field CHECKSUM = UDP.header("udp.checksum", "Checksum", Field.Type.UINT, 6, 2, 0, 1, null).hex();
    static final Field PORT = UDP.either("udp.port", "Source or destination port", SRCPORT, DSTPORT);

    private static int start(DecodedFrame d, Field.Where w) {
        return switch (w) {
            case OUTER -> d.encapsulated && d.vxlanOffset >= HEADER_LEN ? d.vxlanOffset - HEADER_LEN : -1;
            case INNER -> d.ipVersion != 0 && d.ipProto == Ipv4Layer.PROTO_UDP ? d.l4Offset : -1;
            case QUOTED -> d.quotedProto == Ipv4Layer.PROTO_UDP ? d.quotedL4Offset : -1;
        };
    }

    private UdpLayer() {
    }

    /**
     * @param avail end of the bytes at hand (captured, within the IP packet)
     * @param ipEnd end of the IP packet as its header declares it
     */
    static void decode(FrameDecoder d, byte[] b, int off, int avail, int ipEnd, DecodedFrame out) {
        if (avail - off >= 4) {
            out.sport = u16(b, off);
            out.dport = u16(b, off + 2);
        }
        if (avail - off < HEADER_LEN) {
            d.stop(out, avail, Malformed.UDP_CUT, Malformed.UDP_SHORT);
            return;
        }
        out.payloadOffset = off + HEADER_LEN;
        out.payloadLen = ipEnd - off - HEADER_LEN;
        if (out.payloadLen < 0) {
            out.payloadLen = -1;
            FrameDecoder.problem(out, Malformed.UDP_SHORT);
            return;
        }
        if (!out.moreFragments && d.isVxlan(out.dport, out.sport)) {
            int udpLen = u16(b, off + 4);
            int end = udpLen >= HEADER_LEN && off + udpLen <= avail ? off + udpLen : avail;
            VxlanLayer.decode(d, b, off + HEADER_LEN, end, out);
        }
    }
}
