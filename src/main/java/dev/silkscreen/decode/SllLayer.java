package dev.silkscreen.decode;

import static dev.silkscreen.decode.Bytes.i32;
import static dev.silkscreen.decode.Bytes.mac;
import static dev.silkscreen.decode.Bytes.u16;
import static dev.silkscreen.decode.Bytes.u8;

/**
 * Linux cooked capture headers, written by {@code tcpdump -i any}
 * (https://www.tcpdump.org/linktypes/LINKTYPE_LINUX_SLL.html and ..._SLL2.html).
 *
 * <pre>
 * SLL (v1), 16 bytes:                     SLL2, 20 bytes:
 * +---------------------------+           +---------------------------+
 * | packet type        (2)    |           | protocol type      (2)    |
 * | ARPHRD type        (2)    |           | reserved           (2)    |
 * | address length     (2)    |           | interface index    (4)    |
 * | address            (8)    |           | ARPHRD type        (2)    |
 * | protocol type      (2)    |           | packet type        (1)    |
 * +---------------------------+           | address length     (1)    |
 *                                         | address            (8)    |
 *                                         +---------------------------+
 * </pre>
 * The address is the sender's link-layer address; with 6 bytes it becomes the source MAC.
 * The protocol type is an EtherType for Ethernet-like devices.
 */
final class SllLayer {
    static final int V1_LEN = 16;
    static final int V2_LEN = 20;

    private SllLayer() {
    }

    static void decodeV1(FrameDecoder d, byte[] b, int off, int end, DecodedFrame out) {
        if (end - off < V1_LEN) {
            d.stop(out, end, Malformed.SLL_CUT, Malformed.SLL_SHORT);
            return;
        }
        out.sllPacketType = u16(b, off);
        if (u16(b, off + 4) == 6) {
            out.srcMac = mac(b, off + 6);
        }
        EthernetLayer.afterEtherType(d, u16(b, off + 14), b, off + V1_LEN, end, out);
    }

    static void decodeV2(FrameDecoder d, byte[] b, int off, int end, DecodedFrame out) {
        if (end - off < V2_LEN) {
            d.stop(out, end, Malformed.SLL2_CUT, Malformed.SLL2_SHORT);
            return;
        }
        out.ifIndex = i32(b, off + 4);
        out.sllPacketType = u8(b, off + 10);
        if (u8(b, off + 11) == 6) {
            out.srcMac = mac(b, off + 12);
        }
        EthernetLayer.afterEtherType(d, u16(b, off), b, off + V2_LEN, end, out);
    }
}
