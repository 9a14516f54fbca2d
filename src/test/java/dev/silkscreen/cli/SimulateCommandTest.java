package dev.silkscreen.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.silkscreen.model.TopologyJson;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SimulateCommandTest {
    @TempDir
    Path dir;
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        return SilkscreenCli.run(new PrintWriter(out, true), new PrintWriter(err, true), args);
    }

    @Test
    void scenariosListsEachBuiltInOnOneLine() {
        assertThat(run("scenarios")).isZero();
        List<String> lines = out.toString().lines().toList();
        assertThat(lines).hasSize(dev.silkscreen.sim.Scenarios.BUILT_IN.size());
        for (String name : dev.silkscreen.sim.Scenarios.BUILT_IN) {
            assertThat(lines).as(name).anyMatch(l -> l.startsWith(name + " "));
        }
    }

    @Test
    void simulateWritesTheCaptureAndTheTopology() throws Exception {
        assertThat(run("simulate", "--scenario", "seed", "--out", dir.toString(), "--seed", "4")).isZero();
        Path pcap = dir.resolve("seed.pcapng");
        assertThat(Files.size(pcap)).isGreaterThan(10_000);
        try (var in = Files.newInputStream(dir.resolve("seed.topology.json"))) {
            assertThat(TopologyJson.read(in).cells()).hasSize(2);
        }
        assertThat(out.toString()).contains("seed:").contains("frames");
    }

    @Test
    void everyCapturePointHasAnInterfaceEvenWithoutFrames() throws Exception {
        assertThat(run("simulate", "--scenario", "stale-fdb", "--out", dir.toString())).isZero();
        String bytes = new String(Files.readAllBytes(dir.resolve("stale-fdb.pcapng")), java.nio.charset.StandardCharsets.ISO_8859_1);
        assertThat(bytes).contains("cell2:eth0", "cell2:silk-vtep", "cell2:s-010255021002", "cell3:eth0", "cell1:s-010255077002");
    }

    @Test
    void unknownScenarioIsAOneLineErrorWithExit2() {
        assertThat(run("simulate", "--scenario", "nope", "--out", dir.toString())).isEqualTo(2);
        assertThat(err.toString().lines()).hasSize(1).first().asString().contains("unknown scenario nope");
    }

    @Test
    void anOutputThatCannotBeWrittenIsAOneLineErrorWithExit2() throws Exception {
        Files.createDirectory(dir.resolve("seed.pcapng"));
        assertThat(run("simulate", "--scenario", "seed", "--out", dir.toString())).isEqualTo(2);
        assertThat(err.toString().lines()).hasSize(1).first().asString().contains("cannot write").contains("seed.pcapng");
    }

    @Test
    void anOutThatIsAFileIsAOneLineErrorSayingSo() throws Exception {
        Path file = Files.writeString(dir.resolve("plain"), "x");
        assertThat(run("simulate", "--scenario", "seed", "--out", file.toString())).isEqualTo(2);
        assertThat(err.toString().lines()).hasSize(1).first().asString().contains("--out " + file + ": not a directory");
    }

    @Test
    void badYamlIsAOneLineErrorWithExit2() throws Exception {
        Path bad = dir.resolve("bad.yaml");
        Files.writeString(bad, "name: x\ncellz: []\n");
        assertThat(run("simulate", "--scenario", bad.toString(), "--out", dir.toString())).isEqualTo(2);
        assertThat(err.toString().lines()).hasSize(1).first().asString().contains("unknown field \"cellz\"");
    }

    @Test
    void userScenarioFileRunsLikeABuiltIn() throws Exception {
        Path example = Path.of("assets/scenarios/example.yaml");
        assertThat(run("simulate", "--scenario", example.toString(), "--out", dir.toString(), "--duration", "2s")).isZero();
        assertThat(Files.list(dir).map(p -> p.getFileName().toString())).anyMatch(n -> n.endsWith(".topology.json"));
    }

    @Test
    void theDurationReadsBareSecondsAndSaysWhatItCannotRead() throws Exception {
        assertThat(run("simulate", "--scenario", "seed", "--out", dir.toString(), "--duration", "0.5")).isZero();
        assertThat(run("simulate", "--scenario", "seed", "--out", dir.resolve("b").toString(), "--duration", "soon")).isEqualTo(2);
        assertThat(err.toString().lines()).hasSize(1).first().asString().contains("--duration: not a duration: 'soon'");
    }
}
