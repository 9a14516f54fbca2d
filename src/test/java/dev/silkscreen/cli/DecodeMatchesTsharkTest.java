package dev.silkscreen.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
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

    /**
     * Makes fresh captures with make-captures.sh (two network namespaces, real kernel VXLAN-GBP,
     * real tcpdump) and cross-checks them too, so the kept files and the script stay honest.
     */
    @Test
    @Tag("e2e")
    void decodeAgreesWithTsharkOnFreshCapturesFromNetworkNamespaces() throws Exception {
        assumeTrue(TsharkCrossCheck.tsharkAvailable(), "tshark is not installed: cross-check skipped");
        assumeTrue(canMakeNamespaces(), "needs root with iproute2, iptables, tcpdump and ncat, and network namespaces");
        Path script = resource("make-captures.sh");
        Path log = dir.resolve("make-captures.log");
        Process p = new ProcessBuilder("bash", script.toString(), dir.toString())
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        boolean done = p.waitFor(120, TimeUnit.SECONDS);
        if (!done) {
            p.destroy();
        }
        assertThat(done).as("make-captures.sh finished in 2 minutes").isTrue();
        assertThat(p.exitValue()).as("make-captures.sh output: %s", Files.readString(log)).isZero();

        List<String> mismatches = new ArrayList<>();
        for (String name : realCaptures().toList()) {
            mismatches.addAll(TsharkCrossCheck.mismatches(dir.resolve(name)));
        }

        assertThat(mismatches).isEmpty();
        assertThat(TsharkCrossCheck.ours(dir.resolve("underlay-eth.pcap"))).anyMatch(f -> f.path("gbp").asInt(-1) == 4);
    }

    private static boolean canMakeNamespaces() {
        try {
            for (String tool : List.of("ip", "iptables", "tcpdump", "ncat", "ping", "bridge")) {
                if (new ProcessBuilder("sh", "-c", "command -v " + tool).start().waitFor() != 0) {
                    return false;
                }
            }
            Process add = new ProcessBuilder("ip", "netns", "add", "sdc-probe").redirectErrorStream(true).start();
            add.getInputStream().readAllBytes();
            boolean ok = add.waitFor() == 0;
            new ProcessBuilder("ip", "netns", "del", "sdc-probe").redirectErrorStream(true).start().waitFor();
            return ok;
        } catch (IOException | InterruptedException e) {
            return false;
        }
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
