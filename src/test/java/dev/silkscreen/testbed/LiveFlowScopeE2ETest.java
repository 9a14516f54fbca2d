package dev.silkscreen.testbed;

import static org.assertj.core.api.Assertions.assertThat;

import dev.silkscreen.capture.CaptureReader;
import dev.silkscreen.cli.SilkscreenCli;
import dev.silkscreen.decode.DecodedFrame;
import dev.silkscreen.decode.FrameDecoder;
import dev.silkscreen.model.Cell;
import dev.silkscreen.model.Foundation;
import dev.silkscreen.model.Frame;
import dev.silkscreen.model.Ipv4;
import dev.silkscreen.model.PointKind;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code trace --live --from APPB-GUID --to 10.255.21.2:8080} on the testbed's real cells, while other
 * flows run beside it (AppC to the same server, AppB over UDP, AppB to the other AppA on its own
 * cell): only the two cells of the flow capture, and every frame the cells sent (recorded with
 * {@code --record}) is the flow's, or an ICMP error to one of its ends.
 */
@Tag("e2e")
class LiveFlowScopeE2ETest {
    private static final String APP_B = "10.255.77.2";
    private static final String APP_A0 = "10.255.21.2";

    @TempDir
    Path dir;

    @BeforeAll
    static void testbed() {
        TestbedRig.assumeUsable();
        TestbedRig.up("seed");
    }

    @Test
    void onlyTheFlowsFramesLeaveTheCells() throws Exception {
        Foundation tb = TestbedRig.topology();
        StringBuilder y = new StringBuilder("name: testbed\ncapture: {duration: 30s}\ndefaults: {user: root, port: 22, auth: key, keyFile: "
                + TestbedRig.STATE.resolve("ssh/id_ed25519") + ", sudo: false}\ncells:\n");
        for (Cell c : tb.cells()) {
            y.append("  - {name: ").append(c.name()).append(", host: ").append(c.underlayIp()).append("}\n");
        }
        Path profile = Files.writeString(dir.resolve("testbed.yaml"), y.toString());
        Files.copy(TestbedRig.STATE.resolve("ssh/known_hosts"), dir.resolve("known_hosts"));
        Path rec = dir.resolve("flow.pcapng");
        // The cells' metadata has no app names (as on a foundation without cf names given): AppB by its GUID.
        String appB = tb.app("AppB").orElseThrow().guid();
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int[] exit = {-1};
        Thread cli = new Thread(() -> exit[0] = SilkscreenCli.run(new PrintWriter(out, true), new PrintWriter(err, true),
                "trace", "--live", profile.toString(), "--from", appB, "--to", APP_A0 + ":8080", "--json", "--duration", "30s",
                "--record", rec.toString(), "--known-hosts", dir.resolve("known_hosts").toString(),
                "--ssh-config", dir.resolve("none").toString()), "trace --live --from --to");
        cli.start();
        // Discovery of every cell, then the flow's two cells connect again to capture.
        long deadline = System.nanoTime() + 40_000_000_000L;
        while (!(err.toString().contains("cell1: connected") && err.toString().contains("cell2: connected")) && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
        Thread.sleep(2_000); // the tcpdumps start
        for (int i = 0; i < 3; i++) {
            TestbedRig.traffic("http", "udp", "ping");
            TestbedRig.traffic("--from", "AppC/0", "http");
            TestbedRig.traffic("--to", "AppA/1", "http");
        }
        cli.join(60_000);
        assertThat(exit[0]).as(err.toString()).isZero();
        assertThat(err.toString()).contains("capturing on 2 of 3 cells", "filter on the underlay NIC: udp dst port 4789 and ");

        List<Frame> frames = CaptureReader.readAll(rec, null);
        Set<String> points = new TreeSet<>();
        List<String> strangers = new ArrayList<>();
        int flowFrames = 0;
        FrameDecoder decoder = new FrameDecoder();
        DecodedFrame d = new DecodedFrame();
        int b = Ipv4.parse(APP_B);
        int a = Ipv4.parse(APP_A0);
        for (Frame f : frames) {
            points.add(f.point().name());
            decoder.decode(f, d);
            boolean pair = d.src == b && d.dst == a || d.src == a && d.dst == b;
            boolean tcp8080 = d.ipProto == 6 && (d.sport == 8080 || d.dport == 8080);
            boolean icmpError = d.ipProto == 1 && (d.icmpType == 3 || d.icmpType == 11) && (d.dst == a || d.dst == b);
            boolean underlayOk = f.point().kind() != PointKind.UNDERLAY || d.encapsulated;
            if (pair && tcp8080) {
                flowFrames++;
            }
            if (!(underlayOk && (pair && (tcp8080 || d.ipProto == 1) || icmpError))) {
                strangers.add(f.point() + " " + Ipv4.format(d.src) + " > " + Ipv4.format(d.dst) + " proto " + d.ipProto + " " + d.sport + ">" + d.dport);
            }
        }
        System.out.printf("flow-scoped capture: %d frames recorded at %s, %d of them the flow's TCP%n", frames.size(), points, flowFrames);
        assertThat(strangers).as("frames that are not the flow's").isEmpty();
        assertThat(points).as(err.toString()).allMatch(p -> p.startsWith("cell1:") || p.startsWith("cell2:"));
        assertThat(points).as(err.toString()).contains("cell1:s-010255077002", "cell1:silk-vtep", "cell1:eth0", "cell2:s-010255021002", "cell2:silk-vtep", "cell2:eth0");
        assertThat(flowFrames).as("the flow's own frames arrived").isGreaterThan(20);
        assertThat(out.toString()).contains("\"verdict\":\"delivered\"");
    }
}
