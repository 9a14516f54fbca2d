package dev.silkscreen.decode;

import static dev.silkscreen.decode.Bytes.u16;
import static dev.silkscreen.decode.Bytes.u32;
import static dev.silkscreen.decode.Bytes.u8;

/**
 * TCP (RFC 9293): ports, sequence and acknowledgment numbers, flags, window; options are
 * skipped by the data offset. The payload length comes from the IP total length, so it is right
 * even when the capture kept only the headers.
 *
 * <pre>
 *  0                   1                   2                   3
 *  0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |          Source Port          |       Destination Port        |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |                        Sequence Number                        |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |                    Acknowledgment Number                      |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |  Data |       |C|E|U|A|P|R|S|F|                               |
 * | Offset| Rsrvd |W|C|R|C|S|S|Y|I|            Window             |
 * |       |       |R|E|G|K|H|T|N|N|                               |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |           Checksum            |         Urgent Pointer        |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |                    Options (data offset > 5)                  |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * </pre>
 */
final class TcpLayer {
    static final int MIN_HEADER_LEN = 20;

    private TcpLayer() {
    }

    static void decode(FrameDecoder d, byte[] b, int off, int avail, int ipEnd, DecodedFrame out) {
        int have = avail - off;
        if (have >= 4) {
            out.sport = u16(b, off);
            out.dport = u16(b, off + 2);
        }
        if (have >= 8) {
            out.seq = u32(b, off + 4);
        }
        if (have >= 12) {
            out.ack = u32(b, off + 8);
        }
        if (have < MIN_HEADER_LEN) {
            d.stop(out, avail, Malformed.TCP_CUT, Malformed.TCP_SHORT);
            return;
        }
        int dataOffset = (u8(b, off + 12) >>> 4) * 4;
        out.tcpFlags = u8(b, off + 13);
        out.tcpWindow = u16(b, off + 14);
        if (dataOffset < MIN_HEADER_LEN) {
            FrameDecoder.problem(out, Malformed.TCP_OFFSET);
            return;
        }
        int payloadLen = ipEnd - off - dataOffset;
        if (payloadLen < 0) {
            FrameDecoder.problem(out, Malformed.TCP_SHORT);
            return;
        }
        out.payloadOffset = off + dataOffset;
        out.payloadLen = payloadLen;
        if (avail - off < dataOffset) {
            d.stop(out, avail, Malformed.TCP_CUT, Malformed.TCP_SHORT);
        }
    }
}
