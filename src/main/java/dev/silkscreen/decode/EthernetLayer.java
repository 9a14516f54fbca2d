package dev.silkscreen.decode;

import static dev.silkscreen.decode.Bytes.mac;
import static dev.silkscreen.decode.Bytes.u16;

/**
 * Ethernet II, with any number of 802.1Q (0x8100) or 802.1ad (0x88A8) tags.
 *
 * <pre>
 *  0                   1                   2                   3
 *  0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |                    Destination MAC (6 bytes)                  |
 * +                               +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |                               |                               |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+                               +
 * |                      Source MAC (6 bytes)                     |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |   EtherType (0x8100: tag)     | [802.1Q: PCP|DEI| VLAN id 12b ]
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * | [inner EtherType]             |  payload ...
 * </pre>
 * The VLAN id recorded is the first tag of the outermost frame.
 */
final class EthernetLayer {
    static final int HEADER_LEN = 14;
    static final int TAG_LEN = 4;

    private EthernetLayer() {
    }

    static void decode(FrameDecoder d, byte[] b, int off, int end, DecodedFrame out) {
        if (end - off < HEADER_LEN) {
            d.stop(out, end, Malformed.ETHERNET_CUT, Malformed.ETHERNET_SHORT);
            return;
        }
        out.dstMac = mac(b, off);
        out.srcMac = mac(b, off + 6);
        afterEtherType(d, u16(b, off + 12), b, off + HEADER_LEN, end, out);
    }

    /** Skips VLAN tags, then hands the payload to the network layer. */
    static void afterEtherType(FrameDecoder d, int type, byte[] b, int p, int end, DecodedFrame out) {
        while (type == FrameDecoder.ETHERTYPE_VLAN || type == FrameDecoder.ETHERTYPE_QINQ) {
            if (end - p < TAG_LEN) {
                out.etherType = type;
                d.stop(out, end, Malformed.VLAN_CUT, Malformed.VLAN_SHORT);
                return;
            }
            if (d.depth == 0 && out.vlan < 0) {
                out.vlan = u16(b, p) & 0x0fff;
            }
            type = u16(b, p + 2);
            p += TAG_LEN;
        }
        out.etherType = type;
        d.network(type, b, p, end, out);
    }
}
