package dev.silkscreen.testbed;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.silkscreen.model.Foundation;
import dev.silkscreen.model.TopologyJson;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * Drives {@code src/test/testbed/testbed.sh} from JUnit: checks that this machine can run it
 * (otherwise the e2e tests skip and say why), brings the foundation up per scenario, runs traffic
 * and captures at every point, and tears it all down. Every call has a time limit.
 */
final class TestbedRig {
    static final Path SCRIPT = Path.of("src", "test", "testbed", "testbed.sh").toAbsolutePath();
    static final Path STATE = Path.of("/run/silkscreen-testbed");
    private static final List<String> TOOLS = List.of(
            "ip", "bridge", "iptables", "iptables-restore", "tcpdump", "tshark", "sshd", "ssh", "curl", "ncat", "ping", "setsid", "flock");
    private static final Duration UP_TIMEOUT = Duration.ofSeconds(60);
    private static final Duration LEASE_WAIT = Duration.ofMinutes(10);

    /** What a finished script run printed. */
    record Result(int exit, String out, String err) {
        List<String> lines() {
            return out.isEmpty() ? List.of() : List.of(out.split("\n"));
        }
    }

    private TestbedRig() {
    }

    /**
     * Skips the calling test (with the reason) unless this machine can run the testbed, then takes
     * the testbed for this JVM: one test run at a time uses it (others wait, then skip).
     */
    static void assumeUsable() {
        String reason = missingPrerequisite();
        assumeTrue(reason == null, () -> "testbed e2e skipped: " + reason);
        assumeTrue(TestbedLease.take(LEASE_WAIT), () -> "testbed e2e skipped: another test run held the testbed for "
                + LEASE_WAIT.toMinutes() + " minutes (" + TestbedLease.FILE + ")");
    }

    /** Why the testbed cannot run here, or null when it can. */
    static String missingPrerequisite() {
        if (!System.getProperty("os.name", "").toLowerCase(Locale.ROOT).contains("linux")) {
            return "not Linux (network namespaces, VXLAN)";
        }
        if (!isRoot()) {
            return "not root (network namespaces and iptables need it; .ci/run runs as root)";
        }
        for (String tool : TOOLS) {
            if (find(tool) == null) {
                return tool + " not found (install iproute2 iptables tcpdump tshark openssh-server curl ncat iputils-ping)";
            }
        }
        if (!Files.isExecutable(SCRIPT)) {
            return SCRIPT + " is missing or not executable";
        }
        return null;
    }

    private static boolean isRoot() {
        try {
            return Integer.valueOf(0).equals(Files.getAttribute(Path.of("/proc/self"), "unix:uid"));
        } catch (IOException | UnsupportedOperationException | IllegalArgumentException e) {
            return false;
        }
    }

    private static Path find(String tool) {
        List<String> dirs = new ArrayList<>(Arrays.asList(System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)));
        dirs.addAll(List.of("/usr/sbin", "/sbin", "/usr/bin", "/bin"));
        for (String dir : dirs) {
            Path p = Path.of(dir.isEmpty() ? "." : dir, tool);
            if (Files.isExecutable(p)) {
                return p;
            }
        }
        return null;
    }

    /** Builds the foundation (or switches a running one) to {@code scenario}; fails the test if it cannot. */
    static void up(String scenario) {
        check(script(UP_TIMEOUT, "up", scenario), "up " + scenario);
    }

    static void down() {
        check(script(UP_TIMEOUT, "down"), "down");
    }

    /** The foundation in force (policies, tables and rules of the current scenario), read from the kernel. */
    static Foundation topology() {
        try (var in = Files.newInputStream(STATE.resolve("topology.json"))) {
            return TopologyJson.read(in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the testbed's topology.json", e);
        }
    }

    /** {@code testbed.sh traffic KINDS...}: one result line per kind. */
    static List<String> traffic(String... kinds) {
        List<String> args = new ArrayList<>(List.of("traffic"));
        args.addAll(List.of(kinds));
        return check(script(Duration.ofSeconds(40), args.toArray(String[]::new)), "traffic").lines();
    }

    /**
     * Captures at every point while {@code testbed.sh traffic KINDS...} runs, plus {@code linger}
     * seconds for late frames (retransmissions, ICMP errors); returns the per-point files.
     */
    static PointCaptures capture(Path dir, double linger, String... kinds) {
        List<String> args = new ArrayList<>(List.of("capture", dir.toString(), Double.toString(linger), "--", SCRIPT.toString(), "traffic"));
        args.addAll(List.of(kinds));
        Result r = script(Duration.ofSeconds(60), args.toArray(String[]::new));
        check(r, "capture");
        return PointCaptures.read(dir, r.lines());
    }

    /** Runs a command in a cell ({@code cell1}) or container ({@code AppB/0}) namespace. */
    static Result exec(String where, String... command) {
        List<String> args = new ArrayList<>(List.of("exec", where));
        args.addAll(List.of(command));
        return script(Duration.ofSeconds(20), args.toArray(String[]::new));
    }

    static Result script(Duration timeout, String... args) {
        List<String> cmd = new ArrayList<>();
        cmd.add(SCRIPT.toString());
        cmd.addAll(List.of(args));
        return run(timeout, cmd);
    }

    /** Runs a program, collecting both outputs; kills it (and its descendants) at the time limit. */
    static Result run(Duration timeout, List<String> cmd) {
        try {
            Process p = new ProcessBuilder(cmd).redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null"))).start();
            CompletableFuture<String> out = drain(p.getInputStream());
            CompletableFuture<String> err = drain(p.getErrorStream());
            if (!p.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                p.descendants().forEach(ProcessHandle::destroyForcibly);
                p.destroyForcibly();
                throw new IllegalStateException(String.join(" ", cmd) + ": no result after " + timeout.toSeconds() + " s");
            }
            return new Result(p.exitValue(), out.join(), err.join());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot run " + cmd.get(0), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted running " + cmd.get(0), e);
        }
    }

    private static CompletableFuture<String> drain(java.io.InputStream in) {
        return CompletableFuture.supplyAsync(() -> {
            try (in) {
                return new String(in.readAllBytes(), StandardCharsets.UTF_8);
            } catch (IOException e) {
                return "";
            }
        });
    }

    private static Result check(Result r, String what) {
        if (r.exit() != 0) {
            throw new AssertionError("testbed.sh " + what + " failed (exit " + r.exit() + "): " + r.err().strip());
        }
        return r;
    }
}
