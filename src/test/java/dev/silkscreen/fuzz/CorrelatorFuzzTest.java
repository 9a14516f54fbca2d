package dev.silkscreen.fuzz;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.silkscreen.capture.CaptureStreamParser;
import dev.silkscreen.model.CapturePoint;
import dev.silkscreen.model.Foundation;
import dev.silkscreen.model.Frame;
import dev.silkscreen.model.Journey;
import dev.silkscreen.model.SafeText;
import dev.silkscreen.sim.Scenarios;
import dev.silkscreen.sim.SimResult;
import dev.silkscreen.sim.Simulator;
import dev.silkscreen.trace.FlowSummary;
import dev.silkscreen.trace.JourneyJson;
import dev.silkscreen.trace.JourneyTable;
import dev.silkscreen.trace.TraceSettings;
import dev.silkscreen.trace.Tracer;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * The correlator fed by both the capture parser and the decoder: journeys from any capture
 * bytes, and from a real simulated capture whose frames the fuzzer drops, moves in time, moves to
 * other points and corrupts. It never throws, and every table row, summary line and JSON line it
 * leads to is safe for a person (escaped) or valid JSON. Regression inputs:
 * {@code CorrelatorFuzzTestInputs/fromCaptureBytes/} and {@code .../fromMutatedSimulation/}.
 */
class CorrelatorFuzzTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final SimResult SEED = Simulator.run(Scenarios.named("no-policy"), 1, 8, null);
    private static final List<CapturePoint> POINTS = SEED.frames().stream().map(Frame::point).distinct().toList();

    @FuzzTest(maxDuration = "5s")
    void fromCaptureBytes(FuzzedDataProvider data) throws Exception {
        boolean withTopology = data.consumeBoolean();
        byte[] bytes = data.consumeRemainingAsBytes();
        List<Frame> frames = new ArrayList<>();
        CaptureStreamParser parser = new CaptureStreamParser(frames::add, new CapturePoint("cell1", "eth0"));
        parser.feed(bytes, 0, bytes.length);
        parser.finish();
        trace(frames, withTopology ? SEED.foundation() : null);
    }

    @FuzzTest(maxDuration = "5s")
    void fromMutatedSimulation(FuzzedDataProvider data) throws Exception {
        List<Frame> frames = new ArrayList<>(SEED.frames());
        boolean withTopology = data.consumeBoolean();
        int edits = data.consumeInt(0, 16);
        for (int e = 0; e < edits && !frames.isEmpty(); e++) {
            int i = data.consumeInt(0, frames.size() - 1);
            Frame f = frames.get(i);
            switch (data.consumeInt(0, 4)) {
                case 0 -> frames.remove(i);
                case 1 -> frames.set(i, new Frame(f.point(), f.timeNanos() + data.consumeLong(), f.linkType(), f.origLen(), f.data()));
                case 2 -> frames.set(i, new Frame(data.pickValue(POINTS), f.timeNanos(), f.linkType(), f.origLen(), f.data()));
                case 3 -> {
                    byte[] b = f.data().clone();
                    if (b.length > 0) {
                        b[data.consumeInt(0, b.length - 1)] = data.consumeByte();
                    }
                    frames.set(i, new Frame(f.point(), f.timeNanos(), f.linkType(), f.origLen(), b));
                }
                default -> frames.add(new Frame(f.point(), f.timeNanos() + data.consumeInt(0, 5_000_000), f.linkType(),
                        f.origLen(), f.data()));
            }
        }
        trace(frames, withTopology ? SEED.foundation() : null);
    }

    static void trace(List<Frame> frames, Foundation topology) throws IOException, InterruptedException {
        FlowSummary summary = new FlowSummary();
        Tracer.run(new ListSource(frames), topology, TraceSettings.defaults(), (Journey j) -> {
            summary.add(j);
            Human.assertOneSafeLine(SafeText.line(JourneyTable.row(j)));
            try {
                JSON.readTree(JourneyJson.line(j));
            } catch (IOException e) {
                throw new AssertionError("not JSON: " + JourneyJson.line(j), e);
            }
        });
        summary.lines().forEach(l -> Human.assertOneSafeLine(SafeText.line(l)));
    }
}
