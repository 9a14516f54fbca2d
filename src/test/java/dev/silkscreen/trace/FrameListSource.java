package dev.silkscreen.trace;

import dev.silkscreen.model.CaptureSink;
import dev.silkscreen.model.CapturePoint;
import dev.silkscreen.model.Foundation;
import dev.silkscreen.model.Frame;
import dev.silkscreen.model.FrameSource;
import dev.silkscreen.pipeline.ScenarioSource;
import java.util.List;

/** Test support: frames already in time order, every point of a foundation captured for the whole run. */
final class FrameListSource implements FrameSource {
    private final List<Frame> frames;
    private final List<CapturePoint> points;

    FrameListSource(List<Frame> frames, Foundation foundation) {
        this.frames = frames;
        this.points = ScenarioSource.points(foundation);
    }

    @Override
    public String describe() {
        return frames.size() + " frames";
    }

    @Override
    public void run(CaptureSink sink) {
        long first = frames.isEmpty() ? 0 : frames.get(0).timeNanos();
        long last = frames.isEmpty() ? 0 : frames.get(frames.size() - 1).timeNanos();
        points.forEach(p -> sink.opened(p, first - 1_000_000_000L));
        frames.forEach(sink::accept);
        points.forEach(p -> sink.closed(p, last + 1_000_000_000L));
    }
}
