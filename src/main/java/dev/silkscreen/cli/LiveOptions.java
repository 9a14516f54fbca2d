package dev.silkscreen.cli;

import dev.silkscreen.live.profile.BoshEnvironment;
import dev.silkscreen.live.profile.FoundationProfile;
import dev.silkscreen.live.profile.ProfileException;
import dev.silkscreen.live.profile.ProfileReader;
import dev.silkscreen.live.profile.SshConfigLookup;
import dev.silkscreen.live.ssh.SshClient;
import dev.silkscreen.live.ssh.SshTimeouts;
import dev.silkscreen.live.stream.LiveListener;
import dev.silkscreen.live.stream.PointState;
import dev.silkscreen.live.stream.PointStats;
import dev.silkscreen.model.SafeText;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** Options shared by the verbs that connect to cells ({@code discover}, {@code live}, {@code trace --live}). */
public final class LiveOptions {

    @Option(names = "--accept-new-host-key",
            description = "Trust a cell or jump host not yet in known_hosts (its fingerprint is printed and recorded).")
    boolean acceptNewHostKey;

    @Option(names = "--known-hosts", paramLabel = "FILE", description = "known_hosts file (default ~/.ssh/known_hosts).")
    Path knownHosts;

    @Option(names = "--ssh-config", paramLabel = "FILE", description = "OpenSSH client config (default ~/.ssh/config).")
    Path sshConfig;

    @Option(names = "--duration", paramLabel = "D", description = "Capture for this long (e.g. 30s, 5m; default: the profile's capture.duration).")
    String duration;

    @Option(names = "--record", paramLabel = "FILE.pcapng",
            description = "Also record the session: pcapng (one interface per CELL:IFACE) and FILE.topology.json beside it.")
    Path record;

    /** The profile, with the jump host from BOSH_ALL_PROXY / BOSH_GW_* when it names none, and --duration applied. */
    FoundationProfile profile(Path file) {
        try {
            FoundationProfile p = ProfileReader.read(file);
            if (p.jump() == null) {
                p = BoshEnvironment.jumpHost(System.getenv()).map(p::withJump).orElse(p);
            }
            if (duration != null) {
                p = p.withCapture(p.capture().withDuration(ProfileReader.duration("--duration", duration)));
            }
            return p;
        } catch (ProfileException e) {
            throw new UserException(e.getMessage());
        }
    }

    SshClient client(PrintWriter err) {
        Path kh = knownHosts != null ? knownHosts : Path.of(System.getProperty("user.home"), ".ssh", "known_hosts");
        try {
            return new SshClient(kh, System.getenv("SSH_AUTH_SOCK"), new ConsolePrompter(acceptNewHostKey, err), SshTimeouts.defaults());
        } catch (IOException e) {
            throw new UserException(e.getMessage());
        }
    }

    SshConfigLookup sshConfigLookup() {
        Path file = sshConfig != null ? sshConfig : Path.of(System.getProperty("user.home"), ".ssh", "config");
        try {
            return SshConfigLookup.load(file);
        } catch (ProfileException e) {
            throw new UserException(e.getMessage());
        }
    }

    static String defaultUser() {
        return System.getProperty("user.name", "vcap");
    }

    /** Prints connection changes, warnings and point failures to stderr, one line each. */
    static LiveListener stderrListener(PrintWriter err) {
        return new LiveListener() {
            @Override
            public void cell(String cell, String state, String message) {
                line(cell + ": " + state + (message == null ? "" : " (" + message + ")"));
            }

            @Override
            public void point(PointStats s) {
                if (s.state() == PointState.FAILED || s.state() == PointState.LOST) {
                    line(s.point() + ": " + s.state().name().toLowerCase() + (s.message() == null ? "" : ": " + s.message()));
                }
            }

            @Override
            public void warning(String message) {
                line("warning: " + message);
            }

            private void line(String text) {
                synchronized (err) {
                    err.println("silkscreen: " + SafeText.line(text));
                    err.flush();
                }
            }
        };
    }

    /** One line per point: frames, bytes, kernel drops, state. */
    static void printStats(PrintWriter err, Iterable<PointStats> stats) {
        for (PointStats s : stats) {
            err.printf("silkscreen: %-40s %8d frames %10d bytes %s drops  %s%s%n", SafeText.line(s.point()), s.frames(), s.bytes(),
                    s.drops() < 0 ? "?" : Long.toString(s.drops()), s.state().name().toLowerCase(),
                    s.message() == null ? "" : " (" + SafeText.line(s.message()) + ")");
        }
        err.flush();
    }
}
