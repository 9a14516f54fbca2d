package dev.silkscreen.cf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.silkscreen.model.App;
import dev.silkscreen.model.Foundation;
import dev.silkscreen.model.Instance;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Reading the answers of cf curl (the examples in assets/cf, and bad ones) and naming a foundation's apps with them. */
class CfDirectoryTest {
    private static final Path EXAMPLES = Path.of("assets", "cf");
    private static final String STOREFRONT = "5a0e44b2-7c1d-4f0e-8a3b-2d9c61f4e8b0";
    private static final String ORDERS = "c7de6123-d906-4c65-9d52-1b6a3e0f7a21";
    @TempDir
    Path dir;

    private static CfDirectory examples() throws CfException {
        return new CfDirectory().addTags(EXAMPLES.resolve("tags.json")).addApps(EXAMPLES.resolve("apps.json"))
                .addSpaces(EXAMPLES.resolve("spaces.json"));
    }

    @Test
    void theExampleAnswersNameTagsAppsSpacesAndOrgs() throws CfException {
        CfDirectory d = examples();
        assertThat(d.appOfTag(2)).hasValue(new CfApp(STOREFRONT, "storefront", "e3b1a3f0-2c4d-4b6e-9f10-5a7c8d9e0f12", "shop-prod",
                "0b6f2d8a-91c3-4e57-a2d4-6c8e1f3a5b70", "acme-retail"));
        assertThat(d.appOfTag(1).map(CfApp::name)).hasValue("orders-api");
        assertThat(d.appOfTag(3)).isEmpty();
        assertThat(d.unnamedSpaces()).isEmpty();
        assertThat(d.unnamedOrgs()).isEmpty();
    }

    @Test
    void orgsMayComeFromTheirOwnAnswer() throws Exception {
        Path spacesWithoutOrgs = Files.writeString(dir.resolve("spaces.json"), Files.readString(EXAMPLES.resolve("spaces.json"))
                .replaceAll("(?s),\\s*\"included\".*", "\n}\n"));
        CfDirectory d = new CfDirectory().addApps(EXAMPLES.resolve("apps.json")).addSpaces(spacesWithoutOrgs);
        assertThat(d.app(ORDERS).map(CfApp::orgName)).isEmpty();
        assertThat(d.unnamedOrgs()).containsExactly("0b6f2d8a-91c3-4e57-a2d4-6c8e1f3a5b70");
        d.addOrgs(EXAMPLES.resolve("orgs.json"));
        assertThat(d.app(ORDERS).map(CfApp::where)).hasValue("space shop-prod, org acme-retail");
    }

    @Test
    void badAnswersAreOneLineErrors() throws Exception {
        Path notJson = Files.writeString(dir.resolve("a.json"), "FAILED\nNot logged in. Use 'cf login' to log in.\n");
        assertThatThrownBy(() -> new CfDirectory().addApps(notJson)).isInstanceOf(CfException.class).hasMessageStartingWith(notJson + ": not JSON");
        Path wrong = Files.writeString(dir.resolve("b.json"), "{\"tags\": []}");
        assertThatThrownBy(() -> new CfDirectory().addApps(wrong)).hasMessageContaining("no \"resources\" list; expected the answer of cf curl /v3/apps");
        Path badGuid = Files.writeString(dir.resolve("c.json"), "{\"resources\": [{\"guid\": \"$(reboot)\", \"name\": \"x\"}]}");
        assertThatThrownBy(() -> new CfDirectory().addApps(badGuid)).hasMessageContaining("'guid' is not a GUID");
        Path badTag = Files.writeString(dir.resolve("d.json"), "{\"tags\": [{\"id\": \"" + ORDERS + "\", \"tag\": \"zz\", \"type\": \"app\"}]}");
        assertThatThrownBy(() -> new CfDirectory().addTags(badTag)).hasMessageContaining("is not 1-4 hex digits");
        Path cfError = Files.writeString(dir.resolve("e.json"), "{\"errors\": [{\"detail\": \"You are not authorized to perform the requested action\", \"code\": 10003}]}");
        assertThatThrownBy(() -> new CfDirectory().addApps(cfError)).hasMessageEndingWith("Cloud Foundry answered with an error: You are not authorized to perform the requested action");
        assertThatThrownBy(() -> new CfDirectory().addTags(dir.resolve("missing.json"))).hasMessageEndingWith("missing.json: no such file");
        Path escape = Files.writeString(dir.resolve("f.json"), "not json \u001b]0;owned\u0007");
        assertThatThrownBy(() -> new CfDirectory().addTags(escape)).hasMessageNotContaining("\u001b");
    }

    @Test
    void theFoundationsAppsAreCalledByTheirCfNames() throws CfException {
        Foundation f = new Foundation("t", List.of(), List.of(new App(ORDERS, ORDERS, 1), new App(STOREFRONT, STOREFRONT, 2),
                new App("tag-0003", null, 3)),
                List.of(new Instance(ORDERS, 0, "cell2", "10.255.21.2", "h1"), new Instance(STOREFRONT, 0, "cell1", "10.255.77.2", "h2")),
                List.of(new dev.silkscreen.model.Policy(STOREFRONT, ORDERS, "tcp", 8080, 8080)), Map.of());
        CfNaming n = new CfNaming(f, examples());
        Foundation r = n.renamed();
        assertThat(r.apps()).extracting(App::name).containsExactly("orders-api", "storefront", "tag-0003");
        assertThat(r.instances()).extracting(Instance::app).containsExactly("orders-api", "storefront");
        assertThat(r.policies().get(0).srcApp()).isEqualTo("storefront");
        assertThat(n.ofIp("10.255.77.2").map(CfApp::spaceName)).hasValue("shop-prod");
        assertThat(n.ofIp("10.255.1.1")).isEmpty();
    }

    @Test
    void oneNameInTwoSpacesSaysWhichSpace() throws Exception {
        String other = "11111111-2222-3333-4444-555555555555";
        Path apps = Files.writeString(dir.resolve("apps.json"), "{\"resources\": ["
                + "{\"guid\": \"" + ORDERS + "\", \"name\": \"api\", \"relationships\": {\"space\": {\"data\": {\"guid\": \"e3b1a3f0-2c4d-4b6e-9f10-5a7c8d9e0f12\"}}}},"
                + "{\"guid\": \"" + other + "\", \"name\": \"api\", \"relationships\": {\"space\": {\"data\": {\"guid\": \"99999999-2222-3333-4444-555555555555\"}}}}]}");
        Path spaces = Files.writeString(dir.resolve("spaces.json"), "{\"resources\": ["
                + "{\"guid\": \"e3b1a3f0-2c4d-4b6e-9f10-5a7c8d9e0f12\", \"name\": \"prod\"}, {\"guid\": \"99999999-2222-3333-4444-555555555555\", \"name\": \"dev\"}]}");
        CfDirectory d = new CfDirectory().addApps(apps).addSpaces(spaces);
        Foundation f = new Foundation("t", List.of(), List.of(new App(ORDERS, ORDERS, 1), new App(other, other, 2)), List.of(), List.of(), Map.of());
        assertThat(new CfNaming(f, d).renamed().apps()).extracting(App::name).containsExactly("api (prod)", "api (dev)");
    }
}
