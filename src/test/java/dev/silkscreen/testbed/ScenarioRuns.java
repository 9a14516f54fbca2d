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
            TestbedRig.up(scenario);
            run = TestbedRig.capture(root().resolve(key), LINGER, kinds);
            RUNS.put(key, run);
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
