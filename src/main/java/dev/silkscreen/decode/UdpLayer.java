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
