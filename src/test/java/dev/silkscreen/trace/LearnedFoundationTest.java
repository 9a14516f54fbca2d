package dev.silkscreen.trace;

import static org.assertj.core.api.Assertions.assertThat;

import dev.silkscreen.model.Cell;
import dev.silkscreen.model.Foundation;
import dev.silkscreen.model.Instance;
import dev.silkscreen.pipeline.ScenarioSource;
import dev.silkscreen.sim.Scenarios;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Without a topology file, the trace hands back the foundation the correlator learned from the frames. */
class LearnedFoundationTest {

    private static Tracer.Outcome trace(String scenario, Foundation topology) throws Exception {
        List<Object> journeys = new ArrayList<>();
        return Tracer.run(new ScenarioSource(Scenarios.named(scenario), 1, 0, null), topology, TraceSettings.defaults(), journeys::add);
    }

    @Test
    void cellsUnderlayAddressesAndLeasesAreTheOnesTheFramesShow() throws Exception {
        Foundation truth = new ScenarioSource(Scenarios.named("seed"), 1, 0, null).foundation();
        Foundation learned = trace("seed", null).foundation();

        assertThat(learned.cells()).extracting(Cell::name, Cell::underlayIp, Cell::subnet, Cell::underlayNic)
                .containsExactlyElementsOf(truth.cells().stream()
                        .map(c -> org.assertj.core.groups.Tuple.tuple(c.name(), c.underlayIp(), c.subnet(), c.underlayNic())).toList());
        assertThat(learned.apps()).isEmpty();
        assertThat(learned.policies()).isEmpty();
    }

    @Test
    void everyContainerThatSentOrReceivedIsPlacedOnItsCellUnderNoAppName() throws Exception {
        Foundation truth = new ScenarioSource(Scenarios.named("seed"), 1, 0, null).foundation();
        Foundation learned = trace("seed", null).foundation();

        assertThat(learned.instances()).isNotEmpty().allSatisfy(i -> {
            assertThat(i.app()).isEqualTo(Topology.UNKNOWN_APP);
            Instance real = truth.instanceByIp(i.ip()).orElseThrow();
            assertThat(i.cell()).isEqualTo(real.cell());
        });
    }

    @Test
    void aGivenTopologyIsTheOneTracedAgainst() throws Exception {
        Foundation truth = new ScenarioSource(Scenarios.named("seed"), 1, 0, null).foundation();
        assertThat(trace("seed", truth).foundation()).isSameAs(truth);
    }
}
