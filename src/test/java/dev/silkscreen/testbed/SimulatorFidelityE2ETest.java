package dev.silkscreen.testbed;

import static org.assertj.core.api.Assertions.assertThat;

import dev.silkscreen.capture.PcapngWriter;
import dev.silkscreen.model.Foundation;
import dev.silkscreen.model.Frame;
import dev.silkscreen.model.TopologyJson;
import dev.silkscreen.sim.Scenarios;
import dev.silkscreen.sim.SimResult;
import dev.silkscreen.sim.Simulator;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.TreeSet;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The simulator is faithful to the kernel: for the same scenario, the frames it puts at each point
 * have the shapes the testbed's real frames have there — protocol stack, MAC and address scheme,
 * TTL handling, DF, VXLAN flags and GBP, encapsulation overhead, MSS and ICMP errors (see
 * {@link FrameShapes}). A failure lists the shapes seen only on one side.
 */
@Tag("e2e")
class SimulatorFidelityE2ETest {
    private static final long SEED = 1;

    @TempDir
    static Path dir;

    @BeforeAll
    static void usable() {
        TestbedRig.assumeUsable();
    }

    @AfterAll
    static void tearDown() {
        if (TestbedRig.missingPrerequisite() == null) {
            TestbedRig.down();
        }
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"seed", "no-policy", "wrong-port", "wrong-tag", "same-cell", "stale-fdb", "no-route", "mtu", "cell-down"})
    void simulatedFramesHaveTheShapesOfTheKernelsAtEveryPoint(String scenario) throws IOException {
        PointCaptures run = ScenarioRuns.of(scenario);
        Path real = run.mergeTo(dir.resolve(scenario + "-testbed.pcapng"), "testbed " + scenario);
        TreeSet<String> kernel = FrameShapes.of(real, topology(run.topology()));

        SimResult sim = Simulator.run(Scenarios.named(scenario), SEED, 0, null);
        Path simulated = dir.resolve(scenario + "-sim.pcapng");
        try (OutputStream out = Files.newOutputStream(simulated); PcapngWriter w = new PcapngWriter(out, "sim " + scenario)) {
            for (Frame f : sim.frames()) {
                w.accept(f);
            }
        }
        TreeSet<String> simulator = FrameShapes.of(simulated, sim.foundation());

        TreeSet<String> onlyKernel = new TreeSet<>(kernel);
        onlyKernel.removeAll(simulator);
        TreeSet<String> onlySim = new TreeSet<>(simulator);
        onlySim.removeAll(kernel);
        assertThat(onlyKernel.isEmpty() && onlySim.isEmpty())
                .as("%s: frame shapes only the kernel made:%n  %s%nonly the simulator made:%n  %s", scenario,
                        String.join("\n  ", onlyKernel), String.join("\n  ", onlySim))
                .isTrue();
    }

    private static Foundation topology(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return TopologyJson.read(in);
        }
    }
}
