package dev.silkscreen.capture;

import dev.silkscreen.model.CapturePoint;

/**
 * The libpcap file format (https://www.tcpdump.org/manpages/pcap-savefile.5.html): a 24-byte
 * header, then records of a 16-byte header and the captured bytes. Magic {@code A1B2C3D4}
 * means microsecond timestamps, {@code A1B23C4D} nanoseconds; written in either byte order.
 *
 * <pre>
 * File header:  magic(4) version major(2) minor(2) thiszone(4) sigfigs(4) snaplen(4) linktype(4)
 * Record:       ts_sec(4) ts_usec_or_nsec(4) incl_len(4) orig_len(4) data(incl_len)
 * </pre>
 * pcap has no interface names: every frame gets the caller's default capture point.
 */
final class PcapRecords implements RecordParser {
    static final int MAGIC_MICROS = 0xA1B2C3D4;
    static final int MAGIC_NANOS = 0xA1B23C4D;
    static final int FILE_HEADER_LEN = 24;
    static final int RECORD_HEADER_LEN = 16;
    /** Larger records are taken as corruption (tcpdump's snap length is 262144; GRO frames stay under 64 KiB). */
    static final int MAX_RECORD_LEN = 64 << 20;

    private final FrameEmitter emitter;
    private boolean headerRead;
    private boolean littleEndian;
    private boolean nanos;
    private int linkType;
    private CapturePoint point;

    PcapRecords(FrameEmitter emitter) {
        this.emitter = emitter;
    }

    /** True when {@code bigEndianMagic} (the first 4 bytes read big-endian) starts a pcap file. */
    static boolean isMagic(int bigEndianMagic) {
        return bigEndianMagic == MAGIC_MICROS || bigEndianMagic == MAGIC_NANOS
                || bigEndianMagic == Integer.reverseBytes(MAGIC_MICROS) || bigEndianMagic == Integer.reverseBytes(MAGIC_NANOS);
    }

    @Override
    public int parseOne(byte[] b, int off, int end) {
        if (!headerRead) {
            return fileHeader(b, off, end);
        }
        if (end - off < RECORD_HEADER_LEN) {
            return 0;
        }
        long sec = EndianBytes.u32(b, off, littleEndian);
        long frac = EndianBytes.u32(b, off + 4, littleEndian);
        int inclLen = EndianBytes.i32(b, off + 8, littleEndian);
        int origLen = EndianBytes.i32(b, off + 12, littleEndian);
        if (inclLen < 0 || inclLen > MAX_RECORD_LEN) {
            emitter.corrupt("record length " + Integer.toUnsignedString(inclLen) + " is not plausible", 8);
            return -1;
        }
        if (end - off - RECORD_HEADER_LEN < inclLen) {
            return 0;
        }
        long time = sec * 1_000_000_000L + (nanos ? frac : frac * 1_000L);
        emitter.emit(point, time, linkType, Math.max(origLen, inclLen), b, off + RECORD_HEADER_LEN, inclLen);
        return RECORD_HEADER_LEN + inclLen;
    }

    private int fileHeader(byte[] b, int off, int end) {
        if (end - off < FILE_HEADER_LEN) {
            return 0;
        }
        int magic = EndianBytes.i32(b, off, false);
        littleEndian = magic != MAGIC_MICROS && magic != MAGIC_NANOS;
        nanos = magic == MAGIC_NANOS || magic == Integer.reverseBytes(MAGIC_NANOS);
        linkType = EndianBytes.i32(b, off + 20, littleEndian) & 0xffff;
        point = emitter.pointFor(null);
        headerRead = true;
        return FILE_HEADER_LEN;
    }

    @Override
    public String describeIncomplete(int pending) {
        if (!headerRead) {
            return "the file header is incomplete (" + pending + " of " + FILE_HEADER_LEN + " bytes)";
        }
        return "the last record is incomplete (" + pending + " bytes of it)";
    }
}
