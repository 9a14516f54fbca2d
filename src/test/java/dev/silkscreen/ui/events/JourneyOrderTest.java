package dev.silkscreen.ui.events;

import static org.assertj.core.api.Assertions.assertThat;

import dev.silkscreen.model.Journey;
import dev.silkscreen.ui.Fixtures;
import java.util.List;
import org.junit.jupiter.api.Test;

class JourneyOrderTest {
    @Test
    void journeysDecidedOutOfOrderAreListedInTheOrderTheyHappened() {
        Journey late = Fixtures.delivered(1, 9_000_000);
        Journey early = Fixtures.rejected(2, 1_000_000);
        Journey sameTime = Fixtures.delivered(3, 1_000_000);

        assertThat(EventsPane.inTimeOrder(List.of(late, sameTime, early))).extracting(Journey::id).containsExactly(2L, 3L, 1L);
    }
}
