package dev.silkscreen.testbed;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Stream;

/**
 * One captured run per scenario and traffic (its own plan, or the kinds asked) per test JVM: the
 * first test that asks switches the testbed to the scenario and captures at every point; later
 * tests (of any e2e class) read the same files. The files go away when the JVM exits.
 */
final class ScenarioRuns {
    /** Seconds to keep capturing after the traffic, for late ICMP errors and retransmissions. */
    private static final double LINGER = 1.5;
    /** no-route's ICMP host unreachable comes when ARP on silk-vtep gives up, about 3 s after the SYN. */
    private static final double LINGER_NO_ROUTE = 3.0;
    private static final Map<String, PointCaptures> RUNS = new HashMap<>();
    private static Path root;

    private ScenarioRuns() {
    }

    /** The scenario's own traffic plan (the simulator scenario's flows). */
    static PointCaptures of(String scenario) {
        return of(scenario, new String[0]);
    }

    /** The scenario with these traffic kinds ({@code http upload udp bigudp ping}), in order. */
    static synchronized PointCaptures of(String scenario, String... kinds) {
        String key = kinds.length == 0 ? scenario : scenario + "-" + String.join("-", kinds);
        PointCaptures run = RUNS.get(key);
        if (run == null) {
            run = capture(scenario, root().resolve(key), kinds);
            RUNS.put(key, run);
        }
        return run;
    }

    /** Captures, keeping the topology in force beside the files; checks nobody switched the testbed meanwhile. */
    private static PointCaptures capture(String scenario, Path dir, String... kinds) {
        TestbedRig.up(scenario);
        PointCaptures run = TestbedRig.capture(dir, scenario.equals("no-route") ? LINGER_NO_ROUTE : LINGER, kinds);
        try {
            String now = Files.readString(TestbedRig.STATE.resolve("scenario")).strip();
            if (!now.equals(scenario)) {
                throw new AssertionError("the testbed was switched to " + now + " during the " + scenario
                        + " capture: another test run is using it (" + TestbedLease.FILE + ")");
            }
            Files.copy(TestbedRig.STATE.resolve("topology.json"), run.topology());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the testbed's state after the " + scenario + " capture", e);
        }
        return run;
    }

    private static Path root() {
        if (root == null) {
            try {
                root = Files.createTempDirectory("silkscreen-testbed-runs");
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            Path dir = root;
            Runtime.getRuntime().addShutdownHook(new Thread(() -> delete(dir)));
        }
        return root;
    }

    private static void delete(Path dir) {
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // best effort at exit: a temp directory left behind is harmless
        }
    }
}
