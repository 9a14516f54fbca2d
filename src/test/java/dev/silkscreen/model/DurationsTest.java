package dev.silkscreen.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The one duration grammar of scenarios, profiles and the verbs' options. */
class DurationsTest {

    @Test
    void unitsFromNanosecondsToHoursAndBareSeconds() {
        assertThat(Durations.parseNanos("7ns")).isEqualTo(7L);
        assertThat(Durations.parseNanos("250us")).isEqualTo(250_000L);
        assertThat(Durations.parseNanos("250µs")).isEqualTo(250_000L);
        assertThat(Durations.parse("500ms")).isEqualTo(Duration.ofMillis(500));
        assertThat(Durations.parse("30s")).isEqualTo(Duration.ofSeconds(30));
        assertThat(Durations.parse("45")).isEqualTo(Duration.ofSeconds(45));
        assertThat(Durations.parse("2m")).isEqualTo(Duration.ofMinutes(2));
        assertThat(Durations.parse("1h")).isEqualTo(Duration.ofHours(1));
        assertThat(Durations.parse(" 1H ")).isEqualTo(Duration.ofHours(1));
    }

    @Test
    void fractionsAndNegativeOffsets() {
        assertThat(Durations.parseNanos("1.5s")).isEqualTo(1_500_000_000L);
        assertThat(Durations.parseNanos("-2ms")).isEqualTo(-2_000_000L);
        assertThat(Durations.parseNanos(".5m")).isEqualTo(30_000_000_000L);
    }

    @Test
    void nonsenseIsAReadableError() {
        assertThatThrownBy(() -> Durations.parse("soon")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'soon'").hasMessageContaining("1h");
        assertThatThrownBy(() -> Durations.parse("5 days")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Durations.parse("")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aDurationBeyondTheClockIsRejectedNotWrappedAround() {
        assertThatThrownBy(() -> Durations.parseNanos("1e30s")).hasMessageContaining("1e30s").hasMessageContaining("100 years");
        assertThatThrownBy(() -> Durations.parseNanos("-1e30s")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Durations.parseNanos("1000000h")).hasMessageContaining("100 years");
    }

    @Test
    void timeoutGetsWholeSecondsRoundedUp() {
        assertThat(Durations.ceilSeconds(Duration.ofMillis(1500))).isEqualTo(2);
        assertThat(Durations.ceilSeconds(Duration.ofMillis(10))).isEqualTo(1);
    }

    @Test
    void formatReadsBack() {
        for (String s : new String[] {"90s", "2m", "1h", "250ms", "0s"}) {
            assertThat(Durations.format(Durations.parse(s))).isEqualTo(s);
        }
    }
}
