package dev.silkscreen.sim;

import dev.silkscreen.model.Frame;
import dev.silkscreen.model.PointKind;

/** Minimal field access to simulated frames for tests (until the decode package's FrameDecoder is on main). */
final class Frames {
    private Frames() {
    }

    static int u16(byte[] b, int off) {
        return ((b[off] & 0xff) << 8) | (b[off + 1] & 0xff);
    }

    static int u32(byte[] b, int off) {
        return (u16(b, off) << 16) | u16(b, off + 2);
    }

    static long mac(byte[] b, int off) {
        long m = 0;
        for (int i = 0; i < 6; i++) {
            m = (m << 8) | (b[off + i] & 0xff);
        }
        return m;
    }

    static boolean isIpv4(Frame f) {
        return u16(f.data(), 12) == 0x0800;
    }

    /** Offset of the overlay (inner) IPv4 header: 14, or past the VXLAN header on the underlay. */
    static int innerIp(Frame f) {
        return f.point().kind() == PointKind.UNDERLAY ? 14 + 20 + 8 + 8 + 14 : 14;
    }

    static int vxlan(Frame f) {
        return 14 + 20 + 8;
    }
}
