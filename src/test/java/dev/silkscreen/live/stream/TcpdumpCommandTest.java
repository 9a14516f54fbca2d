package dev.silkscreen.live.stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.silkscreen.live.profile.CaptureSettings;
import dev.silkscreen.live.profile.ProfileException;
import java.time.Duration;
import java.util.Set;
import org.junit.jupiter.api.Test;

class TcpdumpCommandTest {
    private static final CaptureSettings LIMITS = new CaptureSettings("", 256, Duration.ofSeconds(30), 1000);
    private static final Set<String> FOUND = Set.of("eth0", "silk-vtep", "s-010255077003");

    @Test
    void everyWordAfterExecIsQuotedAndTheCapsAreThere() {
        String cmd = TcpdumpCommand.build("silk-vtep", "tcp port 8080", LIMITS, 30, false, FOUND);
        assertThat(cmd).isEqualTo("echo $$; exec 'timeout' '-k' '5' '30' 'tcpdump' '-i' 'silk-vtep' '--immediate-mode' '-U' '-n' '-s' '256' '-c' '1000' '-w' '-' '--' 'tcp port 8080'");
    }

    @Test
    void sudoIsNonInteractive() {
        assertThat(TcpdumpCommand.build("eth0", "", LIMITS, 5, true, FOUND)).startsWith("echo $$; exec 'sudo' '-n' 'timeout'");
    }

    @Test
    void noFilterNoSeparator() {
        assertThat(TcpdumpCommand.build("eth0", "", LIMITS, 5, false, FOUND)).endsWith("'-w' '-'");
    }

    @Test
    void anInterfaceTheCellDoesNotHaveIsRefused() {
        assertThatThrownBy(() -> TcpdumpCommand.build("eth9", "", LIMITS, 5, false, FOUND))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not found on the cell");
    }

    @Test
    void aHostileInterfaceIsRefusedEvenIfSomehowDiscovered() {
        assertThatThrownBy(() -> TcpdumpCommand.build("x;id", "", LIMITS, 5, false, Set.of("x;id")))
                .isInstanceOf(ProfileException.class);
    }

    @Test
    void aFilterWithANewlineIsRefused() {
        assertThatThrownBy(() -> TcpdumpCommand.build("eth0", "tcp\nid", LIMITS, 5, false, FOUND)).isInstanceOf(ProfileException.class);
    }

    @Test
    void theUnderlayNicSeesVxlanOnly() {
        assertThat(TcpdumpCommand.filterFor("eth0", "eth0", LIMITS.withFilter("tcp"))).isEqualTo("udp dst port 4789");
        assertThat(TcpdumpCommand.filterFor("silk-vtep", "eth0", LIMITS.withFilter("tcp"))).isEqualTo("tcp");
    }

    @Test
    void killTargetsOnlyAValidPid() {
        assertThat(TcpdumpCommand.kill(4242, true)).isEqualTo("'sudo' '-n' 'kill' '-s' 'TERM' '4242'");
        assertThatThrownBy(() -> TcpdumpCommand.kill(1, false)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void reapingChecksThePidStillNamesTheCaptureBeforeKilling() {
        assertThat(TcpdumpCommand.reap(java.util.List.of(42L, 43L), false)).isEqualTo(
                "for p in '42' '43'; do if [ \"$(cat /proc/$p/comm 2>/dev/null)\" = 'timeout' ]; then kill -s TERM \"$p\"; fi; done; true");
    }

    @Test
    void reapingOnlyTheCapturesTimeoutProcessesInARealShell() throws Exception {
        Process sleeper = new ProcessBuilder("timeout", "30", "sleep", "30").start();
        Process bystander = new ProcessBuilder("sleep", "30").start();
        try {
            Process sh = new ProcessBuilder("/bin/sh", "-c", TcpdumpCommand.reap(java.util.List.of(sleeper.pid(), bystander.pid()), false)).start();
            assertThat(sh.waitFor(5, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
            assertThat(sleeper.waitFor(5, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
            assertThat(bystander.isAlive()).isTrue();
        } finally {
            sleeper.destroyForcibly();
            bystander.destroyForcibly();
        }
    }

    @Test
    void kernelDropsAreReadFromTheExitStatistics() {
        assertThat(TcpdumpStderr.drops("17 packets dropped by kernel")).isEqualTo(17);
        assertThat(TcpdumpStderr.drops("3 packets captured")).isEqualTo(-1);
    }

    @Test
    void failuresAreExplained() {
        assertThat(TcpdumpStderr.explain("tcpdump: eth9: No such device exists", 1)).contains("interface is gone");
        assertThat(TcpdumpStderr.explain("sh: 1: exec: tcpdump: not found", 127)).contains("not installed");
        assertThat(TcpdumpStderr.explain("tcpdump: eth0: You don't have permission to capture on that device", 1)).contains("sudo: true");
        assertThat(TcpdumpStderr.explain("sudo: a password is required", 1)).contains("passwordless sudo");
    }
}
