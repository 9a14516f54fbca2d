package dev.silkscreen.testbed;

import static org.assertj.core.api.Assertions.assertThat;

import dev.silkscreen.cli.ExitCodes;
import dev.silkscreen.cli.SilkscreenCli;
import dev.silkscreen.model.Cell;
import dev.silkscreen.model.Foundation;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 19 on the testbed's real cells: {@code trace --live} where cell2's key file is wrong, so
 * only the other cells are captured, and AppB connects to AppA:8081 (no policy admits it). The
 * SYN is placed at step 10 on cell2 — where the ICMP reject's source address (cell2's VTEP) says
 * it was made — with the inference stated, never on cell1; the footer names cell2 with its
 * reason and the exit code is 5.
 */
@Tag("e2e")
class HalfBlindLiveE2ETest {
    @TempDir
    Path dir;

    @BeforeAll
    static void testbed() {
        TestbedRig.assumeUsable();
        TestbedRig.up("seed");
    }

    @Test
    void aDeniedSynSeenOnlyOnCell1IsPlacedAtStepTenOnCell2AndTheExitCodeSaysCell2WasNotWatched() throws Exception {
        Foundation tb = TestbedRig.topology();
        Path wrongKey = dir.resolve("cell2-key-that-is-not-there");
        StringBuilder yaml = new StringBuilder("name: testbed-half-blind\ncapture: {duration: 20s}\ncells:\n");
        for (Cell c : tb.cells()) {
            Path key = c.name().equals("cell2") ? wrongKey : TestbedRig.STATE.resolve("ssh/id_ed25519");
            yaml.append("  - name: ").append(c.name()).append("\n    host: ").append(c.underlayIp())
                    .append("\n    port: 22\n    user: root\n    auth: key\n    keyFile: ").append(key).append('\n');
        }
        Path profile = Files.writeString(dir.resolve("half-blind.yaml"), yaml);
        Path knownHosts = Files.copy(TestbedRig.STATE.resolve("ssh/known_hosts"), dir.resolve("known_hosts"));

        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        AtomicInteger exit = new AtomicInteger(-1);
        Thread cli = new Thread(() -> exit.set(SilkscreenCli.run(new PrintWriter(out, true), new PrintWriter(err, true),
                "trace", "--live", profile.toString(), "--duration", "15s", "--known-hosts", knownHosts.toString(),
                "--ssh-config", dir.resolve("no-ssh-config").toString())), "trace --live");
        cli.start();
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (!err.toString().contains("cell1: connected") && System.nanoTime() < deadline && cli.isAlive()) {
            Thread.sleep(200);
        }
        Thread.sleep(4000); // discovery, then every tcpdump started
        assertThat(cli.isAlive()).as("still capturing: " + err).isTrue();
        List<String> traffic = TestbedRig.traffic("--port", "8081", "http");
        cli.join(Duration.ofSeconds(60).toMillis());

        assertThat(cli.isAlive()).as("trace --live ended").isFalse();
        String table = out.toString();
        assertThat(traffic).singleElement().asString().contains("failed");
        assertThat(table).as(err.toString()).contains(":8081")
                .contains("rejected by policy at step 10 on cell2 (not captured; inferred from its ICMP reject): ICMP port unreachable from")
                .doesNotContain("rejected by policy on cell1");
        assertThat(table).contains("not captured: cell2 (").contains("cannot read key file " + wrongKey).contains("(exit 5)");
        assertThat(exit.get()).isEqualTo(ExitCodes.NOT_ALL_WATCHED);
    }
}
