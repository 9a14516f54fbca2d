package dev.silkscreen.decode;

import static dev.silkscreen.decode.Bytes.i32;
import static dev.silkscreen.decode.Bytes.mac;
import static dev.silkscreen.decode.Bytes.u16;
import static dev.silkscreen.decode.Bytes.u8;

/**
 * ARP (RFC 826). Addresses are decoded for Ethernet/IPv4 ARP only; for other hardware or
 * protocol types, only the operation is kept.
 *
 * <pre>
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |      Hardware type (1)        |     Protocol type (0x0800)    |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |  HW len (6)   | Proto len (4) |   Operation (1 req, 2 reply)  |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * | Sender MAC (6) | Sender IP (4) | Target MAC (6) | Target IP (4)|
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * </pre>
 */
final class ArpLayer {
    static final int FIXED_LEN = 8;
    static final int ETHER_IPV4_LEN = 28;

    // ---- fields (Wireshark's names) ----
    static final Protocol ARP = new Protocol("arp", "ARP", ETHER_IPV4_LEN,
            (d, w) -> w == Field.Where.INNER ? d.arpOffset : -1);
    static final Field HW_TYPE = ARP.uint("arp.hw.type", "Hardware type", 0, 2);
    static final Field PROTO_TYPE = ARP.uint("arp.proto.type", "Protocol type", 2, 2);
    static final Field HW_SIZE = ARP.uint("arp.hw.size", "Hardware size", 4, 1);
    static final Field PROTO_SIZE = ARP.uint("arp.proto.size", "Protocol size", 5, 1);
    static final Field OPCODE = ARP.header("arp.opcode", "Operation", Field.Type.UINT, 6, 2, 0, 1,
            op -> op == 1 ? "request" : op == 2 ? "reply" : null);
    static final Field SRC_HW = ethernetIpv4("arp.src.hw_mac", "Sender MAC address", Field.Type.MAC, 8, 6);
    static final Field SRC_IP = ethernetIpv4("arp.src.proto_ipv4", "Sender IP address", Field.Type.IPV4, 14, 4);
    static final Field DST_HW = ethernetIpv4("arp.dst.hw_mac", "Target MAC address", Field.Type.MAC, 18, 6);
    static final Field DST_IP = ethernetIpv4("arp.dst.proto_ipv4", "Target IP address", Field.Type.IPV4, 24, 4);

    /** The addresses are there only in Ethernet/IPv4 ARP, which the decoder read into {@link DecodedFrame#arpSha}. */
    private static Field ethernetIpv4(String name, String label, Field.Type type, int offset, int length) {
        return ARP.header(name, label, type, offset, length, 0, 1, null).onlyWhen(d -> d.arpSha >= 0);
    }

    private ArpLayer() {
    }

    static void decode(FrameDecoder d, byte[] b, int off, int end, DecodedFrame out) {
        if (end - off < FIXED_LEN) {
            d.stop(out, end, Malformed.ARP_CUT, Malformed.ARP_SHORT);
            return;
        }
        out.arpOp = u16(b, off + 6);
        out.arpOffset = off;
        boolean etherIpv4 = u16(b, off) == 1 && u16(b, off + 2) == FrameDecoder.ETHERTYPE_IPV4
                && u8(b, off + 4) == 6 && u8(b, off + 5) == 4;
        if (!etherIpv4) {
            return;
        }
        if (end - off < ETHER_IPV4_LEN) {
            d.stop(out, end, Malformed.ARP_CUT, Malformed.ARP_SHORT);
            return;
        }
        out.arpSha = mac(b, off + 8);
        out.arpSpa = i32(b, off + 14);
        out.arpTha = mac(b, off + 18);
        out.arpTpa = i32(b, off + 24);
    }
}
