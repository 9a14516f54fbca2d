package dev.silkscreen.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code trace --cf-*}: the testbed's no-policy capture read with the example cf curl answers of assets/cf. */
class TraceCfNamesTest {
    private static final String CAPTURE = "assets/captures/testbed-no-policy.pcapng";
    private static final String TOPOLOGY = "assets/captures/testbed-no-policy.topology.json";
    @TempDir
    Path dir;
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        return SilkscreenCli.run(new PrintWriter(out, true), new PrintWriter(err, true), args);
    }

    @Test
    void theTableNamesAppsSpacesAndOrgsAndTheTagsOwner() {
        assertThat(run("trace", CAPTURE, "--topology", TOPOLOGY, "--cf-tags", "assets/cf/tags.json", "--cf-apps", "assets/cf/apps.json",
                "--cf-spaces", "assets/cf/spaces.json")).as(err.toString()).isZero();
        assertThat(out.toString()).contains("storefront 10.255.77.2:", "→ orders-api 10.255.21.2:8080 tcp",
                "apps: storefront (space shop-prod, org acme-retail) → orders-api (space shop-prod, org acme-retail); tag 0x0002 = storefront",
                "apps: 10.255.21.0 → storefront (space shop-prod, org acme-retail)");
    }

    @Test
    void theJsonKeepsTheGuidsBesideTheNames() throws Exception {
        assertThat(run("trace", CAPTURE, "--topology", TOPOLOGY, "--json", "--cf-tags", "assets/cf/tags.json", "--cf-apps", "assets/cf/apps.json",
                "--cf-spaces", "assets/cf/spaces.json")).as(err.toString()).isZero();
        JsonNode syn = new ObjectMapper().readTree(out.toString().lines().findFirst().orElseThrow());
        assertThat(syn.path("src_app").asText()).isEqualTo("storefront");
        assertThat(syn.path("src_app_guid").asText()).isEqualTo("5a0e44b2-7c1d-4f0e-8a3b-2d9c61f4e8b0");
        assertThat(syn.path("dst_space").asText()).isEqualTo("shop-prod");
        assertThat(syn.path("dst_org_guid").asText()).isEqualTo("0b6f2d8a-91c3-4e57-a2d4-6c8e1f3a5b70");
        assertThat(syn.path("tag").asInt()).isEqualTo(2);
        assertThat(syn.path("tag_app").asText()).isEqualTo("storefront");
    }

    @Test
    void aTagCfDoesNotKnowStaysItsNumberWithUnknownApp() throws Exception {
        Path tags = Files.writeString(dir.resolve("tags.json"), "{\"tags\": [{\"id\": \"c7de6123-d906-4c65-9d52-1b6a3e0f7a21\", \"tag\": \"0001\", \"type\": \"app\"}]}");
        assertThat(run("trace", CAPTURE, "--cf-tags", tags.toString())).as(err.toString()).isZero();
        assertThat(out.toString()).contains("tag 0x0002 = unknown app");
        out.getBuffer().setLength(0);
        assertThat(run("trace", CAPTURE, "--json", "--cf-tags", tags.toString())).isZero();
        JsonNode syn = new ObjectMapper().readTree(out.toString().lines().findFirst().orElseThrow());
        assertThat(syn.path("tag_app").asText()).isEqualTo("unknown app");
        assertThat(syn.path("tag_app_guid").isNull()).isTrue();
    }

    @Test
    void aBadAnswerFileIsExit2WithOneLine() throws Exception {
        Path bad = Files.writeString(dir.resolve("apps.json"), "FAILED\n");
        assertThat(run("trace", CAPTURE, "--cf-apps", bad.toString())).isEqualTo(ExitCodes.USAGE);
        assertThat(err.toString().strip().lines()).singleElement().satisfies(l -> assertThat(l).startsWith("silkscreen: " + bad + ": not JSON"));
    }
}
