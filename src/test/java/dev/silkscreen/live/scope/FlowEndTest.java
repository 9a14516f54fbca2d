package dev.silkscreen.live.scope;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.silkscreen.model.Ipv4;
import org.junit.jupiter.api.Test;

class FlowEndTest {
    @Test
    void anAppWithAnInstanceIndex() throws ScopeException {
        assertThat(FlowEnd.parse("--from", "AppB/0", false)).isEqualTo(new FlowEnd("AppB", 0, 0, -1));
    }

    @Test
    void anAppWithAPort() throws ScopeException {
        assertThat(FlowEnd.parse("--to", "AppA:8080", true)).isEqualTo(new FlowEnd("AppA", -1, 0, 8080));
        assertThat(FlowEnd.parse("--to", "AppA/1:8080", true)).isEqualTo(new FlowEnd("AppA", 1, 0, 8080));
    }

    @Test
    void anOverlayAddressWithAndWithoutAPort() throws ScopeException {
        assertThat(FlowEnd.parse("--to", "10.255.21.2:9000", true)).isEqualTo(new FlowEnd(null, -1, Ipv4.parse("10.255.21.2"), 9000));
        assertThat(FlowEnd.parse("--from", "10.255.77.2", false).ip()).isEqualTo(Ipv4.parse("10.255.77.2"));
    }

    @Test
    void aNameThatOnlyLooksOddIsStillAName() throws ScopeException {
        assertThat(FlowEnd.parse("--from", "my-app v2 (blue)", false).app()).isEqualTo("my-app v2 (blue)");
    }

    @Test
    void anAddressOffTheOverlayIsRefused() {
        assertThatThrownBy(() -> FlowEnd.parse("--to", "10.0.16.12:8080", true)).hasMessage("--to 10.0.16.12:8080: not an overlay address (10.255.0.0/16)");
        assertThatThrownBy(() -> FlowEnd.parse("--to", "10.255.300.1", true)).hasMessageContaining("not an IPv4 address");
    }

    @Test
    void aPortOnTheSourceOrOutOfRangeIsRefused() {
        assertThatThrownBy(() -> FlowEnd.parse("--from", "AppB:8080", false)).hasMessageContaining("a port belongs to --to");
        assertThatThrownBy(() -> FlowEnd.parse("--to", "AppA:70000", true)).hasMessageContaining("port must be 1-65535");
        assertThatThrownBy(() -> FlowEnd.parse("--to", "AppA:0", true)).hasMessageContaining("port must be 1-65535");
    }

    @Test
    void controlCharactersAndEmptinessAreRefusedInOneLine() {
        assertThatThrownBy(() -> FlowEnd.parse("--from", "App\u001b]0;x\u0007", false))
                .hasMessageContaining("control characters").hasMessageNotContaining("\u001b");
        assertThatThrownBy(() -> FlowEnd.parse("--from", "", false)).hasMessageContaining("give an app");
    }
}
