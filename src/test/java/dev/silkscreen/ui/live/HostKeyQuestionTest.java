package dev.silkscreen.ui.live;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class HostKeyQuestionTest {
    private static final String FP = "SHA256:47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU";

    @Test
    void anUnknownKeyShowsHostTypeAndFingerprint() {
        HostKeyQuestion q = new HostKeyQuestion("[10.0.16.5]:22", "ssh-ed25519", FP, false);
        assertThat(q.header()).contains("[10.0.16.5]:22").contains("not in known_hosts");
        assertThat(q.body()).contains("ssh-ed25519").contains(FP).contains("Accept");
    }

    @Test
    void aChangedKeyIsARefusalWithHowToRemoveTheOldKey() {
        HostKeyQuestion q = new HostKeyQuestion("cell2", "ecdsa-sha2-nistp256", FP, true);
        assertThat(q.title()).contains("refused");
        assertThat(q.header()).contains("CHANGED");
        assertThat(q.body()).contains(FP).contains("ssh-keygen -R 'cell2'").doesNotContain("Accept");
    }
}
