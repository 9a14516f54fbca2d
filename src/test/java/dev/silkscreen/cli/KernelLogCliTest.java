package dev.silkscreen.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.silkscreen.model.Foundation;
import dev.silkscreen.model.Instance;
import dev.silkscreen.sim.PacketTruth;
import dev.silkscreen.sim.Scenarios;
import dev.silkscreen.sim.SimResult;
import dev.silkscreen.sim.Simulator;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code trace --kernel-log CELL=FILE}: the iptables LOG lines a cell's kernel wrote about a packet
 * (as a foundation with c2c logging on writes them) are shown with that packet's journey.
 */
class KernelLogCliTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        return SilkscreenCli.run(new PrintWriter(out), new PrintWriter(err), args);
    }

    /** What the kernel of the SYN's destination cell logs for it, in kern.log's form, among other lines. */
    private Path kernLog(String scenario, String prefix) throws IOException {
        SimResult r = Simulator.run(Scenarios.named(scenario), 1, 0, null);
        PacketTruth syn = r.truth().stream().filter(t -> t.summary().equals("TCP SYN")).findFirst().orElseThrow();
        Instance dst = r.foundation().instanceByIp(syn.flow().dst()).orElseThrow();
        List<String> lines = new ArrayList<>();
        lines.add("Jan  1 02:11:58 cell2 kernel: [ 8801.100200] br0: port 2(eth0) entered forwarding state");
        lines.add("Jan  1 02:11:59 cell2 kernel: [ 8802.001300] " + prefix.replace("HANDLE", dst.handle()).substring(0, Math.min(
                prefix.replace("HANDLE", dst.handle()).length(), 28)) + " IN=silk-vtep OUT=" + dst.vethName()
                + " MAC=ee:ee:0a:ff:15:00:ee:ee:0a:ff:4d:00:08:00 SRC=" + syn.flow().src() + " DST=" + syn.flow().dst()
                + " LEN=60 TOS=0x00 PREC=0x00 TTL=62 ID=" + syn.ipId() + " DF PROTO=TCP SPT=" + syn.flow().sport() + " DPT="
                + syn.flow().dport() + " WINDOW=64860 RES=0x00 SYN URGP=0 MARK=0x2");
        lines.add("Jan  1 02:11:59 cell2 kernel: [ 8802.001400] OK_0002_nonsense IN=silk-vtep SRC=10.255.77.2 DST=10.255.21.2 ID=x PROTO=TCP");
        Path file = dir.resolve(scenario + "-kern.log");
        Files.write(file, lines);
        return file;
    }

    @Test
    void theOkLineOfTheAdmittedSynIsShownUnderItAtStep10() throws IOException {
        Foundation f = Simulator.foundation(Scenarios.named("seed"), 1);
        String guid = f.app("AppA").orElseThrow().guid();
        Path log = kernLog("seed", "OK_0002_" + guid);
        assertThat(run("trace", "--scenario", "seed", "--kernel-log", "cell2=" + log)).isZero();
        String[] lines = out.toString().split("\n");
        int syn = -1;
        for (int i = 0; i < lines.length; i++) {
            if (lines[i].contains("TCP SYN ") && lines[i].contains("delivered")) {
                syn = i;
                break;
            }
        }
        assertThat(syn).isNotNegative();
        assertThat(lines[syn + 1]).startsWith("       kernel log on cell2, step 10: OK_0002_" + guid.substring(0, 20));
        assertThat(out.toString().split("kernel log on", -1)).hasSize(2);
    }

    @Test
    void theDenyLineIsAttachedToTheRejectedSynInJson() throws IOException {
        Path log = kernLog("no-policy", "DENY_C2C_HANDLE");
        assertThat(run("trace", "--scenario", "no-policy", "--json", "--kernel-log", "cell2=" + log)).isZero();
        List<JsonNode> with = new ArrayList<>();
        for (String line : out.toString().split("\n")) {
            JsonNode j = JSON.readTree(line);
            if (j.has("kernel_log")) {
                with.add(j);
            }
        }
        assertThat(with).hasSize(1);
        assertThat(with.get(0).path("summary").asText()).isEqualTo("TCP SYN");
        assertThat(with.get(0).path("verdict").asText()).isEqualTo("dropped");
        JsonNode e = with.get(0).path("kernel_log").get(0);
        assertThat(e.path("cell").asText()).isEqualTo("cell2");
        assertThat(e.path("step").asInt()).isEqualTo(10);
        assertThat(e.path("line").asText()).startsWith("DENY_C2C_").contains("PROTO=TCP");
    }

    @Test
    void aBadKernelLogOptionIsOneLine() {
        assertThat(run("trace", "--scenario", "seed", "--kernel-log", "kern.log")).isEqualTo(ExitCodes.USAGE);
        assertThat(err.toString()).contains("expected CELL=FILE");
        assertThat(run("trace", "--scenario", "seed", "--kernel-log", "cell2=" + dir.resolve("none.log"))).isEqualTo(ExitCodes.USAGE);
        assertThat(err.toString()).contains("no such file");
    }
}
