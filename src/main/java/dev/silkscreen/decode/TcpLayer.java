package dev.silkscreen.decode;

import dev.silkscreen.model.TcpFlag;

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

    // ---- fields (Wireshark's names) ----
    static final Protocol TCP = new Protocol("tcp", "TCP", MIN_HEADER_LEN, TcpLayer::start);
    static final Field SRCPORT = TCP.uint("tcp.srcport", "Source port", 0, 2);
    static final Field DSTPORT = TCP.uint("tcp.dstport", "Destination port", 2, 2);
    static final Field SEQ_RAW = TCP.uint("tcp.seq_raw", "Sequence number", 4, 4).notInQuoted().needsHeader(MIN_HEADER_LEN);
    static final Field ACK_RAW = TCP.uint("tcp.ack_raw", "Acknowledgment number", 8, 4).needsHeader(MIN_HEADER_LEN);
    static final Field HDR_LEN = TCP.header("tcp.hdr_len", "Header length (bytes)", Field.Type.UINT, 12, 1, 0xf0, 4, null);
    static final Field FLAGS = TCP.header("tcp.flags", "Flags", Field.Type.UINT, 12, 2, 0x0fff, 1,
            f -> TcpFlag.labels((int) f & 0xff, " ")).hex();
    static {
        for (TcpFlag f : TcpFlag.values()) {
            TCP.bit("tcp.flags." + f.filterSuffix(), f.label() + " flag", 13, 1, f.bit());
        }
    }
    static final Field WINDOW = TCP.uint("tcp.window_size_value", "Window", 14, 2);
    static final Field CHECKSUM = TCP.header("tcp.checksum", "Checksum", Field.Type.UINT, 16, 2, 0, 1, null).hex();
    static final Field URGENT_POINTER = TCP.uint("tcp.urgent_pointer", "Urgent pointer", 18, 2);
    static final Field LEN = TCP.computed("tcp.len", "Segment length (payload bytes)", Field.Type.UINT, 3, TcpLayer::segmentLength).notInQuoted();
    static final Field PORT = TCP.either("tcp.port", "Source or destination port", SRCPORT, DSTPORT);

    private static int start(DecodedFrame d, Field.Where w) {
        return switch (w) {
            case OUTER -> -1;
            case INNER -> d.ipVersion != 0 && d.ipProto == Ipv4Layer.PROTO_TCP ? d.l4Offset : -1;
            case QUOTED -> d.quotedProto == Ipv4Layer.PROTO_TCP ? d.quotedL4Offset : -1;
        };
    }

    /** Payload bytes: the IP total length less both headers (of the quoted packet too, when its header is there). */
    private static long segmentLength(DecodedFrame d, int i) {
        Field.Where w = Field.Where.of(i);
        if (w == Field.Where.INNER) {
            return d.ipProto == Ipv4Layer.PROTO_TCP && d.tcpFlags >= 0 && d.payloadLen >= 0 ? d.payloadLen : Field.ABSENT;
        }
        long ipLen = Ipv4Layer.LEN.read(d, w);
        long ipHdr = Ipv4Layer.HDR_LEN.read(d, w);
        long tcpHdr = HDR_LEN.read(d, w);
        if (ipLen == Field.ABSENT || ipHdr == Field.ABSENT || tcpHdr == Field.ABSENT || FLAGS.read(d, w) == Field.ABSENT) {
            return Field.ABSENT;
        }
        return Math.max(0, ipLen - ipHdr - tcpHdr);
    }

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
