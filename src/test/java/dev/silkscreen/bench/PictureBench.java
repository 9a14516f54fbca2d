package dev.silkscreen.bench;

import dev.silkscreen.pipeline.PipelineSource;
import dev.silkscreen.pipeline.Run;
import dev.silkscreen.ui.canvas.PictureLayout;
import dev.silkscreen.ui.canvas.Projector;
import dev.silkscreen.ui.playback.Schedule;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Time the picture spends per animation frame placing packets on the {@code busy} scenario (20
 * cells, 300 instances, thousands of journeys): one operation = one frame's projection at a
 * position that moves along the timeline, as playback does. Must stay far below the 16.7 ms of a
 * 60 Hz frame.
 *
 * <p>Run: {@code mvn -q -Pbench test-compile exec:exec -Dbench.args="PictureBench -f1 -wi 1 -i 2"}
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 3)
@Fork(1)
public class PictureBench {
    private Projector projector;
    private double end;
    private double pos;

    @Setup
    public void setUp() throws Exception {
        Run busy = new PipelineSource().scenario("busy");
        Schedule schedule = new Schedule(busy.journeys());
        projector = new Projector(new PictureLayout(busy.foundation()), schedule);
        end = schedule.end();
    }

    @Benchmark
    public int projectOneFrame() {
        pos += 0.05;
        if (pos > end) {
            pos = 0;
        }
        projector.project(pos);
        return projector.count();
    }
}
