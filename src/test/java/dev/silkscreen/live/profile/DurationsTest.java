package dev.silkscreen.live.profile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class DurationsTest {

    @Test
    void unitsAndBareSeconds() {
        assertThat(Durations.parse("30s")).isEqualTo(Duration.ofSeconds(30));
        assertThat(Durations.parse("2m")).isEqualTo(Duration.ofMinutes(2));
        assertThat(Durations.parse("1h")).isEqualTo(Duration.ofHours(1));
        assertThat(Durations.parse("500ms")).isEqualTo(Duration.ofMillis(500));
        assertThat(Durations.parse("45")).isEqualTo(Duration.ofSeconds(45));
    }

    @Test
    void nonsenseIsAReadableError() {
        assertThatThrownBy(() -> Durations.parse("soon")).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("try 30s");
    }

    @Test
    void timeoutGetsWholeSecondsRoundedUp() {
        assertThat(Durations.ceilSeconds(Duration.ofMillis(1500))).isEqualTo(2);
        assertThat(Durations.ceilSeconds(Duration.ofMillis(10))).isEqualTo(1);
    }

    @Test
    void formatReadsBack() {
        for (String s : new String[] {"90s", "2m", "1h", "250ms"}) {
            assertThat(Durations.format(Durations.parse(s))).isEqualTo(s);
        }
    }
}
