package dev.silkscreen.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Topology files that used to crash a trace or flood its error line (issue 15). */
class HostileTopologyTest {
    private static Foundation read(String json) throws Exception {
        return TopologyJson.read(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)));
    }

    private static String cell(String name, String underlay) {
        return "{\"format\":\"" + TopologyJson.FORMAT + "\",\"name\":\"f\",\"cells\":[{\"name\":\"" + name
                + "\",\"underlayIp\":\"" + underlay + "\",\"subnet\":\"10.255.1.0/24\"}]}";
    }

    @Test
    void aGoodCellReads() throws Exception {
        assertThat(read(cell("cell1", "10.0.16.11")).cells()).hasSize(1);
    }

    @Test
    void aMissingFieldQuotesAShortExcerptNotTheWholeNode() {
        String big = "x".repeat(2_000_000);
        String json = "{\"format\":\"" + TopologyJson.FORMAT + "\",\"cells\":[{\"underlayIp\":\"10.0.16.11\",\"pad\":\"" + big + "\"}]}";

        assertThatThrownBy(() -> read(json)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("missing \"name\"")
                .satisfies(e -> assertThat(e.getMessage().length()).isLessThan(300));
    }

    @Test
    void aLongBadTokenIsQuotedShort() {
        // found by TopologyJsonFuzzTest: Jackson quotes up to 256 characters of a bad token
        assertThatThrownBy(() -> read("t" + "\u0007".repeat(400))).isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("not a topology file: Unrecognized token")
                .satisfies(e -> assertThat(e.getMessage().length()).isLessThan(220));
    }

    @Test
    void aCellUnderlayAddressThatIsNotIpv4IsRefused() {
        assertThatThrownBy(() -> read(cell("cell1", "fe80::1"))).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("underlayIp \"fe80::1\" is not an IPv4 address");
    }

    @Test
    void aCellNameWithAColonIsRefused() {
        assertThatThrownBy(() -> read(cell("a:b", "10.0.16.11"))).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("has a ':'");
    }
}
