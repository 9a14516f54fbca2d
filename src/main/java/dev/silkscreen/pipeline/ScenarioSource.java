package dev.silkscreen.pipeline;

import dev.silkscreen.model.CapturePoint;
import dev.silkscreen.model.CaptureSink;
import dev.silkscreen.model.Cell;
import dev.silkscreen.model.Foundation;
import dev.silkscreen.model.FrameSource;
import dev.silkscreen.model.Instance;
import dev.silkscreen.model.SilkNames;
import dev.silkscreen.sim.Scenario;
import dev.silkscreen.sim.Simulator;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The simulator as a frame source: runs a scenario in-process and streams its frames. Only frames
 * (and the foundation, which a user would give as {@code --topology}) come out: the ground truth
 * stays inside the simulator. The simulator captures every veth, silk-vtep and underlay NIC for
 * the whole run, and says so through {@link CaptureSink#opened}/{@link CaptureSink#closed}.
 */
public final class ScenarioSource implements FrameSource {
    /** Capture coverage announced around the run, wide enough for any cell's clock offset. */
    private static final long MARGIN_NANOS = Duration.ofMinutes(1).toNanos();

    private final Scenario scenario;
    private final long seed;
    private final long packets;
    private final Duration duration;

    /**
     * @param packets  stop after this many overlay packets (0: no limit)
     * @param duration simulated time (null: the scenario's own)
     */
    public ScenarioSource(Scenario scenario, long seed, long packets, Duration duration) {
        this.scenario = scenario;
        this.seed = seed;
        this.packets = packets;
        this.duration = duration;
    }

    @Override
    public String describe() {
        return "scenario " + scenario.name() + " (seed " + seed + ")";
    }

    /** The foundation the scenario runs on, as its {@code NAME.topology.json} would give it. */
    public Foundation foundation() {
        return Simulator.foundation(scenario, seed);
    }

    /** Every point the simulator captures on this foundation. */
    public static List<CapturePoint> points(Foundation f) {
        List<CapturePoint> out = new ArrayList<>();
        for (Cell c : f.cells()) {
            out.add(new CapturePoint(c.name(), SilkNames.VTEP_IFACE));
            out.add(new CapturePoint(c.name(), c.underlayNic() == null ? "eth0" : c.underlayNic()));
        }
        for (Instance i : f.instances()) {
            out.add(new CapturePoint(i.cell(), i.vethName()));
        }
        return out;
    }

    @Override
    public void run(CaptureSink sink) {
        long start = Simulator.startNanos(seed);
        List<CapturePoint> points = points(foundation());
        for (CapturePoint p : points) {
            sink.opened(p, start - MARGIN_NANOS);
        }
        long[] last = {start};
        Simulator.stream(scenario, seed, packets, duration, f -> {
            if (f.timeNanos() > last[0]) {
                last[0] = f.timeNanos();
            }
            sink.accept(f);
        }, t -> { });
        for (CapturePoint p : points) {
            sink.closed(p, last[0] + MARGIN_NANOS);
        }
    }
}
