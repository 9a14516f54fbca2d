package dev.silkscreen.capture;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;

/**
 * Hand-built pcap and pcapng bytes in either byte order, for reader tests that our
 * {@link PcapngWriter} cannot produce (big-endian, other timestamp resolutions, SPBs, several
 * sections, unknown blocks).
 */
final class CaptureBytes {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteOrder order;

    private CaptureBytes(ByteOrder order) {
        this.order = order;
    }

    static CaptureBytes in(ByteOrder order) {
        return new CaptureBytes(order);
    }

    byte[] bytes() {
        return out.toByteArray();
    }

    // ---- pcap ----

    CaptureBytes pcapHeader(boolean nanos, int linkType) {
        return put(buf(24).putInt(nanos ? 0xA1B23C4D : 0xA1B2C3D4).putShort((short) 2).putShort((short) 4)
                .putInt(0).putInt(0).putInt(262144).putInt(linkType));
    }

    CaptureBytes pcapRecord(long sec, int frac, int origLen, byte[] data) {
        put(buf(16).putInt((int) sec).putInt(frac).putInt(data.length).putInt(origLen));
        out.writeBytes(data);
        return this;
    }

    // ---- pcapng ----

    CaptureBytes shb() {
        return block(0x0A0D0D0A, buf(16).putInt(0x1A2B3C4D).putShort((short) 1).putShort((short) 0).putLong(-1L));
    }

    /** IDB with optional if_name and if_tsresol (null / -1 to leave out) and if_tsoffset (0: none). */
    CaptureBytes idb(int linkType, int snapLen, String name, int tsresol, long tsOffset) {
        ByteBuffer b = buf(256).putShort((short) linkType).putShort((short) 0).putInt(snapLen);
        if (name != null) {
            option(b, 2, name.getBytes(StandardCharsets.UTF_8));
        }
        if (tsresol >= 0) {
            option(b, 9, new byte[] {(byte) tsresol});
        }
        if (tsOffset != 0) {
            option(b, 14, buf(8).putLong(tsOffset).array());
        }
        b.putShort((short) 0).putShort((short) 0);
        return block(1, b);
    }

    CaptureBytes epb(int ifId, long ticks, int origLen, byte[] data) {
        ByteBuffer b = buf(20 + data.length + 4).putInt(ifId).putInt((int) (ticks >>> 32)).putInt((int) ticks)
                .putInt(data.length).putInt(origLen).put(data);
        pad(b, data.length);
        return block(6, b);
    }

    CaptureBytes spb(int origLen, byte[] data) {
        ByteBuffer b = buf(4 + data.length + 4).putInt(origLen).put(data);
        pad(b, data.length);
        return block(3, b);
    }

    CaptureBytes unknownBlock(int type, int bodyLen) {
        return block(type, buf(bodyLen).put(new byte[bodyLen]));
    }

    private CaptureBytes block(int type, ByteBuffer body) {
        int bodyLen = body.position();
        int total = 12 + bodyLen;
        put(buf(8).putInt(type).putInt(total));
        out.write(body.array(), 0, bodyLen);
        return put(buf(4).putInt(total));
    }

    private static void option(ByteBuffer b, int code, byte[] value) {
        b.putShort((short) code).putShort((short) value.length).put(value);
        pad(b, value.length);
    }

    private static void pad(ByteBuffer b, int len) {
        for (int i = len; (i & 3) != 0; i++) {
            b.put((byte) 0);
        }
    }

    private ByteBuffer buf(int n) {
        return ByteBuffer.allocate(n).order(order);
    }

    private CaptureBytes put(ByteBuffer b) {
        out.write(b.array(), 0, b.position());
        return this;
    }
}
