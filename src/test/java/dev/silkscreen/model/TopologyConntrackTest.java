package dev.silkscreen.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.silkscreen.sim.Scenarios;
import dev.silkscreen.sim.Simulator;
import org.junit.jupiter.api.Test;

/** A cell's conntrack figures travel in the topology file. */
class TopologyConntrackTest {
    @Test
    void theFiguresSurviveARoundTripAndCellsWithoutThemStayWithout() {
        Foundation f = Simulator.foundation(Scenarios.named("conntrack-full"), 1);
        String json = TopologyJson.toJson(f);
        assertThat(json).contains("\"conntrack\" : {").contains("\"count\" : 262144");
        Foundation back = TopologyJson.fromJson(json);
        assertThat(back.tablesOf("cell2").conntrack()).isEqualTo(new ConntrackUse(262144, 262144));
        assertThat(back.tablesOf("cell1").conntrack()).isNull();
    }

    @Test
    void badFiguresAreRefusedInOneLine() {
        String json = TopologyJson.toJson(Simulator.foundation(Scenarios.named("conntrack-full"), 1));
        assertThatThrownBy(() -> TopologyJson.fromJson(json.replace("\"max\" : 262144", "\"max\" : \"lots\"")))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("topology file: cell cell2: conntrack needs whole numbers \"count\" and \"max\"");
        assertThatThrownBy(() -> TopologyJson.fromJson(json.replace("\"max\" : 262144", "\"max\" : 0")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("topology file: cell cell2: conntrack count");
    }
}
