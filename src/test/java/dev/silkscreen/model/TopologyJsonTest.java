package dev.silkscreen.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TopologyJsonTest {
    private static Foundation sample() {
        Cell c1 = new Cell("cell1", "10.0.16.11", "eth0", 1500, "10.255.77.0/24");
        Cell c2 = new Cell("cell2", "10.0.16.12", "eth0", 1500, "10.255.21.0/24");
        CellTables t = new CellTables(List.of(new Route("10.255.21.0/24", "10.255.21.0", "silk-vtep", null, "silk-daemon")),
                List.of(new Neighbour("10.255.21.0", "ee:ee:0a:ff:15:00", "silk-vtep")),
                List.of(new FdbEntry("ee:ee:0a:ff:15:00", "10.0.16.12", "silk-vtep")));
        return new Foundation("seed", List.of(c1, c2), List.of(new App("AppA", "g-a", 1), new App("AppB", "g-b", 2)),
                List.of(new Instance("AppA", 0, "cell2", "10.255.21.2", "h-1")),
                List.of(new Policy("AppB", "AppA", "tcp", 8080, 8080)),
                Map.of("cell1", List.of("*filter", "COMMIT")), Map.of("cell1", t),
                List.of(new Fault("cell-down", "cell2", null, "cell2 is down")));
    }

    @Test
    void writingThenReadingGivesTheSameFoundation() {
        Foundation f = sample();
        Foundation back = TopologyJson.fromJson(TopologyJson.toJson(f));
        assertThat(back.cells()).isEqualTo(f.cells());
        assertThat(back.apps()).isEqualTo(f.apps());
        assertThat(back.instances()).isEqualTo(f.instances());
        assertThat(back.policies()).isEqualTo(f.policies());
        assertThat(back.rules().get("cell1")).isEqualTo(f.rules().get("cell1"));
        assertThat(back.tablesOf("cell1")).isEqualTo(f.tablesOf("cell1"));
        assertThat(back.faults()).isEqualTo(f.faults());
    }

    @Test
    void aCellWhoseSubnetIsNotANetworkIsRejectedOnReadingWithItsName() {
        String json = "{\"format\":\"" + TopologyJson.FORMAT + "\",\"cells\":[{\"name\":\"cell9\",\"underlayIp\":\"10.0.0.9\","
                + "\"subnet\":\"10.255.9/24\"}]}";
        assertThatThrownBy(() -> TopologyJson.fromJson(json)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("cell9").hasMessageContaining("10.255.9/24");
        String badPrefix = json.replace("10.255.9/24", "10.255.9.0/40");
        assertThatThrownBy(() -> TopologyJson.fromJson(badPrefix)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("10.255.9.0/40");
    }

    @Test
    void derivedFieldsAreWrittenForReaders() {
        String json = TopologyJson.toJson(sample());
        assertThat(json).contains("\"vtepMac\" : \"ee:ee:0a:ff:4d:00\"", "\"veth\" : \"s-010255021002\"",
                "\"tagHex\" : \"0002\"", "\"0001\" : \"AppA\"", "\"overlayMtu\" : 1450");
    }

    @Test
    void aFileOfAnotherFormatIsRefusedWithAReadableMessage() {
        assertThatThrownBy(() -> TopologyJson.fromJson("{\"cells\": []}"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not a topology file");
    }
}
