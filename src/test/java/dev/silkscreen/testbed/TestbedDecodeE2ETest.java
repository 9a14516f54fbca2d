package dev.silkscreen.testbed;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.silkscreen.cli.TsharkCrossCheck;
import dev.silkscreen.model.CapturePoint;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@code decode --json} agrees with tshark on every frame the real kernel put on every point of
 * the testbed: per-point pcaps as tcpdump wrote them, and the merged pcapng we write from them.
 */
@Tag("e2e")
class TestbedDecodeE2ETest {
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

    static Stream<String> scenarios() {
        return Stream.of("seed", "no-policy", "wrong-port", "wrong-tag", "same-cell", "stale-fdb", "no-route", "mtu", "cell-down");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("scenarios")
    void decodeAgreesWithTsharkOnEveryFrameOfEveryPointMerged(String scenario) throws Exception {
        Path merged = ScenarioRuns.of(scenario).mergeTo(dir.resolve(scenario + ".pcapng"), "testbed " + scenario);

        assertThat(TsharkCrossCheck.mismatches(merged)).isEmpty();
    }

    @Test
    void decodeAgreesWithTsharkOnThePcapsTcpdumpWroteWithLargeUploadsUdpAndPing() throws Exception {
        PointCaptures run = ScenarioRuns.of("seed", "http", "upload", "udp", "ping");

        List<String> mismatches = new ArrayList<>();
        for (Map.Entry<CapturePoint, Path> e : run.files().entrySet()) {
            mismatches.addAll(TsharkCrossCheck.mismatches(e.getValue()).stream().map(m -> e.getKey() + ": " + m).toList());
        }

        assertThat(mismatches).isEmpty();
    }

    @Test
    void decodeAgreesWithTsharkOnFragmentationNeededAndPathMtuDiscovery() throws Exception {
        Path merged = ScenarioRuns.of("mtu", "bigudp", "http", "upload").mergeTo(dir.resolve("mtu-rich.pcapng"), "testbed mtu");

        assertThat(TsharkCrossCheck.mismatches(merged)).isEmpty();
    }

    @Test
    void mergedPcapngNamesEveryFrameByItsPointAndStillAgreesWithTshark() throws Exception {
        PointCaptures run = ScenarioRuns.of("no-policy");
        Path merged = run.mergeTo(dir.resolve("no-policy.pcapng"), "testbed no-policy");

        List<JsonNode> ours = TsharkCrossCheck.ours(merged);

        assertThat(TsharkCrossCheck.mismatches(merged)).isEmpty();
        assertThat(ours).extracting(f -> f.path("point").asText()).contains("cell1:s-010255077002", "cell1:silk-vtep", "cell1:eth0",
                "cell2:eth0", "cell2:silk-vtep");
    }

    @Test
    void realUploadsShowOffloadedFramesLargerThanTheMtuAtEveryPoint() throws Exception {
        PointCaptures run = ScenarioRuns.of("seed", "http", "upload", "udp", "ping");

        for (String point : List.of("cell1:s-010255077002", "cell1:silk-vtep", "cell1:eth0")) {
            assertThat(TsharkCrossCheck.ours(run.file(point))).as(point).anyMatch(f -> f.path("len").asInt() > 1514);
        }
    }
}
