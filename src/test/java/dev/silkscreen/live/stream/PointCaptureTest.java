package dev.silkscreen.live.stream;

import static org.assertj.core.api.Assertions.assertThat;

import com.jcraft.jsch.JSch;
import com.jcraft.jsch.KeyPair;
import dev.silkscreen.live.fixture.FakeCell;
import dev.silkscreen.live.fixture.TestPrompter;
import dev.silkscreen.live.profile.CaptureSettings;
import dev.silkscreen.live.ssh.AuthMethod;
import dev.silkscreen.live.ssh.SshClient;
import dev.silkscreen.live.ssh.SshSession;
import dev.silkscreen.live.ssh.SshTarget;
import dev.silkscreen.live.ssh.SshTimeouts;
import dev.silkscreen.model.CapturePoint;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PointCaptureTest {
    private static final SshTimeouts FAST = new SshTimeouts(Duration.ofSeconds(3), Duration.ofSeconds(3), Duration.ofSeconds(5), Duration.ofSeconds(1), 2);
    @TempDir
    Path dir;

    @Test
    void aStopThatComesBeforeTheCaptureRunsStartsNoTcpdump() throws Exception {
        KeyPair kp = KeyPair.genKeyPair(new JSch(), KeyPair.ECDSA, 256);
        Path key = dir.resolve("id");
        kp.writePrivateKey(key.toString());
        Files.setPosixFilePermissions(key, PosixFilePermissions.fromString("rw-------"));
        try (FakeCell cell = new FakeCell(Files.createDirectories(dir.resolve("c0")))) {
            cell.authorize(kp.getPublicKeyBlob());
            Path knownHosts = dir.resolve("known_hosts");
            Files.writeString(knownHosts, cell.knownHostsLine("[127.0.0.1]:" + cell.port()));
            SshClient client = new SshClient(knownHosts, null, new TestPrompter(), FAST);
            try (SshSession ssh = client.connect("c0", new SshTarget("127.0.0.1", cell.port(), FakeCell.USER, AuthMethod.KEY, key.toString()), null)) {
                CaptureSettings limits = new CaptureSettings("", 256, Duration.ofSeconds(60), 100_000);
                String command = TcpdumpCommand.build("silk-vtep", "", limits, 30, false, Set.of("silk-vtep"));
                PointCapture capture = new PointCapture(new CapturePoint("c0", "silk-vtep"), ssh, command, false, f -> { }, s -> { });

                capture.stop();
                Thread runner = new Thread(capture);
                runner.start();
                runner.join(5_000);

                long pid = cell.tcpdumpPid("silk-vtep");
                try {
                    assertThat(runner.isAlive()).as("the capture still streams after its stop").isFalse();
                    assertThat(capture.state()).isEqualTo(PointState.STOPPED);
                    assertThat(FakeCell.alive(pid)).as("a tcpdump runs on the cell").isFalse();
                } finally {
                    if (FakeCell.alive(pid)) {
                        ProcessHandle.of(pid).ifPresent(ProcessHandle::destroy);
                    }
                }
            }
        }
    }
}
