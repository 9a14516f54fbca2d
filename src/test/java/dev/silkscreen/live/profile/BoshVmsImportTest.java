package dev.silkscreen.live.profile;

import dev.silkscreen.live.ssh.AuthMethod;
import dev.silkscreen.live.ssh.SshTarget;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class BoshVmsImportTest {
    private static final SshTarget TEMPLATE = new SshTarget("unused", 0, "vcap", AuthMethod.AGENT, null);

    private static String sample() throws IOException {
        try (InputStream in = BoshVmsImportTest.class.getResourceAsStream("/dev/silkscreen/live/bosh-vms.json")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void diegoCellsBecomeCellsAtTheirFirstIp() throws IOException {
        List<CellTarget> cells = BoshVmsImport.cells(sample(), BoshVmsImport.DEFAULT_GROUPS, TEMPLATE, true);
        assertThat(cells).extracting(CellTarget::name).containsExactly(
                "diego-cell/0b7c2e4a-1f3d-4c5e-8a9b-0c1d2e3f4a5b", "diego-cell/5d6e7f80-9a1b-4c2d-8e3f-4a5b6c7d8e9f");
        assertThat(cells.get(1).ssh().host()).isEqualTo("10.0.17.6");
        assertThat(cells.get(0).ssh().user()).isEqualTo("vcap");
        assertThat(cells.get(0).sudo()).isTrue();
    }

    @Test
    void noMatchingGroupIsAClearError() throws IOException {
        assertThatThrownBy(() -> BoshVmsImport.cells(sample(), java.util.regex.Pattern.compile("router"), TEMPLATE, true))
                .isInstanceOf(ProfileException.class).hasMessageContaining("router");
    }

    @Test
    void otherJsonIsRefused() {
        assertThatThrownBy(() -> BoshVmsImport.cells("{\"a\":1}", BoshVmsImport.DEFAULT_GROUPS, TEMPLATE, true))
                .isInstanceOf(ProfileException.class).hasMessageContaining("bosh vms");
    }
}
