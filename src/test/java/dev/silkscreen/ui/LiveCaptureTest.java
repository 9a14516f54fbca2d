package dev.silkscreen.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.jcraft.jsch.JSch;
import com.jcraft.jsch.KeyPair;
import dev.silkscreen.live.fixture.FakeCell;
import dev.silkscreen.live.profile.CaptureSettings;
import dev.silkscreen.live.profile.CellTarget;
import dev.silkscreen.live.profile.FoundationProfile;
import dev.silkscreen.live.ssh.AuthMethod;
import dev.silkscreen.live.ssh.SshTarget;
import dev.silkscreen.live.ssh.SshTimeouts;
import dev.silkscreen.model.CapturePoint;
import dev.silkscreen.model.Cell;
import dev.silkscreen.model.Foundation;
import dev.silkscreen.model.Frame;
import dev.silkscreen.model.Journey;
import dev.silkscreen.model.Policy;
import dev.silkscreen.model.Verdict;
import dev.silkscreen.pipeline.LiveEnvironment;
import dev.silkscreen.pipeline.PipelineSource;
import dev.silkscreen.pipeline.Run;
import dev.silkscreen.sim.PacketTruth;
import dev.silkscreen.sim.Scenarios;
import dev.silkscreen.sim.SimResult;
import dev.silkscreen.sim.Simulator;
import dev.silkscreen.ui.live.LiveRequest;
import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The desktop program's live capture end to end: two in-process SSH cells (the live package's
 * {@link FakeCell}: real /bin/sh, a fake tcpdump on a PATH of fakes only) describe a simulated
 * scenario's foundation to discovery ({@link FakeCell#describe}) and stream that scenario's frames on
 * the interfaces discovery finds; the picture shows the discovered foundation, the journey list shows
 * the scenario's verdicts, and Stop or closing the window leaves no tcpdump running.
 */
@ExtendWith(ApplicationExtension.class)
class LiveCaptureTest {
    private static final SshTimeouts FAST = new SshTimeouts(Duration.ofSeconds(3), Duration.ofSeconds(3), Duration.ofSeconds(5),
            Duration.ofSeconds(1), 2);
    @TempDir
    Path dir;
    private DesktopWindow window;
    private Stage stage;
    private final List<FakeCell> cells = new ArrayList<>();

    @Start
    void start(Stage stage) {
        this.stage = stage;
        window = new DesktopWindow(stage, new PipelineSource());
        stage.show();
    }

    @AfterEach
    void tearDown() throws Exception {
        if (window.livePanel() != null) {
            window.livePanel().run().stop();
        }
        for (FakeCell c : cells) {
            c.close();
        }
    }

    /** A live session on fake cells playing one scenario: what was simulated and the pids of every tcpdump. */
    private record Session(SimResult sim, List<Long> pids) {
    }

