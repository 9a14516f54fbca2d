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

    private VxlanLayer() {
    }

    static void decode(FrameDecoder d, byte[] b, int off, int end, DecodedFrame out) {
        if (end - off < HEADER_LEN) {
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
