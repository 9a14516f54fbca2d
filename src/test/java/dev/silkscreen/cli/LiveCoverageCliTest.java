package dev.silkscreen.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.jcraft.jsch.JSch;
import com.jcraft.jsch.KeyPair;
import dev.silkscreen.live.fixture.FakeCell;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code trace --live} on two cells, the second's key file wrong: it finishes, names the cell it
 * could not watch with the reason in full, and exits 5 — with or without {@code --fail-on-drop}.
 */
class LiveCoverageCliTest {
    @TempDir
    Path dir;
    private FakeCell cell;
    private Path profile;
    private Path knownHosts;
    private Path missingKey;
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    @BeforeEach
    void setUp() throws Exception {
        cell = new FakeCell(Files.createDirectories(dir.resolve("cell")));
        KeyPair kp = KeyPair.genKeyPair(new JSch(), KeyPair.ECDSA, 256);
        Path key = dir.resolve("id");
        kp.writePrivateKey(key.toString());
        Files.setPosixFilePermissions(key, PosixFilePermissions.fromString("rw-------"));
        cell.authorize(kp.getPublicKeyBlob());
        knownHosts = dir.resolve("known_hosts");
        Files.writeString(knownHosts, cell.knownHostsLine("[127.0.0.1]:" + cell.port()));
        missingKey = dir.resolve("no-such-key");
        profile = dir.resolve("p.yaml");
        Files.writeString(profile, """
                name: fake
                capture: {duration: 2s}
                cells:
                  - name: cell1
                    host: 127.0.0.1
                    port: %d
                    user: vcap
                    auth: key
                    keyFile: %s
                  - name: cell2
                    host: 127.0.0.1
                    port: %d
                    user: vcap
                    auth: key
                    keyFile: %s
                """.formatted(cell.port(), key, cell.port(), missingKey));
    }

    @AfterEach
    void tearDown() throws Exception {
        cell.close();
    }

    private int trace(String... extra) {
        String[] base = {"trace", "--live", profile.toString(), "--duration", "2s", "--known-hosts", knownHosts.toString(),
                "--ssh-config", dir.resolve("no-ssh-config").toString()};
        String[] all = new String[base.length + extra.length];
        System.arraycopy(base, 0, all, 0, base.length);
        System.arraycopy(extra, 0, all, base.length, extra.length);
        return SilkscreenCli.run(new PrintWriter(out, true), new PrintWriter(err, true), all);
    }

    @Test
    void aCellThatCouldNotBeReachedIsNamedWithItsReasonAndTheExitCodeSaysNotAllWasWatched() {
        assertThat(trace()).as(err.toString()).isEqualTo(ExitCodes.NOT_ALL_WATCHED);
        assertThat(out.toString()).contains("not captured: cell2 (").contains("cannot read key file " + missingKey)
                .contains("(exit 5)").doesNotContain("not captured: cell1");
    }

    @Test
    void failOnDropScriptsSeeItToo() {
        assertThat(trace("--fail-on-drop")).as(err.toString()).isEqualTo(ExitCodes.NOT_ALL_WATCHED);
    }
}
