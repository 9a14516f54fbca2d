package dev.silkscreen.testbed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.silkscreen.capture.PcapngWriter;
import dev.silkscreen.decode.DecodedFrame;
import dev.silkscreen.decode.FrameDecoder;
import dev.silkscreen.model.Frame;
import dev.silkscreen.model.Ipv4;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.StandardCopyOption;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Rewrites the sample captures in {@code assets/captures/} from the testbed, when asked with
 * {@code -Dsilkscreen.captures.write=true} (see assets/captures/README.md); skips otherwise.
 */
@Tag("e2e")
class SampleCapturesE2ETest {
    /** The test runner's address on the underlay: its SSH sessions to the cells are not part of a scenario. */
    private static final int TEST_RUNNER = Ipv4.parse("172.31.200.254");

    @BeforeAll
    static void usable() {
        assumeTrue(Boolean.getBoolean("silkscreen.captures.write"),
                "sample captures are rewritten only with -Dsilkscreen.captures.write=true");
        TestbedRig.assumeUsable();
    }

    @AfterAll
    static void tearDown() {
        if (Boolean.getBoolean("silkscreen.captures.write") && TestbedRig.missingPrerequisite() == null) {
            TestbedRig.down();
        }
    }

    @Test
    void writeSampleCapturesOfEachScenarioAtEveryPoint() throws IOException {
        Files.createDirectories(SampleCaptures.DIR);
        for (String scenario : SampleCaptures.SCENARIOS) {
            PointCaptures run = ScenarioRuns.of(scenario, SampleCaptures.kinds(scenario));
            FrameDecoder decoder = new FrameDecoder();
            DecodedFrame d = new DecodedFrame();
            long kept = 0;
            try (OutputStream out = Files.newOutputStream(SampleCaptures.pcapng(scenario));
                 PcapngWriter w = new PcapngWriter(out, "Silkscreen testbed, scenario " + scenario
                         + ": real tcpdump at every point (src/test/testbed, assets/captures/README.md)")) {
                for (Frame f : run.frames()) {
                    decoder.decode(f, d);
                    boolean runner = !d.encapsulated && d.ipVersion == 4 && (d.src == TEST_RUNNER || d.dst == TEST_RUNNER);
                    if (!runner) {
                        w.accept(f);
                        kept++;
                    }
                }
            }
            Files.copy(run.topology(), SampleCaptures.topology(scenario), StandardCopyOption.REPLACE_EXISTING);
            assertThat(kept).as(scenario).isPositive();
        }
    }
}
