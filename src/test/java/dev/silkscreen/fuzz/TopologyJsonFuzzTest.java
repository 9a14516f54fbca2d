package dev.silkscreen.fuzz;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.silkscreen.model.Foundation;
import dev.silkscreen.model.SafeText;
import dev.silkscreen.model.TopologyJson;
import dev.silkscreen.sim.Scenarios;
import dev.silkscreen.sim.SimResult;
import dev.silkscreen.sim.Simulator;
import java.io.ByteArrayInputStream;
import java.io.IOException;

/**
 * Topology JSON, any bytes: a foundation or an {@link IllegalArgumentException} with a short
 * one-line message (never the whole file quoted), never another exception; a foundation that
 * reads can serve a trace of a real capture without any exception. Regression inputs:
 * {@code TopologyJsonFuzzTestInputs/topologyJson/}.
 */
class TopologyJsonFuzzTest {
    private static final SimResult SEED = Simulator.run(Scenarios.named("seed"), 1, 8, null);

    @FuzzTest(maxDuration = "5s")
    void topologyJson(byte[] json) throws Exception {
        Foundation f;
        try {
            f = TopologyJson.read(new ByteArrayInputStream(json));
        } catch (IllegalArgumentException | IOException e) {
            String line = SafeText.line(e.getMessage());
            Human.assertOneSafeLine(line);
            if (line.length() > 600) {
                throw new AssertionError("an error line of " + line.length() + " characters: " + line.substring(0, 200));
            }
            return;
        }
        CorrelatorFuzzTest.trace(SEED.frames(), f);
    }
}
