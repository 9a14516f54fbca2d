package dev.silkscreen.capture;

import dev.silkscreen.model.CapturePoint;
import dev.silkscreen.model.Frame;
import dev.silkscreen.model.FrameSink;
import java.io.BufferedOutputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

/**
 * Writes pcapng (little-endian, one section): one Interface Description Block per capture point
 * and link type, {@code if_name} = {@code CELL:IFACE}, {@code if_tsresol} = 9 (nanoseconds);
 * frames as Enhanced Packet Blocks, optionally with a comment. IDBs are written lazily, just before
 * the first frame of their point, which pcapng allows and tshark reads.
 *
 * <p>Block layouts: pcapng draft (IETF opsawg-pcapng) sections 4.1 (SHB), 4.2 (IDB), 4.3 (EPB).
 */
public final class PcapngWriter implements FrameSink, Closeable {
    // Block types, the byte-order magic, if_name and if_tsresol: the reader's (PcapngBlocks) constants.
    static final int OPT_END = 0;
    static final int OPT_COMMENT = 1;
    static final int SHB_USERAPPL = 4;
    static final int IF_DESCRIPTION = 3;
    /** Option lengths are 16-bit. */
    static final int MAX_OPTION_LEN = 0xFFFF;

    private final OutputStream out;
    private final Map<Key, Integer> interfaces = new HashMap<>();
    private final int snapLen;
    private ByteBuffer buf = ByteBuffer.allocate(1 << 16).order(ByteOrder.LITTLE_ENDIAN);
    private long framesWritten;

    private record Key(CapturePoint point, int linkType) {
    }

    /**
     * @param out         where to write (buffered here)
     * @param sectionNote a comment for the section header (e.g. the scenario and seed), or null
     */
    public PcapngWriter(OutputStream out, String sectionNote) {
        this(out, sectionNote, 262144);
    }

    public PcapngWriter(OutputStream out, String sectionNote, int snapLen) {
        this.out = out instanceof BufferedOutputStream ? out : new BufferedOutputStream(out, 1 << 16);
        this.snapLen = snapLen;
        writeSectionHeader(sectionNote);
    }

    /** Interface id of a point (writing its IDB the first time), with an optional description. */
    public int interfaceFor(CapturePoint point, int linkType, String description) {
        Key key = new Key(point, linkType);
        Integer id = interfaces.get(key);
        if (id != null) {
            return id;
        }
        int newId = interfaces.size();
        interfaces.put(key, newId);
        begin();
        buf.putShort((short) linkType).putShort((short) 0).putInt(snapLen);
        putOption(PcapngBlocks.IF_NAME, point.name().getBytes(StandardCharsets.UTF_8));
        if (description != null && !description.isEmpty()) {
            putOption(IF_DESCRIPTION, description.getBytes(StandardCharsets.UTF_8));
        }
        putOption(PcapngBlocks.IF_TSRESOL, new byte[] {9});
        putOptionEnd();
        end(PcapngBlocks.IDB);
        return newId;
    }

    @Override
    public void accept(Frame frame) {
        write(frame, null);
    }

    /** Writes one frame as an EPB, with a comment when {@code comment} is not null. */
    public void write(Frame frame, String comment) {
        int ifId = interfaceFor(frame.point(), frame.linkType(), null);
        byte[] data = frame.data();
        byte[] note = comment == null ? null : comment.getBytes(StandardCharsets.UTF_8);
        ensure(64 + data.length + (note == null ? 0 : Math.min(note.length, MAX_OPTION_LEN)));
        begin();
        long ts = frame.timeNanos();
        buf.putInt(ifId).putInt((int) (ts >>> 32)).putInt((int) ts).putInt(data.length).putInt(frame.origLen());
        buf.put(data);
        pad(data.length);
        if (note != null) {
            putOption(OPT_COMMENT, note);
            putOptionEnd();
        }
        end(PcapngBlocks.EPB);
        framesWritten++;
    }

    public long framesWritten() {
        return framesWritten;
    }

    public void flush() {
        try {
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() throws IOException {
        out.flush();
        out.close();
    }

    private void writeSectionHeader(String note) {
        begin();
        buf.putInt(PcapngBlocks.BYTE_ORDER_MAGIC).putShort((short) 1).putShort((short) 0).putLong(-1L);
        if (note != null && !note.isEmpty()) {
            putOption(OPT_COMMENT, note.getBytes(StandardCharsets.UTF_8));
        }
        putOption(SHB_USERAPPL, ("Silkscreen " + dev.silkscreen.Version.get()).getBytes(StandardCharsets.UTF_8));
        putOptionEnd();
        end(PcapngBlocks.SHB);
    }

    private void begin() {
        buf.clear();
        buf.putInt(0).putInt(0); // type and length, filled by end()
    }

    private void end(int type) {
        int total = buf.position() + 4;
        buf.putInt(total);
        buf.putInt(0, type).putInt(4, total);
        try {
            out.write(buf.array(), 0, buf.position());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Writes one option; a value longer than an option can hold (65535 bytes) is cut there. */
    private void putOption(int code, byte[] value) {
        int len = Math.min(value.length, MAX_OPTION_LEN);
        ensure(buf.position() + len + 16);
        buf.putShort((short) code).putShort((short) len).put(value, 0, len);
        pad(len);
    }

    private void putOptionEnd() {
        buf.putShort((short) OPT_END).putShort((short) 0);
    }

    private void pad(int len) {
        for (int i = len; (i & 3) != 0; i++) {
            buf.put((byte) 0);
        }
    }

    private void ensure(int capacity) {
        if (buf.capacity() < capacity + 64) {
            ByteBuffer bigger = ByteBuffer.allocate(Integer.highestOneBit(capacity + 64) << 1).order(ByteOrder.LITTLE_ENDIAN);
            buf.flip();
            bigger.put(buf);
            buf = bigger;
        }
    }
}
