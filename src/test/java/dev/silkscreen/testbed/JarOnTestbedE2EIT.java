package dev.silkscreen.testbed;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.silkscreen.model.Cell;
import dev.silkscreen.model.Foundation;
import dev.silkscreen.model.Instance;
import dev.silkscreen.packaging.Artifact;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.io.TempDir;

/**
 * The shipped jar against the testbed's real OpenSSH sshd, real tcpdump and kernel VXLAN, in both
 * generations the testbed's cells offer: current (port 22: ed25519 host key only, ed25519 user
 * key only, curve25519-sha256 only) and older (port 2222: RSA host key and user key only).
 * {@code java -jar target/silkscreen.jar discover} finds every cell, and {@code trace --live}
 * streams real traffic into a delivered journey. Skips, saying why, where the testbed cannot run.
 */
@Tag("e2e")
class JarOnTestbedE2EIT {
    /** The two sshd of every testbed cell (testbed.sh: sshd_config). */
    enum Generation {
        CURRENT(22, "id_ed25519"), OLDER(2222, "id_rsa");

        final int port;
        final String key;

        Generation(int port, String key) {
            this.port = port;
            this.key = key;
        }
    }

    @TempDir
    Path dir;

    @BeforeAll
    static void testbed() {
        TestbedRig.assumeUsable();
        TestbedRig.up("seed");
    }

    private Path profile(Foundation tb, Generation g, String duration) throws IOException {
        StringBuilder y = new StringBuilder("name: testbed\ncapture: {duration: " + duration + "}\ndefaults: {user: root, port: "
                + g.port + ", auth: key, keyFile: " + TestbedRig.STATE.resolve("ssh").resolve(g.key) + ", sudo: false}\ncells:\n");
        for (Cell c : tb.cells()) {
            y.append("  - {name: ").append(c.name()).append(", host: ").append(c.underlayIp()).append("}\n");
        }
        Files.copy(TestbedRig.STATE.resolve("ssh/known_hosts"), dir.resolve("known_hosts"));
        return Files.writeString(dir.resolve("testbed-" + g.name().toLowerCase() + ".yaml"), y.toString());
    }

    private String[] withSsh(String... args) {
        List<String> all = new ArrayList<>(List.of(args));
        all.addAll(List.of("--known-hosts", dir.resolve("known_hosts").toString(), "--ssh-config", dir.resolve("none").toString()));
        return all.toArray(String[]::new);
    }

    @ParameterizedTest
    @EnumSource(Generation.class)
    void theJarDiscoversEveryCell(Generation g) throws Exception {
        Foundation tb = TestbedRig.topology();
        Artifact.Run r = Artifact.jar(List.of("-Duser.home=" + dir), Map.of(), withSsh("discover", profile(tb, g, "1m").toString()));
        assertThat(r.exit()).as(r.toString()).isZero();
        assertThat(r.err()).as(r.toString()).doesNotContain("negotiation", "failed", "unreachable");
        for (Cell c : tb.cells()) {
            assertThat(r.out()).as(r.toString()).contains("cell " + c.name() + "  underlay " + c.underlayIp(), "lease " + c.subnet());
        }
        for (Instance i : tb.instances()) {
            assertThat(r.out()).as(r.toString()).contains("container " + i.ip());
        }
    }

    @ParameterizedTest
    @EnumSource(Generation.class)
    void theJarTracesLiveTrafficToADeliveredJourney(Generation g) throws Exception {
        Foundation tb = TestbedRig.topology();
        Instance client = instance(tb, "AppB", 0);
        Instance server = instance(tb, "AppA", 0);
        Path out = dir.resolve("trace.jsonl");
        Path err = dir.resolve("trace.err");
        Process p = Artifact.start(Map.of(), out, err, withSsh("trace", "--live", profile(tb, g, "14s").toString(), "--json"));
        // Traffic over most of the capture: the first requests may come before every tcpdump runs.
        long end = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (System.nanoTime() < end && p.isAlive()) {
            Thread.sleep(1500);
            TestbedRig.traffic("http");
        }
        Artifact.Run r = Artifact.finish(p, out, err, Duration.ofSeconds(40));
        assertThat(r.exit()).as(r.toString()).isZero();
        assertThat(r.err()).as(r.toString()).doesNotContain("negotiation", "failed", "unreachable");
        ObjectMapper json = new ObjectMapper();
        List<JsonNode> delivered = new ArrayList<>();
        for (String line : r.out().split("\n")) {
            if (line.isBlank()) {
                continue;
            }
            JsonNode j = json.readTree(line);
            JsonNode flow = j.path("flow");
            if (j.path("verdict").asText().equals("delivered") && flow.path("src").asText().equals(client.ip())
                    && flow.path("dst").asText().equals(server.ip()) && flow.path("dport").asInt() == 8080) {
                delivered.add(j);
            }
        }
        assertThat(delivered).as(r.toString()).isNotEmpty();
        // The whole path was watched: out of AppB's veth on cell1 (step 2) to AppA's on cell2 (step 11).
        assertThat(delivered).as(r.toString()).anySatisfy(j -> {
            List<String> hops = new ArrayList<>();
            j.path("hops").forEach(h -> hops.add(h.path("stage").asInt() + "@" + h.path("point").asText()));
            assertThat(hops).contains("2@" + client.cell() + ":s-" + vethSuffix(client.ip()), "11@" + server.cell() + ":s-" + vethSuffix(server.ip()));
        });
    }

    /** silk-cni's host-side veth name: s- and the container's IPv4, each octet in three digits. */
    private static String vethSuffix(String ip) {
        StringBuilder b = new StringBuilder();
        for (String octet : ip.split("\\.")) {
            b.append(String.format("%03d", Integer.parseInt(octet)));
        }
        return b.toString();
    }

    private static Instance instance(Foundation f, String app, int index) {
        return f.instances().stream().filter(i -> i.app().equals(app) && i.index() == index).findFirst()
                .orElseThrow(() -> new AssertionError("the testbed has no " + app + "/" + index));
    }
}
