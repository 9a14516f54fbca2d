package dev.silkscreen.live.ssh;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.jcraft.jsch.JSch;
import com.jcraft.jsch.KeyPair;
import dev.silkscreen.live.fixture.FakeCell;
import dev.silkscreen.live.fixture.TestPrompter;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SshClientTest {
    private static final SshTimeouts FAST = new SshTimeouts(Duration.ofSeconds(3), Duration.ofSeconds(3), Duration.ofSeconds(2), Duration.ofSeconds(1), 2);
    @TempDir
    Path dir;
    private FakeCell cell;
    private final TestPrompter prompter = new TestPrompter();
    private Path knownHosts;

    @BeforeEach
    void setUp() throws Exception {
        cell = new FakeCell(Files.createDirectories(dir.resolve("cell")));
        knownHosts = dir.resolve("known_hosts");
        Files.writeString(knownHosts, cell.knownHostsLine("[127.0.0.1]:" + cell.port()));
    }

    @AfterEach
    void tearDown() throws Exception {
        cell.close();
    }

    private SshClient client(String agentSocket) throws Exception {
        return new SshClient(knownHosts, agentSocket, prompter, FAST);
    }

    private SshTarget target(AuthMethod auth, String keyFile) {
        return new SshTarget("127.0.0.1", cell.port(), FakeCell.USER, auth, keyFile);
    }

    /** Writes a new EC key (PEM, encrypted when passphrase is given) and authorizes it on the fake cell. */
    private Path key(String passphrase) throws Exception {
        KeyPair kp = KeyPair.genKeyPair(new JSch(), KeyPair.ECDSA, 256);
        Path file = dir.resolve("id_" + System.nanoTime());
        if (passphrase == null) {
            kp.writePrivateKey(file.toString());
        } else {
            kp.writePrivateKey(file.toString(), passphrase.getBytes());
        }
        cell.authorize(kp.getPublicKeyBlob());
        Files.setPosixFilePermissions(file, java.nio.file.attribute.PosixFilePermissions.fromString("rw-------"));
        return file;
    }

    @Test
    void keyFileAuthLogsInAndRunsACommand() throws Exception {
        Path key = key(null);
        try (SshSession s = client(null).connect("cell", target(AuthMethod.KEY, key.toString()), null)) {
            ExecResult r = s.exec("echo hello");
            assertThat(r.stdoutText()).isEqualTo("hello\n");
            assertThat(r.exitStatus()).isZero();
        }
    }

    @Test
    void anEncryptedKeyAsksItsPassphraseOnceForManySessions() throws Exception {
        Path key = key("s3cret");
        prompter.passphrase = "s3cret";
        SshClient c = client(null);
        try (SshSession a = c.connect("a", target(AuthMethod.KEY, key.toString()), null);
             SshSession b = c.connect("b", target(AuthMethod.KEY, key.toString()), null)) {
            assertThat(a.isConnected() && b.isConnected()).isTrue();
        }
        assertThat(prompter.passphraseAsks.get()).isEqualTo(1);
    }

    @Test
    void aWrongPassphraseIsAnAuthErrorAfterThreeTries() throws Exception {
        Path key = key("s3cret");
        prompter.passphrase = "nope";
        assertThatThrownBy(() -> client(null).connect("cell", target(AuthMethod.KEY, key.toString()), null))
                .isInstanceOfSatisfying(SshException.class, e -> assertThat(e.kind()).isEqualTo(SshException.Kind.AUTH))
                .hasMessageContaining("passphrase");
        assertThat(prompter.passphraseAsks.get()).isEqualTo(3);
    }

    @Test
    void passwordAuthAsksAndLogsIn() throws Exception {
        prompter.password = FakeCell.PASSWORD;
        try (SshSession s = client(null).connect("cell", target(AuthMethod.PASSWORD, null), null)) {
            assertThat(s.exec("echo ok").stdoutText()).isEqualTo("ok\n");
        }
        assertThat(prompter.passwordAsks.get()).isEqualTo(1);
    }

    @Test
    void aWrongPasswordIsAnAuthError() {
        prompter.password = "wrong";
        assertThatThrownBy(() -> client(null).connect("cell", target(AuthMethod.PASSWORD, null), null))
                .isInstanceOfSatisfying(SshException.class, e -> {
                    assertThat(e.kind()).isEqualTo(SshException.Kind.AUTH);
                    assertThat(e.retryable()).isFalse();
                })
                .hasMessageContaining("authentication refused");
    }

    @Test
    void agentAuthUsesKeysFromARealSshAgent() throws Exception {
        assumeTrue(Files.isExecutable(Path.of("/usr/bin/ssh-agent")) && Files.isExecutable(Path.of("/usr/bin/ssh-add")),
                "needs ssh-agent and ssh-add (openssh-client)");
        Path key = key(null);
        Path sock = dir.resolve("agent.sock");
        Process agent = new ProcessBuilder("/usr/bin/ssh-agent", "-D", "-a", sock.toString()).redirectErrorStream(true).start();
        try {
            for (int i = 0; i < 100 && !Files.exists(sock); i++) {
                Thread.sleep(20);
            }
            ProcessBuilder add = new ProcessBuilder("/usr/bin/ssh-add", key.toString()).redirectErrorStream(true);
            add.environment().put("SSH_AUTH_SOCK", sock.toString());
            Process p = add.start();
            String out = new String(p.getInputStream().readAllBytes());
            assertThat(p.waitFor(10, TimeUnit.SECONDS)).isTrue();
            assumeTrue(p.exitValue() == 0, "ssh-add could not load the test key: " + out);
            try (SshSession s = client(sock.toString()).connect("cell", target(AuthMethod.AGENT, null), null)) {
                assertThat(s.exec("echo agent").stdoutText()).isEqualTo("agent\n");
            }
        } finally {
            agent.destroy();
            agent.waitFor(5, TimeUnit.SECONDS);
        }
    }

    @Test
    void agentAuthWithoutAnAgentSaysSo() {
        assertThatThrownBy(() -> client(null).connect("cell", target(AuthMethod.AGENT, null), null))
                .isInstanceOf(SshException.class).hasMessageContaining("SSH_AUTH_SOCK");
    }

    @Test
    void anUnknownHostIsRefusedShowingItsFingerprint() throws Exception {
        Files.writeString(knownHosts, "");
        Path key = key(null);
        assertThatThrownBy(() -> client(null).connect("cell", target(AuthMethod.KEY, key.toString()), null))
                .isInstanceOfSatisfying(SshException.class, e -> assertThat(e.kind()).as(e.getMessage() + " / " + e.getCause()).isEqualTo(SshException.Kind.HOST_KEY))
                .hasMessageContaining(HostKeyVerifier.fingerprint(cell.hostKeyBlob()))
                .hasMessageContaining("--accept-new-host-key");
        assertThat(prompter.hostKeyAsks).hasSize(1);
        assertThat(Files.readString(knownHosts)).isEmpty();
    }

    @Test
    void anAcceptedNewHostKeyIsRecordedAndNotAskedAgain() throws Exception {
        Files.writeString(knownHosts, "");
        Path key = key(null);
        prompter.acceptHostKeys = true;
        client(null).connect("cell", target(AuthMethod.KEY, key.toString()), null).close();
        assertThat(Files.readString(knownHosts)).contains("[127.0.0.1]:" + cell.port()).contains("ecdsa-sha2-nistp256");
        prompter.acceptHostKeys = false;
        client(null).connect("cell", target(AuthMethod.KEY, key.toString()), null).close();
        assertThat(prompter.hostKeyAsks).hasSize(1);
    }

    @Test
    void aChangedHostKeyIsRefusedWithAWarningAndNeverAsked() throws Exception {
        java.security.KeyPairGenerator g = java.security.KeyPairGenerator.getInstance("EC");
        g.initialize(256);
        byte[] other = FakeCell.blob(g.generateKeyPair().getPublic());
        Files.writeString(knownHosts, "[127.0.0.1]:" + cell.port() + " ecdsa-sha2-nistp256 " + java.util.Base64.getEncoder().encodeToString(other) + "\n");
        Path key = key(null);
        prompter.acceptHostKeys = true;
        assertThatThrownBy(() -> client(null).connect("cell", target(AuthMethod.KEY, key.toString()), null))
                .isInstanceOfSatisfying(SshException.class, e -> assertThat(e.kind()).isEqualTo(SshException.Kind.HOST_KEY))
                .hasMessageContaining("CHANGED");
        assertThat(prompter.hostKeyAsks).isEmpty();
    }

    @Test
    void aChangedHostKeyIsToldToThePrompterWithTheNewFingerprint() throws Exception {
        java.security.KeyPairGenerator g = java.security.KeyPairGenerator.getInstance("EC");
        g.initialize(256);
        byte[] other = FakeCell.blob(g.generateKeyPair().getPublic());
        Files.writeString(knownHosts, "[127.0.0.1]:" + cell.port() + " ecdsa-sha2-nistp256 " + java.util.Base64.getEncoder().encodeToString(other) + "\n");
        Path key = key(null);
        assertThatThrownBy(() -> client(null).connect("cell", target(AuthMethod.KEY, key.toString()), null))
                .isInstanceOf(SshException.class);
        assertThat(prompter.hostKeyChanges).containsExactly("[127.0.0.1]:" + cell.port() + " ecdsa-sha2-nistp256 "
                + HostKeyVerifier.fingerprint(cell.hostKeyBlob()));
    }

    @Test
    void aServerThatNeverSpeaksTimesOut() throws Exception {
        try (ServerSocket silent = new ServerSocket(0, 5, InetAddress.getLoopbackAddress())) {
            Thread acceptor = new Thread(() -> {
                try (Socket s = silent.accept()) {
                    Thread.sleep(30_000);
                } catch (Exception ignored) {
                    // test over
                }
            });
            acceptor.setDaemon(true);
            acceptor.start();
            long t0 = System.nanoTime();
            prompter.password = "any";
            assertThatThrownBy(() -> client(null).connect("cell", new SshTarget("127.0.0.1", silent.getLocalPort(), "vcap", AuthMethod.PASSWORD, null), null))
                    .isInstanceOfSatisfying(SshException.class, e -> assertThat(e.retryable()).isTrue());
            assertThat(Duration.ofNanos(System.nanoTime() - t0)).isLessThan(Duration.ofSeconds(10));
            acceptor.interrupt();
        }
    }

    @Test
    void aCommandThatNeverEndsTimesOut() throws Exception {
        Path key = key(null);
        try (SshSession s = client(null).connect("cell", target(AuthMethod.KEY, key.toString()), null)) {
            long t0 = System.nanoTime();
            assertThatThrownBy(() -> s.exec("exec sleep 30")).isInstanceOf(SshException.class).hasMessageContaining("no answer within");
            assertThat(Duration.ofNanos(System.nanoTime() - t0)).isLessThan(Duration.ofSeconds(6));
        }
    }

    @Test
    void aCellIsReachedThroughTheJumpHost() throws Exception {
        Path key = key(null);
        SshClient c = client(null);
        try (SshSession jump = c.connect("jump", target(AuthMethod.KEY, key.toString()), null);
             SshSession s = c.connect("cell", target(AuthMethod.KEY, key.toString()), jump)) {
            assertThat(s.exec("echo tunnelled").stdoutText()).isEqualTo("tunnelled\n");
        }
    }

    @Test
    void commandOutputIsCollectedWithStderrAndStatus() throws Exception {
        Path key = key(null);
        try (SshSession s = client(null).connect("cell", target(AuthMethod.KEY, key.toString()), null)) {
            ExecResult r = s.exec("echo out; echo err >&2; exit 3");
            assertThat(r.exitStatus()).isEqualTo(3);
            assertThat(r.stderr()).isEqualTo("err\n");
            assertThat(r.why()).isEqualTo("err (exit status 3)");
        }
    }
}
