package dev.silkscreen.capture;

import dev.silkscreen.model.CapturePoint;
import dev.silkscreen.model.Frame;
import dev.silkscreen.model.FrameSink;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Reads whole captures (files, stdin, still-growing streams) through a {@link CaptureStreamParser}.
 * A stream is read until its end or the first problem; every frame read before a problem has
 * already reached the sink. For a stream that keeps growing (an SSH channel carrying
 * {@code tcpdump -U -w -}), {@link #read(InputStream, FrameSink, CapturePoint)}
 * emits each frame as soon as its bytes arrive and returns when the stream closes.
 */
public final class CaptureReader {
    static final int CHUNK = 64 * 1024;

    private CaptureReader() {
    }

    /** The outcome of reading a whole capture: how many frames, and the problem that ended it (null: none). */
    public record Result(long frames, CaptureFormat format, CaptureProblem problem) {
        public boolean complete() {
            return problem == null;
        }
    }

    /** Reads {@code in} to its end (or first problem), handing frames to {@code sink}. Does not close {@code in}. */
    public static Result read(InputStream in, FrameSink sink, CapturePoint defaultPoint) throws IOException {
        return read(in, sink, defaultPoint, null);
    }

    /**
     * Reads {@code in} to its end, handing frames to {@code sink} and the point of each interface
     * the capture declares to {@code interfaces} (or nobody when null). Does not close {@code in}.
     */
    public static Result read(InputStream in, FrameSink sink, CapturePoint defaultPoint, Consumer<CapturePoint> interfaces)
            throws IOException {
        return read(in, sink, defaultPoint, interfaces, null);
    }

    /** The same, also handing each span of capture the file states (pcapng interface statistics) to {@code spans}. */
    public static Result read(InputStream in, FrameSink sink, CapturePoint defaultPoint, Consumer<CapturePoint> interfaces,
                              Consumer<CaptureSpan> spans) throws IOException {
        CaptureStreamParser parser = new CaptureStreamParser(sink, defaultPoint).onInterface(interfaces).onSpan(spans);
        byte[] chunk = new byte[CHUNK];
        int n;
        while ((n = in.read(chunk)) >= 0) {
            if (n > 0 && !parser.feed(chunk, 0, n)) {
                break;
            }
        }
        CaptureProblem problem = parser.finish();
        return new Result(parser.frames(), parser.format(), problem);
    }

    /** Reads a capture file. */
    public static Result read(Path file, FrameSink sink, CapturePoint defaultPoint) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return read(in, sink, defaultPoint);
        }
    }

    /** All frames of a capture file; any problem (even a cut-short end) is thrown. */
    public static List<Frame> readAll(Path file, CapturePoint defaultPoint) throws IOException, CaptureException {
        List<Frame> frames = new ArrayList<>();
        Result result = read(file, frames::add, defaultPoint);
        if (result.problem() != null) {
            throw new CaptureException(result.problem());
        }
        return frames;
    }
}
