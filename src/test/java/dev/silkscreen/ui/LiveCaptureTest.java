package dev.silkscreen.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.jcraft.jsch.JSch;
import com.jcraft.jsch.KeyPair;
import dev.silkscreen.live.fixture.FakeCell;
import dev.silkscreen.live.profile.AuthMethod;
import dev.silkscreen.live.profile.CaptureSettings;
import dev.silkscreen.live.profile.CellTarget;
import dev.silkscreen.live.profile.FoundationProfile;
import dev.silkscreen.live.profile.SshTarget;
import dev.silkscreen.live.ssh.SshTimeouts;
import dev.silkscreen.model.Frame;
import dev.silkscreen.sim.Scenarios;
import dev.silkscreen.sim.SimResult;
import dev.silkscreen.sim.Simulator;
import dev.silkscreen.ui.live.LiveEnvironment;
import dev.silkscreen.ui.live.LiveRequest;
import dev.silkscreen.ui.source.PipelineSource;
import dev.silkscreen.ui.source.Run;
import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
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
 * {@link FakeCell}: real /bin/sh, a fake tcpdump on a PATH of fakes only) stream the seed
 * scenario's frames; the picture shows the discovered foundation, the journey list fills, and
 * Stop leaves no tcpdump running.
 */
@ExtendWith(ApplicationExtension.class)
class LiveCaptureTest {
    /** The interfaces the fake cells' discovery samples name. */
    private static final String VETH = "s-010255077003";
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

    /** Starts a session on two fake cells recording to {@code recording} (null: no recording); returns the pids of their six tcpdumps. */
    private List<Long> startSession(FxRobot robot, Path recording) throws Exception {
        KeyPair kp = KeyPair.genKeyPair(new JSch(), KeyPair.ECDSA, 256);
        Path key = dir.resolve("id");
        kp.writePrivateKey(key.toString());
        Files.setPosixFilePermissions(key, PosixFilePermissions.fromString("rw-------"));
        Path knownHosts = dir.resolve("known_hosts");
        Files.writeString(knownHosts, "");
        SimResult sim = Simulator.run(Scenarios.named("seed"), 1, 0, null);
        List<CellTarget> targets = new ArrayList<>();
        for (String name : List.of("cell1", "cell2")) {
            FakeCell c = new FakeCell(Files.createDirectories(dir.resolve(name)));
            cells.add(c);
            c.authorize(kp.getPublicKeyBlob());
            for (String iface : List.of(VETH, "silk-vtep", "eth0")) {
                List<Frame> frames = sim.frames().stream().filter(f -> f.point().cell().equals(name)
                        && (iface.equals(VETH) ? f.point().iface().startsWith("s-") : f.point().iface().equals(iface))).toList();
                ByteArrayOutputStream pcap = new ByteArrayOutputStream();
                PcapFile.write(pcap, frames);
                c.serve(iface, pcap.toByteArray());
            }
            Files.writeString(knownHosts, c.knownHostsLine("[127.0.0.1]:" + c.port()), StandardOpenOption.APPEND);
            targets.add(new CellTarget(name, new SshTarget("127.0.0.1", c.port(), FakeCell.USER, AuthMethod.KEY, key.toString()),
                    false, List.of()));
        }
        FoundationProfile profile = new FoundationProfile("fake", null, targets,
                new CaptureSettings("", 256, Duration.ofSeconds(60), 100_000));
        window.setLiveEnvironment(new LiveEnvironment(knownHosts, dir.resolve("no-ssh-config"), null, Map.of(), FAST, "vcap"));

        robot.interact(() -> window.startLive(new LiveRequest(profile, recording)));
        WaitForAsyncUtils.waitFor(40, TimeUnit.SECONDS, () -> window.model().run() != null
                && window.model().run().origin() == Run.Origin.LIVE && !window.view().journeys().journeyTable().getItems().isEmpty());
        WaitForAsyncUtils.waitForFxEvents();
        Run run = window.model().run();
        assertThat(run.foundation().cells()).extracting(c -> c.name()).containsExactly("cell1", "cell2");
        assertThat(window.view().journeys().journeyTable().getItems()).hasSize(run.journeys().size());
        // The seed's own packets, decoded and correlated from the streams. (Verdicts stay open: both fake cells
        // report the same discovery samples, whose veth and NIC are not the seed's.)
        assertThat(run.journeys()).anyMatch(j -> j.summary().equals("TCP SYN"));
        List<Long> pids = new ArrayList<>();
        for (FakeCell c : cells) {
            for (String iface : List.of(VETH, "silk-vtep", "eth0")) {
                pids.add(c.tcpdumpPid(iface));
            }
        }
        assertThat(pids).allMatch(FakeCell::alive);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> window.livePanel().table().getItems().size() == 6
                && window.livePanel().table().getItems().stream().allMatch(r -> r.frames() > 0));
        return pids;
    }

    @Test
    void aLiveSessionShowsItsJourneysAndStopEndsEveryTcpdump(FxRobot robot) throws Exception {
        Path recording = dir.resolve("rec.pcapng");
        List<Long> pids = startSession(robot, recording);
        robot.interact(() -> ((javafx.scene.control.Button) window.livePanel().stage().getScene().lookup("#live-stop")).fire());
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> pids.stream().noneMatch(FakeCell::alive));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> window.livePanel().table().getItems().stream()
                .allMatch(r -> r.state().equals("stopped")));
        assertThat(Files.size(recording)).isGreaterThan(0);
        assertThat(recording.resolveSibling("rec.topology.json")).exists();
    }

    @Test
    void closingTheWindowEndsEveryTcpdump(FxRobot robot) throws Exception {
        List<Long> pids = startSession(robot, null);
        robot.interact(stage::close);
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> pids.stream().noneMatch(FakeCell::alive));
    }
}
