package dev.silkscreen.live.discover;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.silkscreen.model.ConntrackUse;
import org.junit.jupiter.api.Test;

class ConntrackFiguresTest {
    @Test
    void countThenMaxOneALine() {
        assertThat(ConntrackFigures.parse("1843\n262144\n")).isEqualTo(new ConntrackUse(1843, 262144));
        assertThat(ConntrackFigures.parse("262144\n262144")).matches(ConntrackUse::full);
    }

    @Test
    void anythingElseIsAClearError() {
        assertThatThrownBy(() -> ConntrackFigures.parse("262144\n")).isInstanceOf(DiscoveryParseException.class)
                .hasMessageContaining("nf_conntrack_count and nf_conntrack_max");
        assertThatThrownBy(() -> ConntrackFigures.parse("12\nlots\n")).isInstanceOf(DiscoveryParseException.class)
                .hasMessageContaining("not two counts");
        assertThatThrownBy(() -> ConntrackFigures.parse("-1\n5\n")).isInstanceOf(DiscoveryParseException.class);
        assertThatThrownBy(() -> ConntrackFigures.parse("5\n0\n")).isInstanceOf(DiscoveryParseException.class);
    }
}
