package dev.silkscreen.live.discover;

import static org.assertj.core.api.Assertions.assertThat;

import dev.silkscreen.live.fixture.CellPrintouts;
import dev.silkscreen.model.Cell;
import dev.silkscreen.model.Foundation;
import dev.silkscreen.sim.Scenarios;
import dev.silkscreen.sim.Simulator;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Discovery parses what the simulator's foundation would print on each cell ({@link CellPrintouts})
 * back into the same foundation: the fake cells of the live tests describe what they stream.
 */
class SimulatedCellDiscoveryTest {
    private static final Foundation SEED = Simulator.run(Scenarios.named("seed"), 1, 0, null).foundation();

    private static CellSnapshot snapshot(Foundation f, String cell) {
        Map<String, String> out = CellPrintouts.of(f, cell);
        return new CellSnapshot(cell, IpJson.links(out.get("link.json")), IpJson.addresses(out.get("addr.json")),
                IpJson.routes(out.get("route.json")), IpJson.neighbours(out.get("neigh.json")), IpJson.fdb(out.get("fdb.json")),
                IptablesSaveParser.parse(out.get("iptables-save.txt")), ContainerMetadataParser.parse(out.get("store.json")), List.of(),
                out.containsKey("conntrack.txt") ? ConntrackFigures.parse(out.get("conntrack.txt")) : null);
    }

    @Test
    void aFullConntrackTableIsDiscoveredWithItsFigures() {
        Foundation full = Simulator.foundation(Scenarios.named("conntrack-full"), 1);
        Foundation back = discovered(full);
        assertThat(back.tablesOf("cell2").conntrack()).isEqualTo(new dev.silkscreen.model.ConntrackUse(262144, 262144));
        assertThat(back.tablesOf("cell2").conntrack().full()).isTrue();
        assertThat(back.tablesOf("cell1").conntrack()).isNull();
    }

    private static Foundation discovered(Foundation f) {
        List<CellSnapshot> snapshots = new ArrayList<>();
        for (Cell c : f.cells()) {
            snapshots.add(snapshot(f, c.name()));
        }
        return FoundationAssembler.assemble(f.name(), snapshots);
    }

    @Test
    void theSeedsCellsAppsInstancesAndPoliciesAreDiscoveredAsTheSimulatorBuiltThem() {
        Foundation back = discovered(SEED);
        assertThat(back.cells()).isEqualTo(SEED.cells());
        assertThat(back.apps()).containsExactlyInAnyOrderElementsOf(SEED.apps());
        assertThat(back.instances()).containsExactlyInAnyOrderElementsOf(SEED.instances());
        assertThat(back.policies()).isEqualTo(SEED.policies());
    }

    @Test
    void eachCellCapturesOnItsContainerVethsTheVtepAndTheUnderlayNic() {
        assertThat(snapshot(SEED, "cell1").captureInterfaces()).containsExactly("s-010255077002", "silk-vtep", "eth0");
        assertThat(snapshot(SEED, "cell2").captureInterfaces()).containsExactly("s-010255021002", "silk-vtep", "eth0");
    }

    @Test
    void theKernelTablesSilkWroteAreDiscovered() {
        Foundation back = discovered(SEED);
        for (Cell c : SEED.cells()) {
            assertThat(back.tablesOf(c.name()).fdb()).isEqualTo(SEED.tablesOf(c.name()).fdb());
            assertThat(back.tablesOf(c.name()).neighbours()).isEqualTo(SEED.tablesOf(c.name()).neighbours().stream()
                    .filter(n -> n.dev().equals("silk-vtep")).toList());
            assertThat(back.tablesOf(c.name()).routes()).extracting(r -> r.destination() + " via " + r.via() + " dev " + r.dev())
                    .containsAll(SEED.tablesOf(c.name()).routes().stream().map(r -> r.destination() + " via " + r.via() + " dev " + r.dev()).toList());
        }
    }

    @Test
    void aFoundationWithoutPoliciesIsDiscoveredWithoutPolicies() {
        Foundation noPolicy = Simulator.run(Scenarios.named("no-policy"), 1, 0, null).foundation();
        assertThat(discovered(noPolicy).policies()).isEmpty();
        assertThat(discovered(noPolicy).instances()).containsExactlyInAnyOrderElementsOf(noPolicy.instances());
    }
}
