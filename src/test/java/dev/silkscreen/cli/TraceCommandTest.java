package dev.silkscreen.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.silkscreen.capture.PcapngWriter;
import dev.silkscreen.model.CapturePoint;
import dev.silkscreen.model.Frame;
import dev.silkscreen.model.TopologyJson;
import dev.silkscreen.sim.Scenarios;
import dev.silkscreen.sim.SimResult;
import dev.silkscreen.sim.Simulator;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TraceCommandTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

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
    void failOnDropExitsThreeWhenAPacketWasRejected() {
        int code = run("trace", "--scenario", "no-policy", "--fail-on-drop");

        assertThat(code).isEqualTo(ExitCodes.DROPPED);
        assertThat(out.toString()).contains("rejected by policy on cell2: ICMP port unreachable from 10.255.21.0 quoting it")
                .contains("no rule admits tag 0x0002 to 10.255.21.2:8080");
    }

    @Test
    void displayFilterKeepsTheJourneysWithAMatchingSightingOrJourneyField() throws IOException {
        int code = run("trace", "--scenario", "no-policy", "--json", "-Y", "silk.verdict == dropped && tcp.flags.syn == 1");

        assertThat(code).isZero();
        List<JsonNode> kept = jsonLines();
        assertThat(kept).isNotEmpty().allMatch(j -> j.path("verdict").asText().equals("dropped") && j.path("summary").asText().equals("TCP SYN"));

        out.getBuffer().setLength(0);
        assertThat(run("trace", "--scenario", "no-policy", "--json", "-Y", "icmp.type == 3 && silk.step == 11 && silk.cell == cell1")).isZero();
        assertThat(jsonLines()).isNotEmpty().allMatch(j -> j.path("summary").asText().equals("ICMP port unreachable")
                && j.path("stage").asInt() == 11);
    }

    @Test
    void failOnDropCountsOnlyTheJourneysTheDisplayFilterKeeps() {
        assertThat(run("trace", "--scenario", "no-policy", "--fail-on-drop", "-Y", "silk.verdict == delivered")).isZero();
        assertThat(out.toString()).contains(" 0 dropped");
        assertThat(run("trace", "--scenario", "no-policy", "--fail-on-drop", "-Y", "silk.app == \"AppB\"")).isEqualTo(ExitCodes.DROPPED);
    }

    @Test
    void aBadDisplayFilterIsAUsageErrorBeforeAnythingIsTraced() {
        int code = run("trace", "--scenario", "seed", "-Y", "silk.step = 10");

        assertThat(code).isEqualTo(ExitCodes.USAGE);
        assertThat(out.toString()).isEmpty();
        assertThat(err.toString().lines()).singleElement().asString().contains("column 11: unexpected character '='");
    }

    @Test
    void aBadDisplayFilterStopsTraceLiveBeforeAnyCellIsReached() {
        int code = run("trace", "--live", dir.resolve("no-such-profile.yaml").toString(), "-Y", "vxlan.gbp in {4,");

        assertThat(code).isEqualTo(ExitCodes.USAGE);
        assertThat(err.toString().lines()).singleElement().asString().contains("-Y vxlan.gbp in {4,: column 17: a '}' is missing");
    }

    @Test
    void failOnDropExitsZeroWhenEveryPacketArrives() {
        int code = run("trace", "--scenario", "seed", "--fail-on-drop");

        assertThat(code).isZero();
        assertThat(out.toString()).contains("0 dropped").doesNotContain("DROPPED ");
    }

    @Test
    void jsonLinesCarryFlowVerdictDropStepCellReasonAndHops() throws IOException {
        int code = run("trace", "--scenario", "no-policy", "--json");

        assertThat(code).isZero();
        JsonNode syn = jsonLines().get(0);
        assertThat(syn.at("/flow/src").asText()).isEqualTo("10.255.77.2");
        assertThat(syn.at("/flow/dst").asText()).isEqualTo("10.255.21.2");
        assertThat(syn.at("/flow/dport").asInt()).isEqualTo(8080);
        assertThat(syn.at("/flow/proto").asText()).isEqualTo("tcp");
        assertThat(syn.get("summary").asText()).isEqualTo("TCP SYN");
        assertThat(syn.get("tag").asInt()).isEqualTo(2);
        assertThat(syn.get("src_app").asText()).isEqualTo("AppB");
        assertThat(syn.get("dst_app").asText()).isEqualTo("AppA");
        assertThat(syn.get("verdict").asText()).isEqualTo("dropped");
        assertThat(syn.get("stage").asInt()).isEqualTo(10);
        assertThat(syn.get("drop_stage").asInt()).isEqualTo(10);
        assertThat(syn.get("drop_cell").asText()).isEqualTo("cell2");
        assertThat(syn.get("reason").asText()).startsWith("rejected by policy on cell2");
        JsonNode hops = syn.get("hops");
        assertThat(hops).hasSize(5);
        assertThat(hops.get(0).get("stage").asInt()).isEqualTo(2);
        assertThat(hops.get(0).get("point").asText()).isEqualTo("cell1:s-010255077002");
        assertThat(hops.get(0).get("time").asText()).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{9}Z");
    }

    @Test
    void jsonOutputIsOnlyJsonLines() throws IOException {
        run("trace", "--scenario", "seed", "--json");

        assertThat(jsonLines()).isNotEmpty().allSatisfy(n -> assertThat(n.get("verdict").asText()).isEqualTo("delivered"));
    }

    @Test
    void summaryCountsJourneysPerFlowAndVerdict() {
        int code = run("trace", "--scenario", "no-policy", "--summary");

        assertThat(code).isZero();
        assertThat(out.toString()).containsPattern("AppB 10\\.255\\.77\\.2 → AppA 10\\.255\\.21\\.2:8080 tcp\\s+0\\s+3\\s+0\\s+0")
                .contains("step 10 on cell2: rejected by policy");
    }

    @Test
    void oneFileEachPerCaptureGivesTheSameJourneysAsTheScenario() throws IOException {
        SimResult r = Simulator.run(Scenarios.named("no-policy"), 1, 0, null);
        Map<CapturePoint, List<Frame>> byPoint = new LinkedHashMap<>();
        for (Frame f : r.frames()) {
            byPoint.computeIfAbsent(f.point(), p -> new ArrayList<>()).add(f);
        }
        List<String> args = new ArrayList<>(List.of("trace", "--json"));
        int n = 0;
        for (Map.Entry<CapturePoint, List<Frame>> e : byPoint.entrySet()) {
            Path file = dir.resolve("capture" + n++ + ".pcapng");
            write(file, e.getValue());
            args.add("--capture");
            args.add(e.getKey().name() + "=" + file);
        }
        Path topo = dir.resolve("no-policy.topology.json");
        try (OutputStream os = Files.newOutputStream(topo)) {
            TopologyJson.write(r.foundation(), os);
        }
        args.add("--topology");
        args.add(topo.toString());

        int code = run(args.toArray(String[]::new));

        assertThat(code).isZero();
        List<JsonNode> fromFiles = jsonLines();
        out.getBuffer().setLength(0);
        run("trace", "--scenario", "no-policy", "--json");
        assertThat(verdicts(fromFiles)).isEqualTo(verdicts(jsonLines())).hasSize(6);
    }

    @Test
    void aPcapngWithNamedInterfacesIsTracedWithoutCaptureOptions() throws IOException {
        SimResult r = Simulator.run(Scenarios.named("no-policy"), 1, 0, null);
        Path file = dir.resolve("all.pcapng");
        write(file, r.frames());

        int code = run("trace", "--fail-on-drop", file.toString());

        assertThat(code).isEqualTo(ExitCodes.DROPPED);
        assertThat(out.toString()).contains("3 dropped");
    }

    private static List<String> verdicts(List<JsonNode> journeys) {
        List<String> out = new ArrayList<>();
        for (JsonNode j : journeys) {
            out.add(j.get("summary").asText() + " " + j.get("verdict").asText() + " " + j.get("drop_stage") + " " + j.get("drop_cell"));
        }
        return out;
    }

    private static void write(Path file, List<Frame> frames) throws IOException {
        try (OutputStream os = Files.newOutputStream(file); PcapngWriter w = new PcapngWriter(os, "test")) {
            for (Frame f : frames) {
                w.accept(f);
            }
        }
    }

    @Test
    void aCaptureOptionWithoutCellAndInterfaceIsAUsageError() {
        int code = run("trace", "--capture", "eth0=x.pcap");

        assertThat(code).isEqualTo(ExitCodes.USAGE);
        assertThat(err.toString()).contains("expected CELL:IFACE=FILE");
    }

    @Test
    void aMissingCaptureFileIsAUsageError() {
        int code = run("trace", dir.resolve("nope.pcapng").toString());

        assertThat(code).isEqualTo(ExitCodes.USAGE);
        assertThat(err.toString()).contains("nope.pcapng: no such file");
    }

    @Test
    void aFileThatIsNotACaptureIsReportedAfterTheOthersAreTraced() throws IOException {
        SimResult r = Simulator.run(Scenarios.named("seed"), 1, 0, null);
        Path good = dir.resolve("good.pcapng");
        write(good, r.frames());
        Path bad = dir.resolve("notes.txt");
        Files.writeString(bad, "not a capture at all");

        int code = run("trace", good.toString(), bad.toString());

        assertThat(code).isEqualTo(ExitCodes.USAGE);
        assertThat(out.toString()).contains("delivered");
        assertThat(err.toString()).contains("notes.txt: not a pcap or pcapng file");
    }

    @Test
    void anUnknownScenarioIsAUsageError() {
        int code = run("trace", "--scenario", "no-such-thing");

        assertThat(code).isEqualTo(ExitCodes.USAGE);
        assertThat(err.toString()).contains("unknown scenario no-such-thing");
    }

    @Test
    void nothingToTraceIsAUsageError() {
        int code = run("trace");

        assertThat(code).isEqualTo(ExitCodes.USAGE);
        assertThat(err.toString()).contains("nothing to trace");
    }

    @Test
    void aBadWindowIsAUsageError() {
        int code = run("trace", "--scenario", "seed", "--window", "soon");

        assertThat(code).isEqualTo(ExitCodes.USAGE);
        assertThat(err.toString()).contains("--window");
    }

    @Test
    void theWindowReadsDurationsAsEveryVerbDoes() {
        assertThat(run("trace", "--scenario", "seed", "--window", "1h", "--summary")).as(err.toString()).isZero();
        assertThat(run("trace", "--scenario", "seed", "--window", "0")).isEqualTo(ExitCodes.USAGE);
        assertThat(err.toString()).contains("--window must be longer than zero");
    }

    @Test
    void aCaptureOnStandardInputIsTracedAsItsPoint() throws IOException {
        SimResult r = Simulator.run(Scenarios.named("no-policy"), 1, 0, null);
        CapturePoint nic = new CapturePoint("cell1", "eth0");
        Path file = dir.resolve("cell1-eth0.pcapng");
        write(file, r.frames().stream().filter(f -> f.point().equals(nic)).toList());
        java.io.InputStream stdin = System.in;
        try (java.io.InputStream in = Files.newInputStream(file)) {
            System.setIn(in);
            int code = run("trace", "--json", "--capture", "cell1:eth0=-");
            assertThat(code).isZero();
        } finally {
            System.setIn(stdin);
        }
        assertThat(jsonLines()).hasSize(6).allSatisfy(j -> assertThat(j.at("/hops/0/point").asText()).isEqualTo("cell1:eth0"));
    }

    @Test
    void aPacketSentToTheWrongCellSaysTheWrongCellDecapsulatedItAndBlamesTheStaleFdbEntry() {
        int code = run("trace", "--scenario", "stale-fdb", "--fail-on-drop");

        assertThat(code).isEqualTo(ExitCodes.DROPPED);
        assertThat(out.toString()).contains("[cell3] delivered to the wrong cell: cell1's FDB sends cell2's VTEP MAC"
                        + " ee:ee:0a:ff:15:00 to 10.0.16.12, which is cell3 (cell2 is 10.0.16.14)")
                .contains("cell3 decapsulated it at cell3:silk-vtep (step 9) and has no container 10.255.21.2")
                .contains("stale FDB entry on cell1")
                .doesNotContain("never at cell3:silk-vtep").doesNotContain("VXLAN port");
    }

    /** The testbed's real kernel answered a 1500-byte DF datagram with "fragmentation needed", next-hop MTU 1450. */
    @Test
    void aTooBigPacketsReasonGivesTheNextHopMtuTheIcmpErrorCarries() {
        int code = run("trace", "--topology", "assets/captures/testbed-mtu.topology.json", "assets/captures/testbed-mtu.pcapng");

        assertThat(code).isZero();
        assertThat(out.toString()).contains("too big on cell1: ICMP fragmentation needed (MTU 1450) from 169.254.0.1 quoting it")
                .doesNotContain("MTU 65535");
    }
}
