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

    private ArpLayer() {
    }

    static void decode(FrameDecoder d, byte[] b, int off, int end, DecodedFrame out) {
        if (end - off < FIXED_LEN) {
            d.stop(out, end, Malformed.ARP_CUT, Malformed.ARP_SHORT);
            return;
        }
        out.arpOp = u16(b, off + 6);
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
