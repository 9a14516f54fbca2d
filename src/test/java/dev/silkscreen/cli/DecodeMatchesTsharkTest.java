package dev.silkscreen.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Cross-checks {@code decode --json} against {@code tshark -T fields}, field by field and frame by
 * frame, on captures real tcpdump wrote (src/test/resources/captures, see the README there) and on
 * crafted edge cases written with our PcapngWriter (which also proves tshark reads our pcapng).
 *
 * The comparison itself is {@link TsharkCrossCheck}.
 */
@Tag("tshark")
class DecodeMatchesTsharkTest {
    @TempDir
    Path dir;

    static Stream<String> realCaptures() {
        return Stream.of("underlay-eth.pcap", "underlay-snap96.pcap", "vtep-eth-nanos.pcap", "any-sll.pcap", "any-sll2.pcap");
    }

    @ParameterizedTest
    @MethodSource("realCaptures")
    void decodeAgreesWithTsharkOnCapturesTcpdumpWrote(String name) throws Exception {
        Path file = resource(name);

        List<String> mismatches = TsharkCrossCheck.mismatches(file);

        assertThat(mismatches).isEmpty();
    }

    @Test
    void decodeAgreesWithTsharkOnCraftedEdgeCases() throws Exception {
        Path file = CraftedCaptures.write(dir);

        List<String> mismatches = TsharkCrossCheck.mismatches(file);

        assertThat(mismatches).isEmpty();
    }

    @Test
    void realCapturesCoverVxlanWithAndWithoutGbpAndIcmpErrorsQuotingTcp() throws Exception {
        List<JsonNode> frames = TsharkCrossCheck.ours(resource("underlay-eth.pcap"));

        assertThat(frames).anyMatch(f -> f.path("gbp").asInt(-1) == 4);
        assertThat(frames).anyMatch(f -> f.has("vni") && !f.has("gbp"));
        assertThat(frames).anyMatch(f -> f.path("quoted").path("proto").asText().equals("tcp") && f.path("quoted").has("seq"));
        assertThat(frames).anyMatch(f -> f.path("quoted").path("proto").asText().equals("udp"));
    }

    private static Path resource(String name) throws URISyntaxException {
        return Path.of(Objects.requireNonNull(DecodeMatchesTsharkTest.class.getResource("/captures/" + name), name).toURI());
    }
}
