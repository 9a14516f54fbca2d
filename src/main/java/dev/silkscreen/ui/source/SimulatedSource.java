package dev.silkscreen.ui.source;

import dev.silkscreen.model.CapturePoint;
import dev.silkscreen.model.CaptureSink;
import dev.silkscreen.model.Cell;
import dev.silkscreen.model.Foundation;
import dev.silkscreen.model.FrameSource;
import dev.silkscreen.model.Instance;
import dev.silkscreen.model.SilkNames;
import dev.silkscreen.sim.Scenario;
import dev.silkscreen.sim.Simulator;
import java.util.ArrayList;
import java.util.List;

/**
 * The simulator as a frame source for the picture: every veth, silk-vtep and NIC is captured for
 * the whole run (announced to the correlator), frames stream in time order, and the ground truth
 * stays inside the simulator.
 */
final class SimulatedSource implements FrameSource {
    private static final long MARGIN_NANOS = 60_000_000_000L;
    private final Scenario scenario;
    private final long seed;
    private final long packets;

    SimulatedSource(Scenario scenario, long seed, long packets) {
        this.scenario = scenario;
        this.seed = seed;
        this.packets = packets;
    }

    Foundation foundation() {
        return Simulator.foundation(scenario, seed);
    }

    @Override
    public String describe() {
        return "scenario " + scenario.name();
    }

    @Override
    public void run(CaptureSink sink) {
        List<CapturePoint> points = new ArrayList<>();
        Foundation f = foundation();
        for (Cell c : f.cells()) {
            points.add(new CapturePoint(c.name(), SilkNames.VTEP_IFACE));
            points.add(new CapturePoint(c.name(), c.underlayNic()));
        }
        for (Instance i : f.instances()) {
            points.add(new CapturePoint(i.cell(), i.vethName()));
        }
        long start = Simulator.startNanos(seed);
        points.forEach(p -> sink.opened(p, start - MARGIN_NANOS));
        long[] last = {start};
        Simulator.stream(scenario, seed, packets, null, fr -> {
            last[0] = Math.max(last[0], fr.timeNanos());
            sink.accept(fr);
        }, t -> { });
        points.forEach(p -> sink.closed(p, last[0] + MARGIN_NANOS));
    }
}
