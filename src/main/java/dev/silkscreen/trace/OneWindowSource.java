package dev.silkscreen.trace;

import dev.silkscreen.model.CaptureSink;
import dev.silkscreen.model.ForwardingCaptureSink;
import dev.silkscreen.model.CapturePoint;
import dev.silkscreen.model.Frame;
import dev.silkscreen.model.FrameSource;
import java.io.IOException;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * Capture files the user says were captured together over one window (started and stopped at
 * the same time, e.g. one tcpdump per interface under one script): every point of them counts as
 * captured from the first frame of any file to the last frame of any file. So a point that fell
 * silent part way (a fault silenced it) is "not seen" there, a drop, instead of "not captured"
 * after its own last frame. Without this word from the user a file covers only its own frames' span.
 */
public final class OneWindowSource implements FrameSource {
    private final FrameSource files;

    public OneWindowSource(FrameSource files) {
        this.files = files;
    }

    @Override
    public String describe() {
        return files.describe() + " (captured together)";
    }

    @Override
    public void run(CaptureSink sink) throws IOException, InterruptedException {
        Set<CapturePoint> held = new LinkedHashSet<>();
        long[] window = {Long.MAX_VALUE, Long.MIN_VALUE};
        try {
            files.run(new ForwardingCaptureSink(sink) {
                @Override
                public void accept(Frame frame) {
                    window[0] = Math.min(window[0], frame.timeNanos());
                    window[1] = Math.max(window[1], frame.timeNanos());
                    next.accept(frame);
                }

                @Override
                public void opened(CapturePoint point, long startNanos) {
                    window[0] = Math.min(window[0], startNanos);
                    held.add(point);
                    next.opened(point, window[0]);
                }

                @Override
                public void closed(CapturePoint point, long endNanos) {
                    // Held until every file has ended: the window closes for all points at once.
                    window[1] = Math.max(window[1], endNanos);
                    held.add(point);
                }
            });
        } finally {
            for (CapturePoint p : held) {
                sink.closed(p, window[1]);
            }
        }
    }
}
