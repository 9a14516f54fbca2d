package dev.silkscreen.ui.source;

import dev.silkscreen.capture.CaptureProblem;
import dev.silkscreen.capture.CaptureReader;
import dev.silkscreen.model.CapturePoint;
import dev.silkscreen.model.CaptureSink;
import dev.silkscreen.model.FrameSource;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * A capture file whose own interface names win; {@code fallback} (chosen by the person) is used
 * only for frames the file does not place. Every point of the file counts as captured from its
 * first frame to the file's last; a file cut short keeps its frames and reports the problem.
 */
final class DefaultPointFileSource implements FrameSource {
    private final Path file;
    private final CapturePoint fallback;
    private final Set<CapturePoint> seen = new LinkedHashSet<>();
    private CaptureProblem problem;

    DefaultPointFileSource(Path file, CapturePoint fallback) {
        this.file = file;
        this.fallback = fallback;
    }

    Path file() {
        return file;
    }

    CaptureProblem problem() {
        return problem;
    }

    List<CapturePoint> points() {
        return new ArrayList<>(seen);
    }

    @Override
    public String describe() {
        return file.getFileName().toString();
    }

    @Override
    public void run(CaptureSink sink) throws IOException {
        long[] last = {Long.MIN_VALUE};
        CaptureReader.Result r = CaptureReader.read(file, f -> {
            if (seen.add(f.point())) {
                sink.opened(f.point(), f.timeNanos());
            }
            last[0] = Math.max(last[0], f.timeNanos());
            sink.accept(f);
        }, fallback);
        problem = r.problem();
        for (CapturePoint p : seen) {
            sink.closed(p, last[0]);
        }
    }
}
