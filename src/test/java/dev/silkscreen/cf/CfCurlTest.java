package dev.silkscreen.cf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The opt-in {@code cf curl} questions, asked of a fake {@code cf} that records its arguments and
 * answers with the example files: only the fixed read-only requests, GUIDs only from parsing.
 */
class CfCurlTest {
    private static final Path EXAMPLES = Path.of("assets", "cf").toAbsolutePath();
    @TempDir
    Path dir;

    private Path fakeCf(String body) throws Exception {
        Path bin = Files.createDirectories(dir.resolve("bin"));
        Path cf = bin.resolve("cf");
        Files.writeString(cf, "#!/bin/sh\nprintf '%s\\n' \"$@\" >> " + dir.resolve("args") + "\necho --- >> " + dir.resolve("args") + "\n" + body);
        Files.setPosixFilePermissions(cf, PosixFilePermissions.fromString("rwxr-xr-x"));
        return cf;
    }

    private static final String ANSWERS = """
            case "$2" in
              /networking/v1/external/tags) exec cat %1$s/tags.json ;;
              /v3/apps\\?*) exec cat %1$s/apps.json ;;
              /v3/spaces\\?*) exec cat %1$s/spaces.json ;;
              *) echo "unexpected $2" >&2; exit 9 ;;
            esac
            """.formatted(EXAMPLES);

    @Test
    void asksForTheTagsThenTheAppsAndTheirSpacesWithOrgs() throws Exception {
        Path cf = fakeCf(ANSWERS);
        CfDirectory d = new CfCurl(cf, Duration.ofSeconds(20)).fetch(List.of("C7DE6123-D906-4C65-9D52-1B6A3E0F7A21", "$(touch " + dir.resolve("owned") + ")"));
        assertThat(d.appOfTag(2).map(CfApp::where)).hasValue("space shop-prod, org acme-retail");
        List<String> args = Files.readAllLines(dir.resolve("args"));
        assertThat(args).containsExactly(
                "curl", "/networking/v1/external/tags", "---",
                "curl", "/v3/apps?guids=5a0e44b2-7c1d-4f0e-8a3b-2d9c61f4e8b0,c7de6123-d906-4c65-9d52-1b6a3e0f7a21&per_page=5000", "---",
                "curl", "/v3/spaces?guids=e3b1a3f0-2c4d-4b6e-9f10-5a7c8d9e0f12&include=organization&per_page=5000", "---");
        assertThat(dir.resolve("owned")).doesNotExist();
    }

    @Test
    void aCfThatIsNotLoggedInIsOneLineThatSaysSo() throws Exception {
        Path cf = fakeCf("echo 'FAILED' ; echo 'Not logged in. Use cf login to log in.' >&2; exit 1\n");
        assertThatThrownBy(() -> new CfCurl(cf, Duration.ofSeconds(20)).fetch(List.of()))
                .isInstanceOf(CfException.class)
                .hasMessage("cf curl /networking/v1/external/tags: cf exited with 1: Not logged in. Use cf login to log in. (is cf logged in? cf login, then try again)");
    }

    @Test
    void aCfThatHangsIsGivenUpOn() throws Exception {
        Path cf = fakeCf("exec sleep 30\n");
        assertThatThrownBy(() -> new CfCurl(cf, Duration.ofMillis(500)).fetch(List.of())).hasMessageContaining("no answer within");
    }

    @Test
    void cfIsFoundOnThePathButNeverInTheCurrentDirectory() throws Exception {
        Path cf = fakeCf("exit 0\n");
        assertThat(CfCurl.onPath("/nonexistent:" + cf.getParent())).hasValue(cf);
        assertThat(CfCurl.onPath(":/nonexistent")).isEmpty();
        assertThat(CfCurl.onPath(null)).isEmpty();
    }
}
