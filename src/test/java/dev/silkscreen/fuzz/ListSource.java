package dev.silkscreen.fuzz;

import dev.silkscreen.model.CapturePoint;
import dev.silkscreen.model.CaptureSink;
import dev.silkscreen.model.Frame;
import dev.silkscreen.model.FrameSource;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Frames already in memory as a {@link FrameSource}: each point declared, opened at its first frame, closed at its last. */
final class ListSource implements FrameSource {
    private final List<Frame> frames;

    ListSource(List<Frame> frames) {
        this.frames = new ArrayList<>(frames);
        this.frames.sort(Comparator.comparingLong(Frame::timeNanos));
    }

    @Override
    public String describe() {
        return "fuzzed frames";
    }

    @Override
    public void run(CaptureSink sink) {
        Map<CapturePoint, long[]> span = new LinkedHashMap<>();
        for (Frame f : frames) {
            span.computeIfAbsent(f.point(), p -> new long[] {f.timeNanos(), f.timeNanos()})[1] = f.timeNanos();
        }
        span.forEach((p, s) -> {
            sink.declared(p);
            sink.opened(p, s[0]);
        });
        for (Frame f : frames) {
            sink.accept(f);
        }
        span.forEach((p, s) -> sink.closed(p, s[1]));
    }
}
