package dev.silkscreen.capture;

import dev.silkscreen.model.CapturePoint;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * pcapng blocks (IETF draft-ietf-opsawg-pcapng): Section Header (byte order, resets the
 * interfaces), Interface Description ({@code if_name}, {@code if_tsresol} as a power of 10 or
 * of 2, {@code if_tsoffset}), Enhanced, Simple and (obsolete) Packet blocks, and Interface
 * Statistics ({@code isb_starttime}, {@code isb_endtime}: how long the interface was captured).
 * Other blocks (name resolution, decryption secrets, custom...) are skipped.
 *
 * <pre>
 * Every block:  type(4) total length(4) body(...) total length(4)       (lengths multiple of 4)
 * SHB body:     byte-order magic 1A2B3C4D(4) major(2) minor(2) section length(8) options
 * IDB body:     link type(2) reserved(2) snaplen(4) options
 * EPB body:     interface id(4) ts high(4) ts low(4) captured len(4) original len(4) data options
 * SPB body:     original len(4) data                        (interface 0, no timestamp)
 * PB body:      interface id(2) drops(2) ts high(4) ts low(4) captured len(4) original len(4) data
 * ISB body:     interface id(4) ts high(4) ts low(4) options (2 isb_starttime, 3 isb_endtime: high(4) low(4))
 * Option:       code(2) length(2) value, padded to 4; code 0 ends the list
 * </pre>
 * A Simple Packet Block has no timestamp: it gets the time of the section's previous frame.
 */
final class PcapngBlocks implements RecordParser {
    static final int SHB = 0x0A0D0D0A;
    static final int IDB = 0x00000001;
    static final int PB = 0x00000002;
    static final int SPB = 0x00000003;
    static final int ISB = 0x00000005;
    static final int EPB = 0x00000006;
    static final int ISB_STARTTIME = 2;
    static final int ISB_ENDTIME = 3;
    static final int BYTE_ORDER_MAGIC = 0x1A2B3C4D;
    static final int IF_NAME = 2;
    static final int IF_TSRESOL = 9;
    static final int IF_TSOFFSET = 14;
    /** Larger blocks are taken as corruption. */
    static final int MAX_BLOCK_LEN = 64 << 20;
    static final int MIN_BLOCK_LEN = 12;

    private final FrameEmitter emitter;
    private final List<Interface> interfaces = new ArrayList<>();
    private boolean littleEndian;
    private long lastTime;

    /** One Interface Description Block, as far as frames need it. */
    private record Interface(CapturePoint point, int linkType, int snapLen, Timestamps timestamps) {
    }

    PcapngBlocks(FrameEmitter emitter) {
        this.emitter = emitter;
    }

    @Override
    public int parseOne(byte[] b, int off, int end) {
        if (end - off < MIN_BLOCK_LEN) {
            return 0;
        }
        if (EndianBytes.i32(b, off, false) == SHB) {
            int bom = EndianBytes.i32(b, off + 8, false);
            if (bom == BYTE_ORDER_MAGIC) {
                littleEndian = false;
            } else if (bom == Integer.reverseBytes(BYTE_ORDER_MAGIC)) {
                littleEndian = true;
            } else {
                emitter.corrupt("section header block with an unknown byte-order magic", 8);
                return -1;
            }
        }
        int type = EndianBytes.i32(b, off, littleEndian);
        long len = EndianBytes.u32(b, off + 4, littleEndian);
        if (len < MIN_BLOCK_LEN || (len & 3) != 0 || len > MAX_BLOCK_LEN) {
            emitter.corrupt("block length " + len + " is not plausible", 4);
            return -1;
        }
        int blockLen = (int) len;
        if (end - off < blockLen) {
            return 0;
        }
        if (EndianBytes.i32(b, off + blockLen - 4, littleEndian) != blockLen) {
            emitter.corrupt("the two length fields of a block disagree", blockLen - 4);
            return -1;
        }
        boolean ok = switch (type) {
            case SHB -> section(b, off, blockLen);
            case IDB -> interfaceDescription(b, off, blockLen);
            case EPB -> enhancedPacket(b, off, blockLen);
            case SPB -> simplePacket(b, off, blockLen);
            case PB -> obsoletePacket(b, off, blockLen);
            case ISB -> statistics(b, off, blockLen);
            default -> true; // a block we do not need
        };
        return ok ? blockLen : -1;
    }

    private boolean section(byte[] b, int off, int len) {
        if (len < 28) {
            emitter.corrupt("section header block shorter than 28 bytes", 4);
            return false;
        }
        int major = EndianBytes.u16(b, off + 12, littleEndian);
        if (major != 1) {
            emitter.corrupt("pcapng version " + major + " is not supported", 12);
            return false;
        }
        interfaces.clear();
        lastTime = 0;
        return true;
    }

