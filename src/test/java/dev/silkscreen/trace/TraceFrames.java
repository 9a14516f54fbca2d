package dev.silkscreen.trace;

import static dev.silkscreen.decode.TestPackets.ethernet;
import static dev.silkscreen.decode.TestPackets.ip;
import static dev.silkscreen.decode.TestPackets.ipv4;
import static dev.silkscreen.decode.TestPackets.tcp;
import static dev.silkscreen.decode.TestPackets.udp;
import static dev.silkscreen.decode.TestPackets.vxlan;

import dev.silkscreen.model.CapturePoint;
import dev.silkscreen.model.Frame;
import dev.silkscreen.model.LinkType;

/**
 * Hand-made frames of a two-cell foundation for unit tests: AppB 10.255.1.2 on cell1
 * (underlay 10.0.16.11) talks TCP to AppA 10.255.2.3 on cell2 (10.0.16.12), tag 4.
 */
final class TraceFrames {
    static final String SRC = "10.255.1.2";
    static final String DST = "10.255.2.3";
    static final CapturePoint SRC_VETH = new CapturePoint("cell1", "s-010255001002");
    static final CapturePoint VTEP1 = new CapturePoint("cell1", "silk-vtep");
    static final CapturePoint NIC1 = new CapturePoint("cell1", "eth0");
    static final CapturePoint NIC2 = new CapturePoint("cell2", "eth0");
    static final CapturePoint VTEP2 = new CapturePoint("cell2", "silk-vtep");
    static final CapturePoint DST_VETH = new CapturePoint("cell2", "s-010255002003");
    static final CapturePoint[] PATH = {SRC_VETH, VTEP1, NIC1, NIC2, VTEP2, DST_VETH};
    static final long T0 = 1_767_225_600_000_000_000L;

    private TraceFrames() {
    }

    /** An inner Ethernet/IPv4/TCP frame of AppB → AppA with {@code len} bytes of data. */
    static byte[] inner(int ipId, long seq, int flags, int len) {
        return ethernet(0xeeee0aff0203L, 0xaaaa0aff0102L, 0x0800,
                ipv4(ip(SRC), ip(DST), 6, ipId, tcp(40000, 8080, seq, 1, flags, new byte[len])));
    }

    /** The same frame in VXLAN-GBP (tag 4) from cell1 to cell2. */
    static byte[] outer(byte[] inner) {
        return ethernet(0x0250560000a2L, 0x0250560000a1L, 0x0800,
                ipv4(ip("10.0.16.11"), ip("10.0.16.12"), 17, 0x0101, udp(51234, 4789, vxlan(0x88, 0, 4, 1, inner))));
    }

    /** A frame of a TCP segment as captured at {@code point} (VXLAN on the underlay NICs). */
    static Frame at(CapturePoint point, long t, int ipId, long seq, int flags, int len) {
        byte[] in = inner(ipId, seq, flags, len);
        byte[] data = point.iface().equals("eth0") ? outer(in) : in;
        return new Frame(point, t, LinkType.ETHERNET, data.length, data);
    }

    /** A frame off the c2c path (a DNS query on the underlay) captured at {@code point}: a stream that is sending. */
    static Frame chatter(CapturePoint point, long t) {
        byte[] data = ethernet(0x0250560000a2L, 0x0250560000a1L, 0x0800,
                ipv4(ip("10.0.16.12"), ip("10.0.16.1"), 17, 0x0202, udp(40053, 53, new byte[12])));
        return new Frame(point, t, LinkType.ETHERNET, data.length, data);
    }

    static Correlator correlator(JourneyStore store) {
        Correlator c = new Correlator(TraceSettings.defaults(), null, store);
        for (CapturePoint p : PATH) {
            c.opened(p, T0 - 1_000_000_000L);
        }
        return c;
    }

    static void close(Correlator c, long t) {
        for (CapturePoint p : PATH) {
            c.closed(p, t);
        }
        c.finish();
    }
}
