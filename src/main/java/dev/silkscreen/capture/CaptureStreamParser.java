package dev.silkscreen.capture;

import dev.silkscreen.model.CapturePoint;
import dev.silkscreen.model.Frame;
import dev.silkscreen.model.FrameSink;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * An incremental (push) reader of pcap and pcapng: hand it bytes as they come, in pieces of any
 * size, and it hands each complete frame to a {@link FrameSink}, in file order, as soon as its
 * last byte has been fed. Records split across feeds are kept until whole. The format is found
 * from the first 4 bytes.
 *
 * <p>Use, e.g. for {@code ssh cell tcpdump -U -w -}:
 * <pre>{@code
 * CaptureStreamParser parser = new CaptureStreamParser(sink, new CapturePoint("cell1", "silk-vtep"));
 * int n;
 * while ((n = in.read(chunk)) > 0) {
 *     if (!parser.feed(chunk, 0, n)) break;   // a problem: parser.problem() says which
 * }
 * CaptureProblem problem = parser.finish();   // null: the stream ended cleanly
 * }</pre>
 * {@link CaptureReader} wraps this loop for files, stdin and streams.
 *
 * <p>Capture point of each frame: a pcapng {@code if_name} of the form {@code CELL:IFACE} is
 * used as is; a bare {@code if_name} gets the default point's cell; frames without an interface
 * name (all of pcap) get the default point, or {@link #UNKNOWN_POINT} when there is none.
 *
 * <p>Problems are values ({@link CaptureProblem}): after one, {@link #feed} returns false and
 * ignores further bytes; frames already emitted stay emitted. Not thread-safe: feed from one thread.
 */
public final class CaptureStreamParser {
    /** The point of frames whose capture point nobody knows: empty cell and interface (name ""). */
    public static final CapturePoint UNKNOWN_POINT = new CapturePoint("", "");
    static final int MAGIC_LEN = 4;

    private final FrameSink sink;
    private final CapturePoint defaultPoint;
    private final Map<String, CapturePoint> points = new HashMap<>();
    private final Emitter emitter = new Emitter();
    private Consumer<CapturePoint> interfaceListener;
    private Consumer<CaptureSpan> spanListener;

    private byte[] pending = new byte[0];
    private int pendingLen;
    /** Stream offset of the next byte to parse. */
    private long offset;
    private RecordParser records;
    private CaptureFormat format = CaptureFormat.UNKNOWN;
    private CaptureProblem problem;
    private long frames;
    private boolean finished;

    /**
     * @param sink         receives each frame (on the feeding thread)
     * @param defaultPoint the point of frames whose capture gives no interface name, or null
     */
    public CaptureStreamParser(FrameSink sink, CapturePoint defaultPoint) {
        this.sink = Objects.requireNonNull(sink, "sink");
        this.defaultPoint = defaultPoint == null ? UNKNOWN_POINT : defaultPoint;
    }

    /**
     * Also tells {@code listener} the point of every interface the capture declares (each pcapng
     * Interface Description Block; a pcap file's header declares the default point), before any
     * frame of it and even when none follows.
     */
    public CaptureStreamParser onInterface(Consumer<CapturePoint> listener) {
        this.interfaceListener = listener;
        return this;
    }

    /**
     * Also tells {@code listener} each span of capture a pcapng Interface Statistics Block gives
     * (start and end of capturing an interface), as the block comes (usually at the file's end).
     */
    public CaptureStreamParser onSpan(Consumer<CaptureSpan> listener) {
        this.spanListener = listener;
        return this;
    }

    /**
     * Feeds the next {@code len} bytes of the stream; emits every frame they complete.
     *
     * @return true while the stream is fine; false once a problem stopped the parser
     */
    public boolean feed(byte[] b, int off, int len) {
        Objects.checkFromIndexSize(off, len, b.length);
        if (finished) {
            throw new IllegalStateException("feed after finish");
        }
        if (problem != null) {
            return false;
        }
        if (pendingLen == 0) {
            int used = parseAll(b, off, off + len);
            keep(b, off + used, len - used);
        } else {
            ensurePending(pendingLen + len);
            System.arraycopy(b, off, pending, pendingLen, len);
            pendingLen += len;
            int used = parseAll(pending, 0, pendingLen);
            pendingLen -= used;
            System.arraycopy(pending, used, pending, 0, pendingLen);
        }
        if (problem != null) {
            pendingLen = 0;
        }
        return problem == null;
    }

    /**
     * Says the stream has ended. Returns null when it ended cleanly after a whole record, else the
     * problem: the earlier one, {@link CaptureProblem.Kind#CUT_SHORT} when it ended inside a
     * record, or {@link CaptureProblem.Kind#NOT_A_CAPTURE} when it was empty or too short to tell.
     */
    public CaptureProblem finish() {
        finished = true;
        if (problem != null) {
            return problem;
        }
        if (records == null) {
            problem = pendingLen > 0 && startsLikeCapture(pending, pendingLen)
                    ? CaptureProblem.cutShort("the file header is incomplete (" + pendingLen + " bytes)", offset)
                    : CaptureProblem.notACapture(offset);
        } else if (pendingLen > 0) {
            problem = CaptureProblem.cutShort(records.describeIncomplete(pendingLen) + " after frame " + frames, offset);
        }
        return problem;
    }

    /** The problem that stopped the parser, or null. */
    public CaptureProblem problem() {
        return problem;
    }

    /** Frames emitted so far. */
    public long frames() {
        return frames;
    }

    /** Bytes consumed so far (whole records only). */
    public long offset() {
        return offset;
    }

    public CaptureFormat format() {
        return format;
    }

    private int parseAll(byte[] b, int off, int end) {
        int pos = off;
        while (problem == null) {
            if (records == null) {
                if (end - pos < MAGIC_LEN) {
                    break;
                }
                if (!detect(b, pos)) {
                    problem = CaptureProblem.notACapture(offset);
                    break;
                }
            }
            int n = records.parseOne(b, pos, end);
            if (n <= 0) {
                break;
            }
            pos += n;
            offset += n;
        }
        return pos - off;
    }

    private boolean detect(byte[] b, int pos) {
        int magic = EndianBytes.i32(b, pos, false);
        if (magic == PcapngBlocks.SHB) {
            format = CaptureFormat.PCAPNG;
            records = new PcapngBlocks(emitter);
        } else if (PcapRecords.isMagic(magic)) {
            format = CaptureFormat.PCAP;
            records = new PcapRecords(emitter);
        } else {
            return false;
        }
        return true;
    }

    /** True when the first {@code len} (< 4) bytes could begin a pcap or pcapng magic. */
    private static boolean startsLikeCapture(byte[] b, int len) {
        int[] magics = {PcapngBlocks.SHB, PcapRecords.MAGIC_MICROS, PcapRecords.MAGIC_NANOS,
                Integer.reverseBytes(PcapRecords.MAGIC_MICROS), Integer.reverseBytes(PcapRecords.MAGIC_NANOS)};
        for (int magic : magics) {
            boolean match = true;
            for (int i = 0; i < len && i < MAGIC_LEN; i++) {
                match &= (byte) (magic >>> (24 - 8 * i)) == b[i];
            }
            if (match) {
                return true;
            }
        }
        return false;
    }

    private void keep(byte[] b, int off, int len) {
        ensurePending(len);
        System.arraycopy(b, off, pending, 0, len);
        pendingLen = len;
    }

    private void ensurePending(int capacity) {
        if (pending.length < capacity) {
            pending = Arrays.copyOf(pending, Math.max(capacity, Math.min(pending.length * 2 + 4096, Integer.MAX_VALUE - 8)));
        }
    }

    private CapturePoint resolve(String ifName) {
        if (ifName == null || ifName.isEmpty()) {
            return defaultPoint;
        }
        return points.computeIfAbsent(ifName, name -> {
            int colon = name.indexOf(':');
            if (colon > 0 && colon < name.length() - 1) {
                return CapturePoint.parse(name);
            }
            return new CapturePoint(defaultPoint.cell(), name);
        });
    }

    private final class Emitter implements FrameEmitter {
        @Override
        public void emit(CapturePoint point, long timeNanos, int linkType, int origLen, byte[] b, int off, int capLen) {
            frames++;
            sink.accept(new Frame(point, timeNanos, linkType, origLen, Arrays.copyOfRange(b, off, off + capLen)));
        }

        @Override
        public void corrupt(String what, int relOffset) {
            problem = CaptureProblem.corrupt(what, offset + relOffset);
        }

        @Override
        public void span(CaptureSpan span) {
            if (spanListener != null) {
                spanListener.accept(span);
            }
        }

        @Override
        public CapturePoint pointFor(String ifName) {
            CapturePoint p = resolve(ifName);
            if (interfaceListener != null) {
                interfaceListener.accept(p);
            }
            return p;
        }
    }
}
