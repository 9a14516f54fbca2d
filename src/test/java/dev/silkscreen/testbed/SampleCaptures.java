package dev.silkscreen.testbed;

import java.nio.file.Path;
import java.util.List;

/** The sample captures under {@code assets/captures/}: real testbed captures, one per scenario. */
final class SampleCaptures {
    static final Path DIR = Path.of("assets", "captures");
    /** Scenarios kept as samples: one delivered, one rejected by policy, one lost to a stale FDB, one too big. */
    static final List<String> SCENARIOS = List.of("seed", "no-policy", "stale-fdb", "mtu");

    private SampleCaptures() {
    }

    /** The traffic of each sample: the scenario's plan, except mtu, which also shows small packets passing. */
    static String[] kinds(String scenario) {
        return scenario.equals("mtu") ? new String[] {"bigudp", "http"} : new String[0];
    }

    static Path pcapng(String scenario) {
        return DIR.resolve("testbed-" + scenario + ".pcapng");
    }

    static Path topology(String scenario) {
        return DIR.resolve("testbed-" + scenario + ".topology.json");
    }
}
