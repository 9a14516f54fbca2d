package dev.silkscreen.trace;

import dev.silkscreen.model.Frame;
import dev.silkscreen.model.Journey;
import dev.silkscreen.sim.Scenario;
import dev.silkscreen.sim.Scenarios;
import dev.silkscreen.sim.SimResult;
import dev.silkscreen.sim.Simulator;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Scenario → simulate → trace: for any small foundation (cells, apps and instances placed
 * anywhere, policies, TCP/UDP/ICMP traffic to allowed and denied ports), written as YAML and read
 * back, the correlator — seeing only the frames, clocks skewed — agrees with the simulator's
 * ground truth on every packet.
 */
class ScenarioTracePropertyTest {
    private static final List<String> PROTOCOLS = List.of("tcp", "udp", "icmp");

    @Provide
    Arbitrary<String> scenarios() {
        Arbitrary<Integer> cells = Arbitraries.integers().between(1, 4);
        Arbitrary<Integer> apps = Arbitraries.integers().between(2, 4);
        Arbitrary<List<int[]>> placements = Arbitraries.integers().between(0, 99).array(int[].class).ofSize(2).list().ofMinSize(2).ofMaxSize(6);
        Arbitrary<List<int[]>> policies = Arbitraries.integers().between(0, 99).array(int[].class).ofSize(4).list().ofMaxSize(4);
        Arbitrary<List<int[]>> traffic = Arbitraries.integers().between(0, 99).array(int[].class).ofSize(5).list().ofMinSize(1).ofMaxSize(4);
        return Combinators.combine(cells, apps, placements, policies, traffic).as(ScenarioTracePropertyTest::yaml);
    }

    /** The YAML of a foundation; every app gets an instance, then the placements add more. */
    static String yaml(int cells, int apps, List<int[]> placements, List<int[]> policies, List<int[]> traffic) {
        StringBuilder y = new StringBuilder("name: property\nduration: 2s\ncells:\n");
        for (int c = 1; c <= cells; c++) {
            y.append("  - {name: cell").append(c).append("}\n");
        }
        y.append("apps:\n");
        for (int a = 1; a <= apps; a++) {
            y.append("  - {name: app").append(a).append("}\n");
        }
        y.append("instances:\n");
        for (int a = 1; a <= apps; a++) {
            y.append("  - {app: app").append(a).append(", cell: cell").append(1 + a % cells).append("}\n");
        }
        for (int[] p : placements) {
            y.append("  - {app: app").append(1 + p[0] % apps).append(", cell: cell").append(1 + p[1] % cells).append("}\n");
        }
        if (!policies.isEmpty()) {
            y.append("policies:\n");
            for (int[] p : policies) {
                String proto = PROTOCOLS.get(p[2] % 3);
                y.append("  - {from: app").append(1 + p[0] % apps).append(", to: app").append(1 + p[1] % apps)
                        .append(", protocol: ").append(proto);
                if (!proto.equals("icmp")) {
                    y.append(", ports: \"").append(8000 + p[3] % 4).append('"');
                }
                y.append("}\n");
            }
        }
        y.append("traffic:\n");
        int at = 10;
        for (int[] t : traffic) {
            String proto = PROTOCOLS.get(t[2] % 3);
            y.append(String.format(Locale.ROOT, "  - {from: app%d, to: app%d, protocol: %s, port: %d, count: %d, every: 100ms, at: %dms}%n",
                    1 + t[0] % apps, 1 + t[1] % apps, proto, 8000 + t[3] % 5, 1 + t[4] % 3, at));
            at += 150;
        }
        return y.toString();
    }

    @Property(tries = 25)
    void theTraceOfAnySmallScenarioAgreesWithItsTruth(@ForAll("scenarios") String yaml, @ForAll long seed) {
        Scenario s = Scenarios.parse(new ByteArrayInputStream(yaml.getBytes(StandardCharsets.UTF_8)), "property");
        SimResult r = Simulator.run(s, seed, 2_000, Duration.ofSeconds(2));
        List<Frame> frames = SimTraces.skewed(r, seed);
        List<Journey> journeys = SimTraces.trace(frames, r.foundation(), r.foundation(), p -> true);
        if (r.truth().isEmpty()) {
            return; // e.g. every conversation from an app to itself on one container
        }
        try {
            TraceAgreesWithSimulatorTest.assertAgrees(r, frames, journeys);
        } catch (AssertionError e) {
            throw new AssertionError("scenario:\n" + yaml + "\n" + e.getMessage(), e);
        }
    }
}