    /**
     * Starts a session on one fake cell per cell of {@code scenario}'s foundation, each describing its
     * cell to discovery, recording to {@code recording} (null: no recording). Once every capture point
     * runs, the simulated traffic is played as if it happened then, each point sending its frames as
     * they are captured; returns once all arrived.
     */
    private Session startSession(FxRobot robot, String scenario, Path recording) throws Exception {
        KeyPair kp = KeyPair.genKeyPair(new JSch(), KeyPair.ECDSA, 256);
        Path key = dir.resolve("id");
        kp.writePrivateKey(key.toString());
        Files.setPosixFilePermissions(key, PosixFilePermissions.fromString("rw-------"));
        Path knownHosts = dir.resolve("known_hosts");
        Files.writeString(knownHosts, "");
        SimResult sim = Simulator.run(Scenarios.named(scenario), 1, 0, null);
        Foundation foundation = sim.foundation();
        List<CellTarget> targets = new ArrayList<>();
        Map<String, FakeCell> byName = new LinkedHashMap<>();
        for (Cell cell : foundation.cells()) {
            FakeCell c = new FakeCell(Files.createDirectories(dir.resolve(cell.name())));
            cells.add(c);
            byName.put(cell.name(), c);
            c.authorize(kp.getPublicKeyBlob());
            c.describe(foundation, cell.name());
            c.hold();
            Files.writeString(knownHosts, c.knownHostsLine("[127.0.0.1]:" + c.port()), StandardOpenOption.APPEND);
            targets.add(new CellTarget(cell.name(), new SshTarget("127.0.0.1", c.port(), FakeCell.USER, AuthMethod.KEY, key.toString()),
                    false, List.of()));
        }
        FoundationProfile profile = new FoundationProfile("fake", null, targets,
                new CaptureSettings("", 256, Duration.ofSeconds(60), 100_000));
        window.setLiveEnvironment(new LiveEnvironment(knownHosts, dir.resolve("no-ssh-config"), null, Map.of(), FAST, "vcap"));

        // Discovery finds, per cell, its containers' veths, silk-vtep and the underlay NIC.
        Map<CapturePoint, List<Frame>> points = new LinkedHashMap<>();
        for (Cell cell : foundation.cells()) {
            List<String> ifaces = new ArrayList<>();
            foundation.instances().stream().filter(i -> i.cell().equals(cell.name())).forEach(i -> ifaces.add(i.vethName()));
            ifaces.add("silk-vtep");
            ifaces.add(cell.underlayNic());
            ifaces.forEach(iface -> points.put(new CapturePoint(cell.name(), iface), new ArrayList<>()));
        }
        robot.interact(() -> window.startLive(new LiveRequest(profile, recording)));
        // the panel appears once the session has started, on a background thread: wait for it too
        WaitForAsyncUtils.waitFor(40, TimeUnit.SECONDS, () -> window.livePanel() != null
                && window.livePanel().table().getItems().size() == points.size()
                && window.livePanel().table().getItems().stream().allMatch(r -> r.state().equals("running")));

        for (CapturePoint p : points.keySet()) {
            ByteArrayOutputStream header = new ByteArrayOutputStream();
            PcapFile.write(header, List.of());
            byName.get(p.cell()).serve(p.iface(), header.toByteArray());
        }
        // The simulated traffic happens from now on; each point sends a burst's frames once the burst was captured
        // (as tcpdump -U over SSH would, give or take), bursts being frames closer than 20 ms together.
        List<Frame> timeline = new ArrayList<>(sim.frames());
        timeline.sort(Comparator.comparingLong(Frame::timeNanos));
        long shift = System.currentTimeMillis() * 1_000_000L + 100_000_000L - timeline.get(0).timeNanos();
        int from = 0;
        while (from < timeline.size()) {
            int to = from + 1;
            while (to < timeline.size() && timeline.get(to).timeNanos() - timeline.get(to - 1).timeNanos() < 20_000_000L) {
                to++;
            }
            long capturedBy = timeline.get(to - 1).timeNanos() + shift;
            WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> System.currentTimeMillis() * 1_000_000L > capturedBy);
            Map<CapturePoint, List<Frame>> burst = new LinkedHashMap<>();
            for (Frame f : timeline.subList(from, to)) {
                burst.computeIfAbsent(f.point(), k -> new ArrayList<>())
                        .add(new Frame(f.point(), f.timeNanos() + shift, f.linkType(), f.origLen(), f.data()));
            }
            for (Map.Entry<CapturePoint, List<Frame>> e : burst.entrySet()) {
                ByteArrayOutputStream pcap = new ByteArrayOutputStream();
                PcapFile.write(pcap, e.getValue());
                byte[] all = pcap.toByteArray();
                byName.get(e.getKey().cell()).send(e.getKey().iface(), Arrays.copyOfRange(all, 24, all.length));
            }
            from = to;
        }
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> window.model().run() != null && window.model().run().origin() == Run.Origin.LIVE
                && window.livePanel().table().getItems().stream().mapToLong(r -> r.frames()).sum() == sim.frames().size());
        List<Long> pids = new ArrayList<>();
        points.keySet().forEach(p -> pids.add(byName.get(p.cell()).tcpdumpPid(p.iface())));
        assertThat(pids).allMatch(FakeCell::alive);
        return new Session(sim, pids);
    }

    /** The journey list as shown: "Packet | Verdict" per row, read on the FX thread. */
    private List<String> shownRows() throws Exception {
        return WaitForAsyncUtils.asyncFx(() -> {
            TableView<Journey> table = window.view().journeys().journeyTable();
            List<String> rows = new ArrayList<>();
            for (Journey j : table.getItems()) {
                rows.add(cell(table, "Packet", j) + " | " + cell(table, "Verdict", j));
            }
            return rows;
        }).get(5, TimeUnit.SECONDS);
    }

    private static String cell(TableView<Journey> table, String column, Journey j) {
        TableColumn<Journey, ?> c = table.getColumns().stream().filter(x -> x.getText().equals(column)).findFirst().orElseThrow();
        return String.valueOf(c.getCellData(j));
    }

    /** Each journey's summary and verdict as the list words them, e.g. "TCP SYN ✓ delivered", sorted; read on the FX thread. */
    private List<String> shownVerdicts() throws Exception {
        return WaitForAsyncUtils.asyncFx(() -> {
            TableView<Journey> table = window.view().journeys().journeyTable();
            List<String> out = new ArrayList<>();
            for (Journey j : table.getItems()) {
                out.add(j.summary() + " " + cell(table, "Verdict", j));
            }
            out.sort(null);
            return out;
        }).get(5, TimeUnit.SECONDS);
    }

    /** The simulator's ground truth in the same words. */
    private static List<String> trueVerdicts(SimResult sim) {
        List<String> out = new ArrayList<>();
        for (PacketTruth t : sim.truth()) {
            out.add(t.summary() + " " + (t.verdict() == Verdict.DELIVERED ? "✓ delivered" : "✗ dropped at " + t.dropStage()));
        }
        out.sort(null);
        return out;
    }

    /** Waits until the journey list shows exactly the simulated packets' verdicts (then asserts, for a readable failure). */
    private void awaitTrueVerdicts(SimResult sim) throws Exception {
        List<String> expected = trueVerdicts(sim);
        try {
            WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> shownVerdicts().equals(expected));
        } catch (TimeoutException e) {
            assertThat(shownVerdicts()).as("journey list verdicts").isEqualTo(expected);
        }
    }

    @Test
    void theSeedsJourneysAreShownDeliveredBetweenTheDiscoveredApps(FxRobot robot) throws Exception {
        Session s = startSession(robot, "seed", null);
        awaitTrueVerdicts(s.sim());
        assertThat(shownRows()).contains("TCP SYN AppB → AppA:8080 | ✓ delivered");
        Run run = window.model().run();
        assertThat(run.foundation().cells()).extracting(c -> c.name()).containsExactly("cell1", "cell2");
        assertThat(run.foundation().policies()).containsExactly(new Policy("AppB", "AppA", "tcp", 8080, 8080));
    }

    @Test
    void withoutAPolicyTheSynIsShownDroppedAtStep10OnCell2(FxRobot robot) throws Exception {
        Session s = startSession(robot, "no-policy", null);
        awaitTrueVerdicts(s.sim());
        assertThat(shownRows()).contains("TCP SYN AppB → AppA:8080 | ✗ dropped at 10");
        List<Journey> syns = WaitForAsyncUtils.asyncFx(() -> window.view().journeys().journeyTable().getItems().stream()
                .filter(j -> j.summary().equals("TCP SYN")).toList()).get(5, TimeUnit.SECONDS);
        assertThat(syns).isNotEmpty().allSatisfy(j -> {
            assertThat(j.verdict()).isEqualTo(Verdict.DROPPED);
            assertThat(j.dropStage()).isEqualTo(10);
            assertThat(j.dropCell()).isEqualTo("cell2");
        });
        assertThat(window.model().run().foundation().policies()).isEmpty();
    }

    @Test
    void stopEndsEveryTcpdumpAndKeepsTheRecording(FxRobot robot) throws Exception {
        Path recording = dir.resolve("rec.pcapng");
        List<Long> pids = startSession(robot, "seed", recording).pids();
        robot.interact(() -> ((javafx.scene.control.Button) window.livePanel().stage().getScene().lookup("#live-stop")).fire());
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> pids.stream().noneMatch(FakeCell::alive));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> window.livePanel().table().getItems().stream()
                .allMatch(r -> r.state().equals("stopped")));
        assertThat(Files.size(recording)).isGreaterThan(0);
        assertThat(recording.resolveSibling("rec.topology.json")).exists();
    }

    @Test
    void closingTheWindowEndsEveryTcpdump(FxRobot robot) throws Exception {
        List<Long> pids = startSession(robot, "seed", null).pids();
        robot.interact(stage::close);
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> pids.stream().noneMatch(FakeCell::alive));
    }
}
