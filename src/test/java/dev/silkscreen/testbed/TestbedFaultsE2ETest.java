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
import org.junit.jupiter.api.Test;

/**
 * The faults operators hit, made with the kernel (testbed.sh: an underlay port MTU below the
 * NICs', an ebtables rule dropping UDP 4789 between the cells, a wrong FDB entry on the way
 * back), captured by tcpdump at every point, one file each (started and stopped together), and
 * traced: {@code trace} names each fault in the sentence the simulator's scenario gets.
 */
@Tag("e2e")
class TestbedFaultsE2ETest {
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

    @Test
    void underlayMtuLargeFramesLeaveCell1AndNeverReachCell2() {
        PointCaptures run = ScenarioRuns.of("underlay-mtu");
        JsonNode f = finding(run, "underlay-mtu");
        String text = f.path("text").asText();
        assertThat(text).matches("frames of (\\d+) B and more leave cell1 and never reach cell2; smaller ones do:"
                + " the underlay path MTU is below the NICs' 1500 \\(\\d+ lost, the largest that arrived had \\d+ B\\)");
        int smallestLost = Integer.parseInt(text.replaceAll("^frames of (\\d+) B.*", "$1"));
        // The underlay port carries 1400 bytes of IP: the kernel's bridge lets frames of up to 1400 + 14 + 4 (a VLAN tag) through.
        assertThat(smallestLost).isGreaterThan(1418).isLessThanOrEqualTo(1514);
        assertThat(connections(run)).anyMatch(c -> c.path("verdict").asText().equals("stalled")
                && c.path("detail").asText().contains("lost on the underlay between cell1 and cell2"));
    }

    @Test
    void vxlanBlockedNoVxlanFromCell1ReachedCell2WhileTheCellsPingEachOther() {
        PointCaptures run = ScenarioRuns.of("vxlan-blocked");
        assertThat(run.traffic()).anyMatch(l -> l.startsWith("cellping ") && l.contains(" ok "));
        assertThat(finding(run, "vxlan-blocked").path("text").asText())
                .matches("no VXLAN from cell1 reached cell2 \\(0 of \\d+\\); UDP 4789 between the cells is blocked");
        List<JsonNode> syns = trace(run, "--captured-together").stream()
                .filter(j -> j.path("summary").asText().equals("TCP SYN")).toList();
        assertThat(syns).isNotEmpty().allMatch(j -> j.path("verdict").asText().equals("dropped")
                && j.path("drop_stage").asInt() == 7 && j.path("drop_cell").asText().equals("cell1"));
    }

    @Test
    void replyLostTheSynIsDeliveredTheSynAckNeverGetsBack() {
        PointCaptures run = ScenarioRuns.of("reply-lost");
        assertThat(finding(run, "reply-lost").path("text").asText())
                .matches("allowed but never established: AppB → AppA tcp 8080 \\(\\d+ connections?\\): the SYN was delivered,"
                        + " the SYN-ACK never reached cell1 \\(dropped at step [56] on cell2\\); .*");
        assertThat(connections(run)).anyMatch(c -> c.path("verdict").asText().equals("never-established")
                && c.path("detail").asText().matches("SYN delivered.*; SYN-ACK dropped at step [56] on cell2"));
    }

    @Test
    void policyLagTheKernelRejectsWhatCfHolds() throws IOException {
        // The testbed's no-policy: cell2's vpa-- chain has no rule for AppB, as before vxlan-policy-agent's next poll.
        PointCaptures run = ScenarioRuns.of("no-policy");
        var topo = dev.silkscreen.model.TopologyJson.read(java.nio.file.Files.newInputStream(run.topology()));
        java.nio.file.Path cf = run.dir().resolve("cf-policies.json");
        java.nio.file.Files.writeString(cf, "{\"total_policies\": 1, \"policies\": [{\"source\": {\"id\": \""
                + topo.app("AppB").orElseThrow().guid() + "\"}, \"destination\": {\"id\": \"" + topo.app("AppA").orElseThrow().guid()
                + "\", \"protocol\": \"tcp\", \"ports\": {\"start\": 8080, \"end\": 8080}}}]}");
        List<JsonNode> findings = trace(run, "--diagnose", "--cf-policies", cf.toString());
        assertThat(findings).extracting(f -> f.path("text").asText())
                .anyMatch(t -> t.startsWith("AppB → AppA tcp 8080: the policy exists in CF but not on cell2's iptables: not applied yet"));
    }

    private static JsonNode finding(PointCaptures run, String kind) {
        List<JsonNode> findings = trace(run, "--captured-together", "--diagnose");
        return findings.stream().filter(f -> f.path("diagnosis").asText().equals(kind)).findFirst()
                .orElseThrow(() -> new AssertionError("no " + kind + " finding: " + findings + "; traffic: " + run.traffic()));
    }

    private static List<JsonNode> connections(PointCaptures run) {
        return trace(run, "--captured-together", "--connections");
    }

    /** {@code trace --json --topology T --capture CELL:IFACE=FILE ... EXTRA}: one object per line. */
    private static List<JsonNode> trace(PointCaptures run, String... extra) {
        List<String> args = new ArrayList<>(List.of("trace", "--json", "--topology", run.topology().toString()));
        args.addAll(List.of(extra));
        args.addAll(run.captureOptions());
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exit = SilkscreenCli.run(new PrintWriter(out), new PrintWriter(err), args.toArray(String[]::new));
        assertThat(exit).as("trace exit status; stderr: %s", err).isZero();
        List<JsonNode> lines = new ArrayList<>();
        for (String line : out.toString().split("\n")) {
            if (!line.isBlank()) {
                try {
                    lines.add(JSON.readTree(line));
                } catch (IOException e) {
                    throw new UncheckedIOException("trace printed a line that is not JSON: " + line, e);
                }
            }
        }
        return lines;
    }
}
