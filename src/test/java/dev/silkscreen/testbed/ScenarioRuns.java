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
 * One captured run of each scenario's traffic plan per test JVM: the first test that asks for a
 * scenario switches the testbed to it and captures at every point; later tests (of any e2e class)
 * read the same files. The files go away when the JVM exits.
 */
final class ScenarioRuns {
    /** Seconds to keep capturing after the traffic, for late ICMP errors and retransmissions. */
    private static final double LINGER = 1.5;
    private static final Map<String, PointCaptures> RUNS = new HashMap<>();
    private static Path root;

    private ScenarioRuns() {
    }

    static synchronized PointCaptures of(String scenario) {
        PointCaptures run = RUNS.get(scenario);
        if (run == null) {
            TestbedRig.up(scenario);
            run = TestbedRig.capture(root().resolve(scenario), LINGER);
            RUNS.put(scenario, run);
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
