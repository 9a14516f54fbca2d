package dev.silkscreen.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.silkscreen.capture.PcapngWriter;
import dev.silkscreen.model.CapturePoint;
import dev.silkscreen.model.Frame;
import dev.silkscreen.model.LinkType;
import dev.silkscreen.model.TopologyJson;
import dev.silkscreen.sim.Scenarios;
import dev.silkscreen.sim.SimResult;
import dev.silkscreen.sim.Simulator;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A fault that silences a point: VXLAN blocked, one file per interface, cell2's NIC saw only an ARP
 * at the start. Its file alone covers only that ARP, so the lost SYNs are "unknown (not captured)";
 * a pcapng interface statistics block saying how long it captured, or the user's word that the
 * files were captured together, makes them drops on the underlay.
 */
class SilencedPointCliTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();
    private final List<String> files = new ArrayList<>();
    private Path nicFile;
    private long lastFrame;
    private int syns;

    @BeforeEach
    void captureEachInterfaceInItsOwnFile() throws IOException {
        SimResult r = Simulator.run(Scenarios.named("vxlan-blocked"), 1, 0, null);
        Map<CapturePoint, List<Frame>> byPoint = new LinkedHashMap<>();
        for (Frame f : r.frames()) {
            // The TCP from cell1: its SYNs leave cell1's NIC and never arrive.
            if (f.point().cell().equals("cell1")) {
                byPoint.computeIfAbsent(f.point(), p -> new ArrayList<>()).add(f);
                lastFrame = Math.max(lastFrame, f.timeNanos());
            }
        }
        syns = (int) byPoint.get(new CapturePoint("cell1", "eth0")).stream().filter(f -> f.data().length > 100).count();
        CapturePoint nic2 = new CapturePoint("cell2", "eth0");
        long firstFrame = r.frames().get(0).timeNanos();
        byPoint.put(nic2, List.of(new Frame(nic2, firstFrame - 5_000_000L, LinkType.ETHERNET, 42, arpRequest())));
        for (Map.Entry<CapturePoint, List<Frame>> e : byPoint.entrySet()) {
            Path file = dir.resolve(e.getKey().name().replace(':', '-') + ".pcapng");
            try (OutputStream os = Files.newOutputStream(file); PcapngWriter w = new PcapngWriter(os, "test")) {
                e.getValue().forEach(w::accept);
            }
            files.add(file.toString());
            if (e.getKey().equals(nic2)) {
                nicFile = file;
            }
        }
        Path topo = dir.resolve("vxlan-blocked.topology.json");
        Files.writeString(topo, TopologyJson.toJson(r.foundation()));
        files.add("--topology");
        files.add(topo.toString());
    }

    private List<JsonNode> trace(String... extra) throws IOException {
        List<String> args = new ArrayList<>(List.of("trace", "--json"));
        args.addAll(List.of(extra));
        args.addAll(files);
        out.getBuffer().setLength(0);
        assertThat(SilkscreenCli.run(new PrintWriter(out), new PrintWriter(err), args.toArray(String[]::new))).as(err.toString()).isZero();
        List<JsonNode> nodes = new ArrayList<>();
        for (String line : out.toString().split("\n")) {
            if (!line.isBlank()) {
                nodes.add(JSON.readTree(line));
            }
        }
        return nodes;
    }

    @Test
    void aloneTheSilencedFileCoversOnlyItsOwnFramesSoTheSynsAreUnknown() throws IOException {
        List<JsonNode> js = trace();
        assertThat(js).hasSize(syns).allMatch(j -> j.path("verdict").asText().equals("unknown")
                && j.path("reason").asText().contains("cell2:eth0 (step 8) was not being captured at that time"));
    }

    @Test
    void capturedTogetherTheSilenceIsEvidenceAndTheDiagnosisNamesTheBlock() throws IOException {
        List<JsonNode> js = trace("--captured-together");
        assertThat(js).hasSize(syns).allMatch(j -> j.path("verdict").asText().equals("dropped")
                && j.path("drop_stage").asInt() == 7 && j.path("drop_cell").asText().equals("cell1"));
        List<JsonNode> findings = trace("--captured-together", "--diagnose");
        assertThat(findings).extracting(f -> f.path("text").asText())
                .containsExactly("no VXLAN from cell1 reached cell2 (0 of " + syns + "); UDP 4789 between the cells is blocked");
    }

    @Test
    void interfaceStatisticsSayingHowLongTheNicWasCapturedAreEnough() throws IOException {
        appendStatistics(nicFile, lastFrame - 10_000_000_000L, lastFrame + 1_000_000_000L);
        assertThat(trace()).hasSize(syns).allMatch(j -> j.path("verdict").asText().equals("dropped") && j.path("drop_stage").asInt() == 7);
    }

    @Test
    void statisticsThatEndBeforeTheSynsChangeNothing() throws IOException {
        appendStatistics(nicFile, lastFrame - 60_000_000_000L, lastFrame - 59_000_000_000L);
        assertThat(trace()).hasSize(syns).allMatch(j -> j.path("verdict").asText().equals("unknown"));
    }

    @Test
    void capturedTogetherIsAboutFiles() {
        int code = SilkscreenCli.run(new PrintWriter(out), new PrintWriter(err), "trace", "--scenario", "seed", "--captured-together");
        assertThat(code).isEqualTo(ExitCodes.USAGE);
        assertThat(err.toString()).contains("--captured-together is about capture files");
    }

    /** An Interface Statistics Block for interface 0 (ns resolution, as PcapngWriter declares it), with isb_starttime and isb_endtime. */
    private static void appendStatistics(Path file, long startNanos, long endNanos) throws IOException {
        ByteBuffer b = ByteBuffer.allocate(52).order(ByteOrder.LITTLE_ENDIAN);
        b.putInt(5).putInt(52).putInt(0).putInt((int) (endNanos >>> 32)).putInt((int) endNanos);
        b.putShort((short) 2).putShort((short) 8).putInt((int) (startNanos >>> 32)).putInt((int) startNanos);
        b.putShort((short) 3).putShort((short) 8).putInt((int) (endNanos >>> 32)).putInt((int) endNanos);
        b.putInt(0).putInt(52);
        Files.write(file, b.array(), StandardOpenOption.APPEND);
    }

    /** Who has 10.0.16.1? Tell 10.0.16.12. */
    private static byte[] arpRequest() {
        byte[] b = new byte[42];
        for (int i = 0; i < 6; i++) {
            b[i] = (byte) 0xff;
        }
        byte[] mac = {0x02, 0x00, 0x0a, 0x00, 0x10, 0x0c};
        System.arraycopy(mac, 0, b, 6, 6);
        b[12] = 0x08;
        b[13] = 0x06;
        byte[] arp = {0, 1, 8, 0, 6, 4, 0, 1};
        System.arraycopy(arp, 0, b, 14, 8);
        System.arraycopy(mac, 0, b, 22, 6);
        System.arraycopy(new byte[] {10, 0, 16, 12}, 0, b, 28, 4);
        System.arraycopy(new byte[] {10, 0, 16, 1}, 0, b, 38, 4);
        return b;
    }
}
