package dev.silkscreen.live.profile;

import dev.silkscreen.live.ssh.AuthMethod;
import dev.silkscreen.live.ssh.SshTarget;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ProfileReaderTest {
    private static final String GOOD = """
            name: prod
            defaults:
              user: vcap
              auth: agent
              sudo: true
            jump:
              host: 10.0.0.6
              user: jumpbox
              auth: key
              keyFile: ~/.ssh/jumpbox.pem
            capture:
              filter: tcp port 8080 or icmp
              snapLength: 128
              duration: 45s
              packets: 5000
            cells:
              - name: diego-cell/0
                host: 10.0.16.5
              - name: diego-cell/1
                host: 10.0.17.6
                port: 2222
                user: root
                sudo: false
                interfaces: [silk-vtep, eth0]
            """;

    @Test
    void readsCellsWithDefaultsApplied() {
        FoundationProfile p = ProfileReader.parse(GOOD);
        assertThat(p.name()).isEqualTo("prod");
        CellTarget c0 = p.cells().get(0);
        assertThat(c0.ssh()).isEqualTo(new SshTarget("10.0.16.5", 0, "vcap", AuthMethod.AGENT, null));
        assertThat(c0.sudo()).isTrue();
        assertThat(c0.interfaces()).isEmpty();
    }

    @Test
    void cellValuesOverrideDefaults() {
        CellTarget c1 = ProfileReader.parse(GOOD).cells().get(1);
        assertThat(c1.ssh().port()).isEqualTo(2222);
        assertThat(c1.ssh().user()).isEqualTo("root");
        assertThat(c1.sudo()).isFalse();
        assertThat(c1.interfaces()).containsExactly("silk-vtep", "eth0");
    }

    @Test
    void readsJumpHostAndCaptureLimits() {
        FoundationProfile p = ProfileReader.parse(GOOD);
        assertThat(p.jump()).isEqualTo(new SshTarget("10.0.0.6", 0, "jumpbox", AuthMethod.KEY, "~/.ssh/jumpbox.pem"));
        assertThat(p.capture()).isEqualTo(new CaptureSettings("tcp port 8080 or icmp", 128, Duration.ofSeconds(45), 5000));
    }

    @Test
    void captureDefaultsAreSmall() {
        FoundationProfile p = ProfileReader.parse("cells: [{host: 10.0.16.5}]");
        assertThat(p.capture().snapLength()).isEqualTo(256);
        assertThat(p.capture().duration()).isEqualTo(Duration.ofMinutes(2));
        assertThat(p.cells().get(0).name()).isEqualTo("10.0.16.5");
    }

    @Test
    void theExampleInAssetsIsAValidProfile() throws Exception {
        Path example = Path.of("assets/profiles/example.yaml");
        FoundationProfile p = ProfileReader.read(example);
        assertThat(p.cells()).isNotEmpty();
        assertThat(Files.readString(example)).contains("#");
    }

    @ParameterizedTest
    @ValueSource(strings = {"password", "passphrase"})
    void secretsAreRefused(String key) {
        assertThatThrownBy(() -> ProfileReader.parse("cells:\n  - host: h1\n    " + key + ": hunter2\n"))
                .isInstanceOf(ProfileException.class).hasMessageContaining("never stored");
    }

    @Test
    void unknownKeysAreRefusedByName() {
        assertThatThrownBy(() -> ProfileReader.parse("cells:\n  - host: h1\n    interface: [eth0]\n"))
                .isInstanceOf(ProfileException.class).hasMessageContaining("unknown key 'interface'");
    }

    @ParameterizedTest
    @ValueSource(strings = {"\"h1; touch /tmp/x\"", "\"$(reboot)\"", "\"`id`\"", "\"h1\\nrm -rf /\"", "\"-oProxyCommand=x\"", "\"h'1\""})
    void hostileHostsAreRefused(String host) {
        assertThatThrownBy(() -> ProfileReader.parse("cells:\n  - host: " + host + "\n"))
                .isInstanceOf(ProfileException.class).hasMessageContaining("host");
    }

    @ParameterizedTest
    @ValueSource(strings = {"\"vcap;id\"", "\"$(id)\"", "\"`id`\"", "\"vcap\\nid\"", "\"-l\"", "\"o'neil\""})
    void hostileUsersAreRefused(String user) {
        assertThatThrownBy(() -> ProfileReader.parse("cells:\n  - host: h1\n    user: " + user + "\n"))
                .isInstanceOf(ProfileException.class).hasMessageContaining("user");
    }

    @ParameterizedTest
    @ValueSource(strings = {"\"eth0;id\"", "\"$(id)\"", "\"`id`\"", "\"eth0\\nid\"", "\"-w\"", "\"a-name-far-too-long\"", "\"eth 0\""})
    void hostileInterfaceNamesAreRefused(String iface) {
        assertThatThrownBy(() -> ProfileReader.parse("cells:\n  - host: h1\n    interfaces: [" + iface + "]\n"))
                .isInstanceOf(ProfileException.class).hasMessageContaining("interface");
    }

    @Test
    void aFilterWithANewlineIsRefused() {
        assertThatThrownBy(() -> ProfileReader.parse("capture:\n  filter: \"tcp\\nid\"\ncells: [{host: h1}]\n"))
                .isInstanceOf(ProfileException.class).hasMessageContaining("control characters");
    }

    @Test
    void aFilterPosingAsAnOptionIsRefused() {
        assertThatThrownBy(() -> ProfileReader.parse("capture:\n  filter: \"-w /etc/passwd\"\ncells: [{host: h1}]\n"))
                .isInstanceOf(ProfileException.class).hasMessageContaining("start with '-'");
    }

    @Test
    void aFilterWithShellCharactersIsKeptVerbatimForQuoting() {
        FoundationProfile p = ProfileReader.parse("capture:\n  filter: \"tcp and $(id) and `id`; x\"\ncells: [{host: h1}]\n");
        assertThat(p.capture().filter()).isEqualTo("tcp and $(id) and `id`; x");
    }

    @Test
    void aCellNameWithAColonIsRefused() {
        assertThatThrownBy(() -> ProfileReader.parse("cells: [{name: \"a:b\", host: h1}]"))
                .isInstanceOf(ProfileException.class).hasMessageContaining("':'");
    }

    @Test
    void durationBeyondTheCapIsRefused() {
        assertThatThrownBy(() -> ProfileReader.parse("capture: {duration: 5h}\ncells: [{host: h1}]"))
                .isInstanceOf(ProfileException.class).hasMessageContaining("between 1s and 1h");
    }

    @Test
    void duplicateCellNamesAreRefused() {
        assertThatThrownBy(() -> ProfileReader.parse("cells: [{name: a, host: h1}, {name: a, host: h2}]"))
                .isInstanceOf(ProfileException.class).hasMessageContaining("used twice");
    }

    @Test
    void noCellsIsAClearError() {
        assertThatThrownBy(() -> ProfileReader.parse("name: x")).isInstanceOf(ProfileException.class).hasMessageContaining("cells");
    }

    @Test
    void writtenProfilesReadBackEqual() {
        FoundationProfile p = ProfileReader.parse(GOOD);
        assertThat(ProfileReader.parse(ProfileWriter.toYaml(p))).isEqualTo(p.withCapture(p.capture()));
    }
}
