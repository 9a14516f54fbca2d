package dev.silkscreen.decode;

import dev.silkscreen.model.Frame;
import dev.silkscreen.model.FrameSink;
import dev.silkscreen.model.SafeText;
import java.io.PrintWriter;

/**
 * A {@link FrameSink} that decodes each frame and prints one line for it (summary or JSON),
 * numbering frames from 1. Start a new count per file with {@link #restartNumbering()}.
 */
public final class DecodePrinter implements FrameSink {
    private final FrameDecoder decoder;
    private final DecodedFrame decoded = new DecodedFrame();
    private final StringBuilder line = new StringBuilder(256);
    private final PrintWriter out;
    private final boolean json;
    private boolean flushEachLine;
    private FrameTest only;
    private long frameNo;

    public DecodePrinter(FrameDecoder decoder, PrintWriter out, boolean json) {
        this.decoder = decoder;
        this.out = out;
        this.json = json;
    }

    /** Flush after every line (for live input read from a pipe). */
    public void flushEachLine(boolean flush) {
        this.flushEachLine = flush;
    }

    /** Which frames to print (a display filter); every frame is still numbered. */
    @FunctionalInterface
    public interface FrameTest {
        boolean test(long frameNo, Frame frame, DecodedFrame decoded);
    }

    /** Prints only the frames {@code test} accepts (null: every frame). */
    public void only(FrameTest test) {
        this.only = test;
    }

    public void restartNumbering() {
        frameNo = 0;
    }

    @Override
    public void accept(Frame frame) {
        frameNo++;
        decoder.decode(frame, decoded);
        if (only != null && !only.test(frameNo, frame, decoded)) {
            return;
        }
        line.setLength(0);
        if (json) {
            JsonLineFormatter.format(frameNo, frame, decoded, line);
        } else {
            SummaryFormatter.format(frameNo, frame, decoded, line);
            SafeText.escape(line, 0); // an interface name from the file must not reach the terminal raw
        }
        line.append('\n');
        out.append(line);
        if (flushEachLine) {
            out.flush();
        }
    }
}
