package dev.silkscreen.trace;

import dev.silkscreen.model.CapturePoint;
import dev.silkscreen.model.CaptureSink;
import dev.silkscreen.model.Frame;
import dev.silkscreen.model.FrameSource;
import dev.silkscreen.model.Journey;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The captures {@code src/test/resources/trace/make-journeys.sh} makes with tcpdump on a real
 * kernel (file {@code CELL-IFACE.pcap} per point), traced as a user would with {@code --capture}.
 */
final class RealCaptures {
    static final String[] POINTS = {"cell1:s-010255001002", "cell1:silk-vtep", "cell1:eth0",
            "cell2:eth0", "cell2:silk-vtep", "cell2:s-010255002002"};

    private RealCaptures() {
    }

    static Path fileOf(Path dir, String point) {
        return dir.resolve(point.replace(':', '-') + ".pcap");
    }

    /** Traces the captures in {@code dir}, leaving out {@code removed} points and shifting cell2's clock. */
    static List<Journey> trace(Path dir, Set<String> removed, long cell2ShiftNanos) throws IOException, InterruptedException {
        List<FrameSource> sources = new ArrayList<>();
        for (String p : POINTS) {
            if (!removed.contains(p)) {
                CapturePoint point = CapturePoint.parse(p);
                FrameSource file = new CaptureFileSource(fileOf(dir, p), point);
                sources.add(point.cell().equals("cell2") ? shifted(file, cell2ShiftNanos) : file);
            }
        }
        List<Journey> journeys = new ArrayList<>();
        Tracer.run(new TimeMergedSource(sources), null, TraceSettings.defaults(), journeys::add);
        return journeys;
    }

    /** A source whose clock runs {@code shift} ahead (capture times and coverage alike). */
    static FrameSource shifted(FrameSource source, long shift) {
        return new FrameSource() {
            @Override
            public String describe() {
                return source.describe();
            }

            @Override
            public void run(CaptureSink sink) throws IOException, InterruptedException {
                source.run(new CaptureSink() {
                    @Override
                    public void accept(Frame f) {
                        sink.accept(new Frame(f.point(), f.timeNanos() + shift, f.linkType(), f.origLen(), f.data()));
                    }

                    @Override
                    public void opened(CapturePoint point, long startNanos) {
                        sink.opened(point, startNanos + shift);
                    }

                    @Override
                    public void closed(CapturePoint point, long endNanos) {
                        sink.closed(point, endNanos + shift);
                    }
                });
            }
        };
    }
}
