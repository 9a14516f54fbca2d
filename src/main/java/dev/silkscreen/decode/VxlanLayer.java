package dev.silkscreen.decode;

import static dev.silkscreen.decode.Bytes.u16;
import static dev.silkscreen.decode.Bytes.u8;

/**
 * VXLAN (RFC 7348) with the Group Based Policy extension (draft-smith-vxlan-group-policy), as
 * Silk's {@code silk-vtep} sends it: the kernel copies the low 16 bits of the packet mark into the
 * Group Policy ID. A tagged packet's header reads {@code 88 00 00 03 | 00 00 01 00}
 * (G + I flags, policy 3, VNI 1); an untagged one starts {@code 08}.
 *
 * <pre>
 *  0                   1                   2                   3
 *  0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |G|R|R|R|I|R|R|R|R|D|R|R|A|R|R|R|        Group Policy ID        |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |          VXLAN Network Identifier (VNI)       |   Reserved    |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * </pre>
 * Then the inner Ethernet frame, decoded into the unprefixed fields after the enclosing
 * Ethernet/IPv4/UDP fields moved to the {@code outer*} ones.
 */
final class VxlanLayer {
    static final int HEADER_LEN = 8;
    static final int FLAG_G = 0x80;
    static final int FLAG_I = 0x08;
    static final int GBP_D = 0x40;
    static final int GBP_A = 0x08;

    // ---- fields (Wireshark's names); a VXLAN header belongs to the underlay envelope: occurrence OUTER ----
    static final Protocol VXLAN = new Protocol("vxlan", "VXLAN (Group Based Policy)", HEADER_LEN,
            (d, w) -> w == Field.Where.OUTER ? d.vxlanOffset : -1);
    static final Field FLAGS = VXLAN.header("vxlan.flags", "Flags", Field.Type.UINT, 0, 2, 0, 1, VxlanLayer::flagNames).hex();
    static final Field G = VXLAN.bit("vxlan.flag_g", "G: Group Policy ID present", 0, 2, FLAG_G << 8);
    static final Field I = VXLAN.bit("vxlan.flag_i", "I: VNI valid", 0, 2, FLAG_I << 8);
    static final Field D = VXLAN.bit("vxlan.flag_d", "D: don't learn", 0, 2, GBP_D);
    static final Field A = VXLAN.bit("vxlan.flag_a", "A: policy applied", 0, 2, GBP_A);
    static final Field GBP = VXLAN.uint("vxlan.gbp", "Group Policy ID", 2, 2);
    static final Field VNI = VXLAN.uint("vxlan.vni", "VNI", 4, 3);
    static final Field RESERVED = VXLAN.uint("vxlan.reserved8", "Reserved", 7, 1);

    private static String flagNames(long flags) {
        StringBuilder sb = new StringBuilder();
        if ((flags & FLAG_G << 8) != 0) {
            sb.append("G ");
        }
        if ((flags & FLAG_I << 8) != 0) {
            sb.append("I ");
        }
        if ((flags & GBP_D) != 0) {
            sb.append("D ");
        }
        if ((flags & GBP_A) != 0) {
            sb.append("A ");
        }
        return sb.length() == 0 ? "none" : sb.toString().trim();
    }

    private VxlanLayer() {
    }

    static void decode(FrameDecoder d, byte[] b, int off, int end, DecodedFrame out) {
        if (end - off < HEADER_LEN) {
            out.vxlanOffset = off; // what there is of the header still has its fields
            d.stop(out, end, Malformed.VXLAN_CUT, Malformed.VXLAN_SHORT);
            return;
        }
        if (d.depth >= FrameDecoder.MAX_ENCAPSULATION_DEPTH) {
            FrameDecoder.problem(out, Malformed.VXLAN_TOO_DEEP);
            return;
        }
        out.moveToOuter();
        int flags = u8(b, off);
        int gbpFlags = u8(b, off + 1);
        out.vxlanFlags = flags;
        out.vxlanOffset = off;
        out.gbp = (flags & FLAG_G) != 0 ? u16(b, off + 2) : -1;
        out.gbpD = (gbpFlags & GBP_D) != 0;
        out.gbpA = (gbpFlags & GBP_A) != 0;
        out.vni = (u16(b, off + 4) << 8) | u8(b, off + 6);
        out.innerEthOffset = off + HEADER_LEN;
        d.depth++;
        EthernetLayer.decode(d, b, off + HEADER_LEN, end, out);
        d.depth--;
    }
}