    private boolean interfaceDescription(byte[] b, int off, int len) {
        if (len < 20) {
            emitter.corrupt("interface description block shorter than 20 bytes", 4);
            return false;
        }
        int linkType = EndianBytes.u16(b, off + 8, littleEndian);
        int snapLen = EndianBytes.i32(b, off + 12, littleEndian);
        String name = null;
        int tsresol = Timestamps.DEFAULT_TSRESOL;
        long tsOffset = 0;
        int p = off + 16;
        int optEnd = off + len - 4;
        while (optEnd - p >= 4) {
            int code = EndianBytes.u16(b, p, littleEndian);
            int olen = EndianBytes.u16(b, p + 2, littleEndian);
            if (code == 0 || optEnd - p - 4 < olen) {
                break;
            }
            int v = p + 4;
            if (code == IF_NAME) {
                name = new String(b, v, olen, StandardCharsets.UTF_8);
            } else if (code == IF_TSRESOL && olen >= 1) {
                tsresol = b[v] & 0xff;
            } else if (code == IF_TSOFFSET && olen >= 8) {
                tsOffset = EndianBytes.i64(b, v, littleEndian);
            }
            p = v + ((olen + 3) & ~3);
        }
        Timestamps timestamps = Timestamps.of(tsresol, tsOffset);
        if (timestamps == null) {
            emitter.corrupt("if_tsresol " + tsresol + " or if_tsoffset " + tsOffset + " is not supported", 16);
            return false;
        }
        interfaces.add(new Interface(emitter.pointFor(name), linkType, snapLen, timestamps));
        return true;
    }

    private boolean enhancedPacket(byte[] b, int off, int len) {
        if (len < 32) {
            emitter.corrupt("enhanced packet block shorter than 32 bytes", 4);
            return false;
        }
        return timedPacket(b, off, len, EndianBytes.i32(b, off + 8, littleEndian));
    }

    private boolean simplePacket(byte[] b, int off, int len) {
        if (len < 16) {
            emitter.corrupt("simple packet block shorter than 16 bytes", 4);
            return false;
        }
        Interface iface = interfaceAt(0);
        if (iface == null) {
            return false;
        }
        int origLen = EndianBytes.i32(b, off + 8, littleEndian);
        int capLen = len - 16;
        if (origLen >= 0 && origLen < capLen) {
            capLen = origLen;
        }
        if (iface.snapLen() > 0 && iface.snapLen() < capLen) {
            capLen = iface.snapLen();
        }
        emitter.emit(iface.point(), lastTime, iface.linkType(), Math.max(capLen, origLen), b, off + 12, capLen);
        return true;
    }

    private boolean obsoletePacket(byte[] b, int off, int len) {
        if (len < 32) {
            emitter.corrupt("packet block shorter than 32 bytes", 4);
            return false;
        }
        return timedPacket(b, off, len, EndianBytes.u16(b, off + 8, littleEndian));
    }

    /**
     * The part an Enhanced and an obsolete Packet Block share after the interface id: timestamp
     * (high, low) at 12, captured and original length at 20 and 24, data at 28.
     */
    private boolean timedPacket(byte[] b, int off, int len, int interfaceId) {
        Interface iface = interfaceAt(interfaceId);
        if (iface == null) {
            return false;
        }
        long ts = (EndianBytes.u32(b, off + 12, littleEndian) << 32) | EndianBytes.u32(b, off + 16, littleEndian);
        int capLen = EndianBytes.i32(b, off + 20, littleEndian);
        int origLen = EndianBytes.i32(b, off + 24, littleEndian);
        if (capLen < 0 || capLen > len - 32) {
            emitter.corrupt("packet length " + Integer.toUnsignedString(capLen) + " larger than its block", 20);
            return false;
        }
        long time = iface.timestamps().toNanos(ts);
        if (time == Timestamps.UNREPRESENTABLE) {
            emitter.corrupt("packet timestamp " + Long.toUnsignedString(ts) + " is after 2262-04-11, beyond 64-bit nanoseconds", 12);
            return false;
        }
        lastTime = time;
        emitter.emit(iface.point(), lastTime, iface.linkType(), Math.max(capLen, origLen), b, off + 28, capLen);
        return true;
    }

    /** An Interface Statistics Block: the span its interface was captured; a block that makes no sense is passed over. */
    private boolean statistics(byte[] b, int off, int len) {
        if (len < 24) {
            return true;
        }
        int id = EndianBytes.i32(b, off + 8, littleEndian);
        if (id < 0 || id >= interfaces.size()) {
            return true;
        }
        Interface iface = interfaces.get(id);
        long end = iface.timestamps().toNanos(ticks(b, off + 12));
        long start = Long.MAX_VALUE;
        int p = off + 20;
        int optEnd = off + len - 4;
        while (optEnd - p >= 4) {
            int code = EndianBytes.u16(b, p, littleEndian);
            int olen = EndianBytes.u16(b, p + 2, littleEndian);
            if (code == 0 || optEnd - p - 4 < olen) {
                break;
            }
            int v = p + 4;
            if (code == ISB_STARTTIME && olen == 8) {
                start = iface.timestamps().toNanos(ticks(b, v));
            } else if (code == ISB_ENDTIME && olen == 8) {
                end = iface.timestamps().toNanos(ticks(b, v));
            }
            p = v + ((olen + 3) & ~3);
        }
        if (end == Timestamps.UNREPRESENTABLE || start == Timestamps.UNREPRESENTABLE || (start != Long.MAX_VALUE && start > end)) {
            return true;
        }
        emitter.span(new CaptureSpan(iface.point(), start, end));
        return true;
    }

    /** A 64-bit timestamp written as high and low 32-bit words. */
    private long ticks(byte[] b, int at) {
        return (EndianBytes.u32(b, at, littleEndian) << 32) | EndianBytes.u32(b, at + 4, littleEndian);
    }

    private Interface interfaceAt(int id) {
        if (id < 0 || id >= interfaces.size()) {
            emitter.corrupt("packet on interface " + Integer.toUnsignedString(id) + ", which the section did not describe", 8);
            return null;
        }
        return interfaces.get(id);
    }

    @Override
    public String describeIncomplete(int pending) {
        return "the last block is incomplete (" + pending + " bytes of it)";
    }
}
