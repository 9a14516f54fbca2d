package dev.silkscreen.trace;

import dev.silkscreen.capture.CaptureProblem;
import dev.silkscreen.capture.CaptureReader;
import dev.silkscreen.capture.CaptureSpan;
import dev.silkscreen.capture.CaptureStreamParser;
import dev.silkscreen.model.CapturePoint;
import dev.silkscreen.model.CaptureSink;
import dev.silkscreen.model.Frame;
import dev.silkscreen.model.FrameSource;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A pcap or pcapng file (or standard input, named {@code -}: e.g. {@code ssh cell tcpdump -U -w -})
 * as a frame source. With a {@code point} ({@code --capture CELL:IFACE=FILE})
 * every frame is taken as captured there; without, points come from the file's interface names
 * ({@code CELL:IFACE}, as Silkscreen's recorder writes them). Every point of the file counts as
 * captured from its first frame to the file's last: one capture run covers all its interfaces.
 * The named point and every interface the file declares (pcapng IDBs) are {@link CaptureSink#declared}
 * up front and count as captured from the first frame after their declaration, even with no frame
 * of their own; a file with no frame at all covers its points for the whole trace. Where a pcapng
 * file states how long it captured an interface (Interface Statistics Block: {@code isb_starttime},
 * {@code isb_endtime}, as dumpcap and tshark write them), that interface counts as captured over
 * that span too, so a point that fell silent is "not seen" there, not "not captured".
 * A file cut short keeps its frames and reports the problem through {@link #problem()}.
 */
public final class CaptureFileSource implements FrameSource {
    /** The file name that means standard input. */
    public static final String STDIN = "-";

    private final Path file;
    private final CapturePoint point;
    /** True: every frame is taken as captured at {@code point}; false: {@code point} only places what the file does not. */
    private final boolean override;
    private final Set<CapturePoint> opened = new LinkedHashSet<>();
    private CaptureProblem problem;

    /** @param point the point every frame was captured at, or null to use the file's interface names */
    public CaptureFileSource(Path file, CapturePoint point) {
        this(file, point, true);
    }

    private CaptureFileSource(Path file, CapturePoint point, boolean override) {
        this.file = file;
        this.point = point;
        this.override = override;
    }

    /**
     * A file whose own interface names ({@code CELL:IFACE}) win; {@code fallback} (e.g. chosen by a
     * person in the GUI) places only the frames the file does not name. May be null.
     */
    public static CaptureFileSource placedByFile(Path file, CapturePoint fallback) {
        return new CaptureFileSource(file, fallback, false);
    }

    /** The points this file's frames were captured at, as read so far (in order of first frame). */
    public List<CapturePoint> points() {
        return List.copyOf(opened);
    }

    @Override
    public String describe() {
        String name = isStdin() ? "standard input" : file.toString();
        return point == null ? name : point.name() + "=" + name;
    }

    public Path file() {
        return file;
    }

    /** True when this source reads standard input. */
    public boolean isStdin() {
        return file.toString().equals(STDIN);
    }

    /** The problem that ended reading early, null when the file was read to its end. */
    public CaptureProblem problem() {
        return problem;
    }

    @Override
    public void run(CaptureSink sink) throws IOException {
        if (isStdin()) {
            read(System.in, sink);
            return;
        }
        if (!Files.isRegularFile(file)) {
            throw new NoSuchFileException(file.toString(), null, "no such capture file");
        }
        try (InputStream in = Files.newInputStream(file)) {
            read(in, sink);
        }
    }

    private void read(InputStream in, CaptureSink sink) throws IOException {
        Set<CapturePoint> declared = new LinkedHashSet<>();
        Set<CapturePoint> waiting = new LinkedHashSet<>();
        opened.clear();
        long[] last = {Long.MIN_VALUE};
        // Runs of frames come from one point: only a new point is looked up among those opened.
        CapturePoint[] previous = {null};
        long[] first = {Long.MAX_VALUE};
        Map<CapturePoint, long[]> spans = new LinkedHashMap<>();
        CaptureReader.Result result = CaptureReader.read(in, (Frame f) -> {
            Frame frame = !override || point == null || f.point().equals(point)
                    ? f : new Frame(point, f.timeNanos(), f.linkType(), f.origLen(), f.data());
            if (!waiting.isEmpty()) {
                for (CapturePoint p : waiting) {
                    if (opened.add(p)) {
                        sink.opened(p, frame.timeNanos());
                    }
                }
                waiting.clear();
            }
            if (frame.point() != previous[0]) {
                previous[0] = frame.point();
                if (opened.add(frame.point())) {
                    sink.opened(frame.point(), frame.timeNanos());
                }
            }
            if (frame.timeNanos() > last[0]) {
                last[0] = frame.timeNanos();
            }
            if (frame.timeNanos() < first[0]) {
                first[0] = frame.timeNanos();
            }
            sink.accept(frame);
        }, point, (CapturePoint idb) -> {
            CapturePoint p = override && point != null ? point : idb;
            if (!p.equals(CaptureStreamParser.UNKNOWN_POINT) && declared.add(p)) {
                sink.declared(p);
                waiting.add(p);
            }
        }, (CaptureSpan span) -> {
            CapturePoint p = override && point != null ? point : span.point();
            spans.merge(p, new long[] {span.startNanos(), span.endNanos()},
                    (a, b) -> new long[] {Math.min(a[0], b[0]), Math.max(a[1], b[1])});
        });
        problem = result.problem();
        for (Map.Entry<CapturePoint, long[]> e : spans.entrySet()) {
            // The file says it captured this interface over a span: silence in it is evidence, even after its last frame.
            long start = e.getValue()[0] != Long.MAX_VALUE ? e.getValue()[0] : e.getValue()[1];
            if (opened.add(e.getKey())) {
                sink.opened(e.getKey(), start);
            } else if (start < first[0]) {
                sink.opened(e.getKey(), start);
            }
        }
        for (CapturePoint p : opened) {
            long[] span = spans.get(p);
            sink.closed(p, span != null ? Math.max(last[0], span[1]) : last[0]);
        }
    }
}
