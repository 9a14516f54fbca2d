package dev.silkscreen.trace;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.silkscreen.model.Flow;
import dev.silkscreen.model.Journey;
import dev.silkscreen.model.Verdict;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class JourneyStoreTest {

    private static Journey journey(long id) {
        return new Journey(id, new Flow("10.255.1.2", 1, "10.255.2.3", 2, "tcp"), "TCP SYN", 4, null, null,
                Verdict.DELIVERED, 11, 0, null, null, List.of());
    }

    @Test
    void pastItsCapacityTheOldestIsEvictedAndCounted() {
        JourneyStore store = new JourneyStore(3);
        for (long i = 1; i <= 5; i++) {
            store.add(journey(i));
        }
        assertThat(store.snapshot()).extracting(Journey::id).containsExactly(3L, 4L, 5L);
        assertThat(store.evicted()).isEqualTo(2);
        assertThat(store.added()).isEqualTo(5);
        assertThat(store.size()).isEqualTo(3);
    }

    @Test
    void listenersHearEveryJourneyEvenThoseLaterEvicted() {
        JourneyStore store = new JourneyStore(1);
        List<Long> heard = new ArrayList<>();
        store.addListener(j -> heard.add(j.id()));
        store.add(journey(1));
        store.add(journey(2));
        assertThat(heard).containsExactly(1L, 2L);
    }

    @Test
    void aStoreMustHoldAtLeastOneJourney() {
        assertThatThrownBy(() -> new JourneyStore(0)).isInstanceOf(IllegalArgumentException.class);
    }
}
