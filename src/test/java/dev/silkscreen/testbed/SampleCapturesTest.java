package dev.silkscreen.testbed;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.silkscreen.capture.CaptureReader;
import dev.silkscreen.cli.SilkscreenCli;
import dev.silkscreen.model.Foundation;
import dev.silkscreen.model.Frame;
import dev.silkscreen.model.PointKind;
import dev.silkscreen.model.TopologyJson;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The sample captures in {@code assets/captures/} (real testbed captures) are whole, name every
 * frame's point by the topology beside them, and trace to their scenario's outcome. Needs no root:
 * it reads the committed files.
 */
class SampleCapturesTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    static List<String> scenarios() {
        return SampleCaptures.SCENARIOS;
    }

    @ParameterizedTest
    @MethodSource("scenarios")
    void everyFrameIsNamedByACellOfTheTopologyAndASilkInterface(String scenario) throws Exception {
        Foundation topology;
        try (InputStream in = Files.newInputStream(SampleCaptures.topology(scenario))) {
            topology = TopologyJson.read(in);
        }

        List<Frame> frames = CaptureReader.readAll(SampleCaptures.pcapng(scenario), null);

        assertThat(frames).isNotEmpty().allSatisfy(f -> {
            assertThat(topology.cell(f.point().cell())).as(f.point().name()).isPresent();
            assertThat(f.point().kind()).as(f.point().name()).isNotEqualTo(PointKind.OTHER);
        });
        assertThat(frames).extracting(f -> f.point().kind()).contains(PointKind.CONTAINER_VETH, PointKind.VTEP, PointKind.UNDERLAY);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
        "seed,      delivered, 0,  ",
        "no-policy, dropped,   10, cell2",
        "stale-fdb, dropped,   9,  cell3",
        "mtu,       dropped,   4,  cell1",
    })
    void traceOfTheSampleFindsItsScenariosOutcome(String scenario, String verdict, int dropStage, String dropCell) throws Exception {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exit = SilkscreenCli.run(new PrintWriter(out), new PrintWriter(err), "trace", "--json",
                "--topology", SampleCaptures.topology(scenario).toString(), SampleCaptures.pcapng(scenario).toString());
        assertThat(exit).as("stderr: %s", err).isZero();
        List<JsonNode> journeys = new ArrayList<>();
        for (String line : out.toString().split("\n")) {
            if (!line.isBlank()) {
                journeys.add(JSON.readTree(line));
            }
        }

        JsonNode first = journeys.stream().filter(j -> j.path("flow").path("src").asText().equals("10.255.77.2")
                && j.path("flow").path("dst").asText().equals("10.255.21.2")).findFirst().orElseThrow();

        assertThat(first.path("verdict").asText()).isEqualTo(verdict);
        assertThat(first.path("drop_stage").asInt(0)).isEqualTo(dropStage);
        assertThat(first.path("drop_cell").isNull() ? null : first.path("drop_cell").asText()).isEqualTo(dropCell);
    }
}
