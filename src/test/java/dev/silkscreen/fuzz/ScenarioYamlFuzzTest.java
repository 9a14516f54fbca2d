package dev.silkscreen.fuzz;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.silkscreen.model.SafeText;
import dev.silkscreen.sim.Scenario;
import dev.silkscreen.sim.ScenarioException;
import dev.silkscreen.sim.Scenarios;
import dev.silkscreen.sim.Simulator;
import java.io.ByteArrayInputStream;
import java.time.Duration;

/**
 * Scenario YAML, any bytes: reading it either gives a scenario or a {@link ScenarioException}
 * (the CLI's exit 2) with a one-line message, never another exception (exit 70); a scenario that
 * reads also runs (200 packets at most) without any other exception. Regression inputs:
 * {@code ScenarioYamlFuzzTestInputs/scenarioYaml/}.
 */
class ScenarioYamlFuzzTest {
    @FuzzTest(maxDuration = "5s")
    void scenarioYaml(byte[] yaml) {
        Scenario s;
        try {
            s = Scenarios.parse(new ByteArrayInputStream(yaml), "fuzzed");
        } catch (ScenarioException e) {
            Human.assertOneSafeLine(SafeText.line(e.getMessage()));
            return;
        }
        try {
            Simulator.run(s, 1, 200, Duration.ofMillis(300));
        } catch (ScenarioException e) {
            Human.assertOneSafeLine(SafeText.line(e.getMessage()));
        }
    }
}
