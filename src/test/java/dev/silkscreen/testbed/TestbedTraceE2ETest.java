package dev.silkscreen.testbed;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.silkscreen.cli.SilkscreenCli;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * {@code silkscreen trace}, given the real kernel's captures of every point and the topology read
 * from the kernel, finds each scenario's first packet where the kernel left it: the verdict, the
 * step it died at and the cell (the simulator's scenario of that name says the same).
 */
@Tag("e2e")
class TestbedTraceE2ETest {
    private static final ObjectMapper JSON = new ObjectMapper();

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

    @ParameterizedTest(name = "{0}: {1} -> {2}:{3}/{4} {5} {6} {7}")
    @CsvSource({
        "seed,       10.255.77.2, 10.255.21.2, 8080, tcp, delivered, 0,  ",
        "no-policy,  10.255.77.2, 10.255.21.2, 8080, tcp, dropped,   10, cell2",
        "wrong-port, 10.255.77.2, 10.255.21.2, 9090, tcp, dropped,   10, cell2",
        "wrong-tag,  10.255.77.2, 10.255.21.2, 8080, tcp, dropped,   10, cell2",
        "wrong-tag,  10.255.77.4, 10.255.21.2, 8080, tcp, delivered, 0,  ",
        "same-cell,  10.255.77.2, 10.255.77.3, 8080, tcp, delivered, 0,  ",
        "same-cell,  10.255.77.3, 10.255.77.2, 8080, tcp, dropped,   10, cell1",
        "stale-fdb,  10.255.77.2, 10.255.21.2, 8080, tcp, dropped,   9,  cell3",
        "no-route,   10.255.77.2, 10.255.21.2, 8080, tcp, dropped,   4,  cell1",
        "mtu,        10.255.77.2, 10.255.21.2, 9000, udp, dropped,   4,  cell1",
        "cell-down,  10.255.77.2, 10.255.21.2, 8080, tcp, dropped,   7,  cell1",
    })
    void traceFindsTheFirstPacketWhereTheKernelLeftIt(String scenario, String src, String dst, int dport, String proto,
                                                       String verdict, int dropStage, String dropCell) {
        PointCaptures run = ScenarioRuns.of(scenario);

        JsonNode first = trace(run).stream()
                .filter(j -> j.path("flow").path("src").asText().equals(src) && j.path("flow").path("dst").asText().equals(dst)
                        && j.path("flow").path("dport").asInt() == dport && j.path("flow").path("proto").asText().equals(proto))
                .findFirst().orElseThrow(() -> new AssertionError("no journey " + src + " -> " + dst + ":" + dport + "/" + proto));

        assertThat(first.path("verdict").asText()).as("verdict; reason: %s", first.path("reason").asText()).isEqualTo(verdict);
        assertThat(first.path("drop_stage").asInt(0)).as("drop step; reason: %s", first.path("reason").asText()).isEqualTo(dropStage);
        assertThat(first.path("drop_cell").isNull() ? null : first.path("drop_cell").asText()).isEqualTo(dropCell);
    }

    /** {@code trace --json --topology T --capture CELL:IFACE=FILE ...}: one journey per line. */
    private static List<JsonNode> trace(PointCaptures run) {
        List<String> args = new ArrayList<>(List.of("trace", "--json", "--topology", run.topology().toString()));
        args.addAll(run.captureOptions());
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exit = SilkscreenCli.run(new PrintWriter(out), new PrintWriter(err), args.toArray(String[]::new));
        assertThat(exit).as("trace exit status; stderr: %s", err).isZero();
        List<JsonNode> journeys = new ArrayList<>();
        for (String line : out.toString().split("\n")) {
            if (!line.isBlank()) {
                try {
                    journeys.add(JSON.readTree(line));
                } catch (IOException e) {
                    throw new UncheckedIOException("trace printed a line that is not JSON: " + line, e);
                }
            }
        }
        return journeys;
    }
}
