package dev.silkscreen.decode;

import static dev.silkscreen.decode.Bytes.u16;
import static dev.silkscreen.decode.Bytes.u8;

/**
 * IPv6 (RFC 8200): the fixed header only. Silk's overlay is IPv4, so decoding stops politely
 * after it (no error): {@link DecodedFrame#ipProto} holds the Next Header value.
 *
 * <pre>
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |Version| Traffic Class |           Flow Label                  |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |         Payload Length        |  Next Header  |   Hop Limit   |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |                 Source Address (16 bytes)                     |
 * |               Destination Address (16 bytes)                  |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * </pre>
 */
final class Ipv6Layer {
    static final int HEADER_LEN = 40;

    private Ipv6Layer() {
    }

    static void decode(FrameDecoder d, byte[] b, int off, int end, DecodedFrame out) {
        if (end - off < HEADER_LEN) {
            d.stop(out, end, Malformed.IPV6_CUT, Malformed.IPV6_SHORT);
            return;
        }
        if (u8(b, off) >>> 4 != 6) {
            FrameDecoder.problem(out, Malformed.IPV6_VERSION);
            return;
        }
        out.ipVersion = 6;
        out.ipOffset = off;
        out.ipHeaderLen = HEADER_LEN;
        out.ipTotalLen = HEADER_LEN + u16(b, off + 4);
        out.ipProto = u8(b, off + 6);
        out.ttl = u8(b, off + 7);
        out.l4Offset = off + HEADER_LEN;
    }
}
