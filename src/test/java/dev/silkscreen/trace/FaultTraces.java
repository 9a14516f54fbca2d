package dev.silkscreen.trace;

import dev.silkscreen.model.Foundation;
import dev.silkscreen.model.Frame;
import dev.silkscreen.model.Journey;
import dev.silkscreen.sim.Scenarios;
import dev.silkscreen.sim.SimResult;
import dev.silkscreen.sim.Simulator;
import java.util.ArrayList;
import java.util.List;

/**
 * Test support: a scenario simulated, its frames skewed per cell, traced as the CLI does (through
 * a {@link Diagnosis} and {@link Connections}), with or without the topology file.
 */
final class FaultTraces {
    static final long SEED = 7;

    record Run(SimResult sim, List<Journey> journeys, List<Connections.Connection> connections, List<Diagnosis.Finding> findings) {
        List<String> kinds() {
            return findings.stream().map(Diagnosis.Finding::kind).toList();
        }

        Diagnosis.Finding finding(String kind) {
            return findings.stream().filter(f -> f.kind().equals(kind)).findFirst()
                    .orElseThrow(() -> new AssertionError("no " + kind + " finding in " + findings));
        }
    }

    private FaultTraces() {
    }

    static Run run(String scenario, boolean withTopology) {
        SimResult r = Simulator.run(Scenarios.resolve(scenario), SEED, 20_000, null);
        return trace(r, SimTraces.skewed(r, SEED), withTopology ? r.foundation() : null);
    }

    static Run trace(SimResult r, List<Frame> frames, Foundation topology) {
        return trace(r, frames, topology, null);
    }

    /** @param cfPolicies the policies CF holds (between app GUIDs), or null when not given */
    static Run trace(SimResult r, List<Frame> frames, Foundation topology, List<dev.silkscreen.model.Policy> cfPolicies) {
        List<Journey> journeys = new ArrayList<>();
        List<Connections.Connection> connections = new ArrayList<>();
        Diagnosis diagnosis = new Diagnosis();
        if (cfPolicies != null) {
            diagnosis.cfPolicies(cfPolicies);
        }
        Connections grouping = new Connections(100_000, topology, c -> {
            connections.add(c);
            diagnosis.add(c);
        });
        Tracer.Outcome o;
        try {
            o = Tracer.run(diagnosis.watch(new FrameListSource(frames, r.foundation())), topology,
                    TraceSettings.defaults().withCapacity(1_000_000), j -> {
                        journeys.add(j);
                        diagnosis.add(j);
                        grouping.add(j);
                    });
        } catch (java.io.IOException | InterruptedException e) {
            throw new AssertionError(e);
        }
        grouping.useTopology(o.foundation());
        grouping.finish();
        return new Run(r, journeys, connections, diagnosis.findings(o.foundation()));
    }
}
