package dev.silkscreen.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import java.nio.file.Files;
import java.nio.file.Path;
import dev.silkscreen.model.Foundation;
import dev.silkscreen.sim.Scenarios;
import dev.silkscreen.sim.Simulator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code trace --connections} and {@code --diagnose}, and the diagnosis under the journey table. */
class TraceConnectionsCliTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        return SilkscreenCli.run(new PrintWriter(out), new PrintWriter(err), args);
    }

    private List<JsonNode> jsonLines() throws IOException {
        List<JsonNode> nodes = new ArrayList<>();
        for (String line : out.toString().split("\n")) {
            if (!line.isBlank()) {
                nodes.add(JSON.readTree(line));
            }
        }
        return nodes;
    }

    @Test
    void theConnectionTableSaysWhichConnectionStalledAndTheDiagnosisWhy() {
        assertThat(run("trace", "--scenario", "underlay-mtu", "--connections")).isZero();
        assertThat(out.toString()).contains("CLIENT → SERVER")
                .contains("established       180 B up, 900 B down, closed")
                .contains("stalled           stalled after 0 B from client to server")
                .contains("2 connections: 1 established, 1 stalled")
                .contains("diagnosis: frames of 1514 B and more leave cell1 and never reach cell2; smaller ones do:"
                        + " the underlay path MTU is below the NICs' 1500");
    }

    @Test
    void connectionsAsJsonLinesOneObjectEach() throws IOException {
        assertThat(run("trace", "--scenario", "reply-lost", "--connections", "--json")).isZero();
        List<JsonNode> lines = jsonLines();
        assertThat(lines).hasSize(1);
        JsonNode c = lines.get(0);
        assertThat(c.path("verdict").asText()).isEqualTo("never-established");
        assertThat(c.path("detail").asText()).isEqualTo("SYN delivered (4 SYNs); SYN-ACK dropped at step 6 on cell2");
        assertThat(c.path("client_cell").asText()).isEqualTo("cell1");
        assertThat(c.path("server_cell").asText()).isEqualTo("cell2");
        assertThat(c.path("flow").path("dport").asInt()).isEqualTo(8080);
        assertThat(c.path("packets").asInt()).isEqualTo(8);
        assertThat(c.path("journeys")).hasSize(8);
    }

    @Test
    void diagnoseAloneAsJson() throws IOException {
        assertThat(run("trace", "--scenario", "vxlan-blocked", "--diagnose", "--json")).isZero();
        List<JsonNode> lines = jsonLines();
        assertThat(lines).hasSize(1);
        assertThat(lines.get(0).path("diagnosis").asText()).isEqualTo("vxlan-blocked");
        assertThat(lines.get(0).path("cells").toString()).isEqualTo("[\"cell1\",\"cell2\"]");
        assertThat(lines.get(0).path("text").asText()).endsWith("UDP 4789 between the cells is blocked");
    }

    @Test
    void journeyJsonStaysOneObjectPerJourney() throws IOException {
        assertThat(run("trace", "--scenario", "conntrack-full", "--json")).isZero();
        assertThat(jsonLines()).hasSize(4).allMatch(n -> n.has("hops") && !n.has("diagnosis"));
    }

    @Test
    void theTableEndsWithTheDiagnosis() {
        assertThat(run("trace", "--scenario", "conntrack-full")).isZero();
        assertThat(out.toString()).contains("diagnosis: conntrack table full on cell2: nf_conntrack_count 262144 of nf_conntrack_max 262144");
    }

    @Test
    void aDisplayFilterChoosesTheJourneysOfTheConnectionsShownNotOfTheDiagnosis() {
        assertThat(run("trace", "--scenario", "vxlan-blocked", "--connections", "-Y", "tcp")).isZero();
        assertThat(out.toString()).contains("1 connection: 1 never-established").doesNotContain(" udp ")
                .contains("diagnosis: no VXLAN from cell1 reached cell2 (0 of 4) and none from cell2 reached cell1 (0 of 3)");
    }

    @Test
    void cfPoliciesMakeARejectionAPolicyNotAppliedYet(@TempDir Path dir) throws IOException {
        Foundation f = Simulator.foundation(Scenarios.named("policy-lag"), 1);
        Path file = dir.resolve("policies.json");
        Files.writeString(file, "{\"total_policies\": 1, \"policies\": [{\"source\": {\"id\": \"" + f.app("AppB").orElseThrow().guid()
                + "\"}, \"destination\": {\"id\": \"" + f.app("AppA").orElseThrow().guid()
                + "\", \"protocol\": \"tcp\", \"ports\": {\"start\": 8080, \"end\": 8080}}}]}");
        assertThat(run("trace", "--scenario", "policy-lag", "--cf-policies", file.toString())).isZero();
        assertThat(out.toString()).contains("diagnosis: AppB → AppA tcp 8080: the policy exists in CF but not on cell2's iptables: not applied yet");
        out.getBuffer().setLength(0);
        assertThat(run("trace", "--scenario", "policy-lag")).isZero();
        assertThat(out.toString()).doesNotContain("diagnosis:");
    }

    @Test
    void aBadCfPoliciesFileIsOneLine(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("policies.json");
        Files.writeString(file, "FAILED\nNot logged in. Use 'cf login' to log in.\n");
        assertThat(run("trace", "--scenario", "seed", "--cf-policies", file.toString())).isEqualTo(ExitCodes.USAGE);
        assertThat(err.toString().strip()).startsWith("silkscreen: --cf-policies " + file + ": not JSON").doesNotContain("\n");
        err.getBuffer().setLength(0);
        assertThat(run("trace", "--scenario", "seed", "--cf-policies", dir.resolve("none.json").toString())).isEqualTo(ExitCodes.USAGE);
        assertThat(err.toString()).contains("no such file");
    }

    @Test
    void oneOutputChoiceAtATime() {
        assertThat(run("trace", "--scenario", "seed", "--connections", "--summary")).isEqualTo(ExitCodes.USAGE);
        assertThat(err.toString()).contains("give one of them");
    }
}
