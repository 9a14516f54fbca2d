package dev.silkscreen.ui;

import dev.silkscreen.model.Frame;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.List;

/** Writes classic pcap (no interface names), for tests of files that do not say where they were taken. */
final class PcapFile {
    private PcapFile() {
    }

    static void write(OutputStream out, List<Frame> frames) throws IOException {
        ByteBuffer h = ByteBuffer.allocate(24).order(ByteOrder.LITTLE_ENDIAN);
        h.putInt(0xa1b23c4d).putShort((short) 2).putShort((short) 4).putInt(0).putInt(0).putInt(65535)
                .putInt(frames.isEmpty() ? 1 : frames.get(0).linkType());
        out.write(h.array());
        for (Frame f : frames) {
            ByteBuffer r = ByteBuffer.allocate(16).order(ByteOrder.LITTLE_ENDIAN);
            r.putInt((int) (f.timeNanos() / 1_000_000_000L)).putInt((int) (f.timeNanos() % 1_000_000_000L))
                    .putInt(f.capLen()).putInt(f.origLen());
            out.write(r.array());
            out.write(f.data());
        }
    }
}
