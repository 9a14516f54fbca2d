package dev.silkscreen.live.profile;

import static org.assertj.core.api.Assertions.assertThat;

import dev.silkscreen.live.ssh.AuthMethod;
import dev.silkscreen.live.ssh.SshTarget;
import org.junit.jupiter.api.Test;

class SshConfigLookupTest {
    private final SshConfigLookup config = SshConfigLookup.parse("""
            Host cell0
              HostName 10.0.16.5
              User vcap
              Port 2222
              IdentityFile ~/.ssh/cell.pem
            """);

    @Test
    void aHostAliasGetsHostNameUserPortAndKey() {
        SshTarget t = config.resolve(new SshTarget("cell0", 0, null, AuthMethod.KEY, null), "me");
        assertThat(t).isEqualTo(new SshTarget("10.0.16.5", 2222, "vcap", AuthMethod.KEY, "~/.ssh/cell.pem"));
    }

    @Test
    void whatTheProfileSaysWins() {
        SshTarget t = config.resolve(new SshTarget("cell0", 22, "root", AuthMethod.KEY, "/k"), "me");
        assertThat(t).isEqualTo(new SshTarget("10.0.16.5", 22, "root", AuthMethod.KEY, "/k"));
    }

    @Test
    void unknownHostsGetPort22AndTheDefaultUser() {
        SshTarget t = config.resolve(new SshTarget("10.0.0.9", 0, null, AuthMethod.AGENT, null), "me");
        assertThat(t).isEqualTo(new SshTarget("10.0.0.9", 22, "me", AuthMethod.AGENT, null));
    }
}
