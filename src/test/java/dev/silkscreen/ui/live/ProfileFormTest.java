package dev.silkscreen.ui.live;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.silkscreen.live.profile.FoundationProfile;
import dev.silkscreen.live.profile.ProfileException;
import dev.silkscreen.live.profile.ProfileReader;
import dev.silkscreen.live.ssh.AuthMethod;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class ProfileFormTest {
    private static final Path EXAMPLE = Path.of("assets/profiles/example.yaml");

    @Test
    void theDocumentedExampleSurvivesTheFormUnchanged() {
        FoundationProfile example = ProfileReader.read(EXAMPLE);
        assertThat(ProfileForm.of(example).build()).isEqualTo(example);
    }

    @Test
    void editsInTheFormReachTheProfileAndItsYaml() {
        ProfileForm f = ProfileForm.of(ProfileReader.read(EXAMPLE));
        f.cells.get(0).host = "10.0.16.9";
        f.cells.get(0).auth = AuthMethod.PASSWORD;
        f.cells.get(2).interfaces = "silk-vtep";
        f.duration = "30s";
        f.filter = "udp";
        f.jumpHost = "";
        FoundationProfile p = f.build();
        assertThat(p.cells().get(0).ssh().host()).isEqualTo("10.0.16.9");
        assertThat(p.cells().get(0).ssh().auth()).isEqualTo(AuthMethod.PASSWORD);
        assertThat(p.cells().get(2).interfaces()).containsExactly("silk-vtep");
        assertThat(p.capture().duration()).isEqualTo(Duration.ofSeconds(30));
        assertThat(p.jump()).isNull();
        assertThat(ProfileReader.parse(f.toYaml())).isEqualTo(p);
    }

    @Test
    void aHostileHostIsRefusedWithTheProfileReadersMessage() {
        ProfileForm f = ProfileForm.of(ProfileReader.read(EXAMPLE));
        f.cells.get(1).host = "10.0.0.1; rm -rf /";
        assertThatThrownBy(f::build).isInstanceOf(ProfileException.class).hasMessageContaining("cells[1].host");
    }

    @Test
    void aDurationOverTheCapIsRefused() {
        ProfileForm f = ProfileForm.of(ProfileReader.read(EXAMPLE));
        f.duration = "2h";
        assertThatThrownBy(f::build).isInstanceOf(ProfileException.class).hasMessageContaining("capture.duration");
    }

    @Test
    void aPortThatIsNotANumberSaysWhichField() {
        ProfileForm f = ProfileForm.of(ProfileReader.read(EXAMPLE));
        f.cells.get(0).port = "twenty-two";
        assertThatThrownBy(f::build).isInstanceOf(ProfileException.class).hasMessageContaining("cells[0].port");
    }

    @Test
    void importedBoshCellsAreReachedLikeTheFirstRow() throws Exception {
        ProfileForm f = new ProfileForm();
        ProfileForm.CellRow first = new ProfileForm.CellRow();
        first.name = "diego-cell/0b7c2e4a-1f3d-4c5e-8a9b-0c1d2e3f4a5b";
        first.host = "10.0.16.5";
        first.user = "ops";
        first.auth = AuthMethod.KEY;
        first.keyFile = "~/.ssh/cells.pem";
        f.cells.add(first);
        String json;
        try (InputStream in = ProfileFormTest.class.getResourceAsStream("/dev/silkscreen/live/bosh-vms.json")) {
            json = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        assertThat(f.importBoshVms(json)).isEqualTo(1);
        FoundationProfile p = f.build();
        assertThat(p.cells()).hasSize(2);
        assertThat(p.cells().get(1).ssh().host()).isEqualTo("10.0.17.6");
        assertThat(p.cells().get(1).ssh().user()).isEqualTo("ops");
        assertThat(p.cells().get(1).ssh().keyFile()).isEqualTo("~/.ssh/cells.pem");
    }
}
