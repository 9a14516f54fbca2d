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

    // ---- fields (Wireshark's names) ----
    static final Protocol ETH = new Protocol("eth", "Ethernet", HEADER_LEN, EthernetLayer::start);
    static final Field DST = ETH.header("eth.dst", "Destination", Field.Type.MAC, 0, 6, 0, 1, null);
    static final Field SRC = ETH.header("eth.src", "Source", Field.Type.MAC, 6, 6, 0, 1, null);
    static final Field TYPE = ETH.header("eth.type", "EtherType", Field.Type.UINT, 12, 2, 0, 1, EthernetLayer::typeName).hex();
    static final Field ADDR = ETH.either("eth.addr", "Source or destination", SRC, DST);

    /** The underlay Ethernet header of a VXLAN frame, or the frame's only one; none for cooked or raw captures. */
    private static int start(DecodedFrame d, Field.Where w) {
        boolean ethernetLink = d.linkType == dev.silkscreen.model.LinkType.ETHERNET;
        return switch (w) {
            case OUTER -> d.encapsulated && ethernetLink ? d.dataStart : -1;
            case INNER -> d.encapsulated ? d.innerEthOffset : ethernetLink ? d.dataStart : -1;
            case QUOTED -> -1;
        };
    }

    private static String typeName(long type) {
        return switch ((int) type) {
            case FrameDecoder.ETHERTYPE_IPV4 -> "IPv4";
            case FrameDecoder.ETHERTYPE_ARP -> "ARP";
            case FrameDecoder.ETHERTYPE_IPV6 -> "IPv6";
            case FrameDecoder.ETHERTYPE_VLAN -> "802.1Q";
            case FrameDecoder.ETHERTYPE_QINQ -> "802.1ad";
            default -> null;
        };
    }

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
