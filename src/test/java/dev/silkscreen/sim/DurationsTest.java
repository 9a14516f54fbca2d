package dev.silkscreen.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class DurationsTest {

    @Test
    void unitsFromNanosecondsToMinutesAndNegativeOffsets() {
        assertThat(Durations.parseNanos("250us")).isEqualTo(250_000L);
        assertThat(Durations.parseNanos("1.5s")).isEqualTo(1_500_000_000L);
        assertThat(Durations.parseNanos("-2ms")).isEqualTo(-2_000_000L);
        assertThat(Durations.parseNanos("1m")).isEqualTo(60_000_000_000L);
    }

    @Test
    void aDurationBeyondTheSimulatedClockIsRejectedNotWrappedAround() {
        assertThatThrownBy(() -> Durations.parseNanos("1e30s"))
                .isInstanceOf(ScenarioException.class).hasMessageContaining("1e30s");
        assertThatThrownBy(() -> Durations.parseNanos("-1e30s")).isInstanceOf(ScenarioException.class);
    }
}
