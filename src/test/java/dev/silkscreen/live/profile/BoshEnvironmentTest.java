package dev.silkscreen.live.profile;

import dev.silkscreen.live.ssh.AuthMethod;
import dev.silkscreen.live.ssh.SshTarget;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class BoshEnvironmentTest {

    @Test
    void allProxyGivesUserHostPortAndKey() {
        SshTarget t = BoshEnvironment.jumpHost(Map.of("BOSH_ALL_PROXY", "ssh+socks5://jumpbox@10.0.0.6:22?private-key=/home/me/jumpbox.pem")).orElseThrow();
        assertThat(t).isEqualTo(new SshTarget("10.0.0.6", 22, "jumpbox", AuthMethod.KEY, "/home/me/jumpbox.pem"));
    }

    @Test
    void gatewayVariablesAreUsedWithoutAllProxy() {
        SshTarget t = BoshEnvironment.jumpHost(Map.of("BOSH_GW_HOST", "10.0.0.6", "BOSH_GW_USER", "jumpbox", "BOSH_GW_PRIVATE_KEY", "/k.pem")).orElseThrow();
        assertThat(t).isEqualTo(new SshTarget("10.0.0.6", 0, "jumpbox", AuthMethod.KEY, "/k.pem"));
    }

    @Test
    void allProxyWinsOverGatewayVariables() {
        SshTarget t = BoshEnvironment.jumpHost(Map.of("BOSH_ALL_PROXY", "ssh+socks5://a@h1:2222", "BOSH_GW_HOST", "h2")).orElseThrow();
        assertThat(t.host()).isEqualTo("h1");
        assertThat(t.port()).isEqualTo(2222);
        assertThat(t.auth()).isEqualTo(AuthMethod.AGENT);
    }

    @Test
    void noVariablesNoJumpHost() {
        assertThat(BoshEnvironment.jumpHost(Map.of())).isEmpty();
    }

    @Test
    void otherProxySchemesAreRefused() {
        assertThatThrownBy(() -> BoshEnvironment.jumpHost(Map.of("BOSH_ALL_PROXY", "socks5://localhost:1080")))
                .isInstanceOf(ProfileException.class).hasMessageContaining("ssh+socks5");
    }

    @Test
    void aHostileGatewayUserIsRefused() {
        assertThatThrownBy(() -> BoshEnvironment.jumpHost(Map.of("BOSH_GW_HOST", "h", "BOSH_GW_USER", "x;id")))
                .isInstanceOf(ProfileException.class);
    }
}
