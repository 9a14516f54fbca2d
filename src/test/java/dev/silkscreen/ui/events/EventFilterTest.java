package dev.silkscreen.ui.events;

import static org.assertj.core.api.Assertions.assertThat;

import dev.silkscreen.model.Journey;
import dev.silkscreen.model.Verdict;
import dev.silkscreen.ui.Fixtures;
import org.junit.jupiter.api.Test;

class EventFilterTest {
    private final EventFilter filter = new EventFilter();
    private final Journey delivered = Fixtures.delivered(1, 0);
    private final Journey rejected = Fixtures.rejected(2, 0);

    private EventRow row(Journey j, int hop) {
        return EventRow.of(0, j, j.hops().get(hop), 0);
    }

    @Test
    void emptyFilterMatchesEverything() {
        assertThat(filter.matches(row(delivered, 0))).isTrue();
        assertThat(filter.matchesJourney(rejected)).isTrue();
    }

    @Test
    void appMatchesSourceOrDestinationIgnoringCase() {
        filter.appProperty().set("appa");
        assertThat(filter.matchesJourney(delivered)).isTrue();
        filter.appProperty().set("AppZ");
        assertThat(filter.matchesJourney(delivered)).isFalse();
    }

    @Test
    void addressMatchesByPrefix() {
        filter.addressProperty().set("10.255.2.");
        assertThat(filter.matchesJourney(delivered)).isTrue();
        filter.addressProperty().set("10.255.9.");
        assertThat(filter.matchesJourney(delivered)).isFalse();
    }

    @Test
    void portMatchesEitherEnd() {
        filter.portProperty().set("8080");
        assertThat(filter.matchesJourney(delivered)).isTrue();
        filter.portProperty().set("9999");
        assertThat(filter.matchesJourney(delivered)).isFalse();
        filter.portProperty().set("eighty");
        assertThat(filter.matchesJourney(delivered)).isFalse();
    }

    @Test
    void verdictKeepsOnlyThatVerdict() {
        filter.verdictProperty().set(Verdict.DROPPED);
        assertThat(filter.matchesJourney(rejected)).isTrue();
        assertThat(filter.matchesJourney(delivered)).isFalse();
    }

    @Test
    void stepFiltersEventsButNotJourneys() {
        filter.stepProperty().set(4);
        assertThat(filter.matches(row(delivered, 1))).isTrue();
        assertThat(filter.matches(row(delivered, 0))).isFalse();
        assertThat(filter.matchesJourney(delivered)).isTrue();
    }

    @Test
    void predicateChangesWhenAFieldDoes() {
        var before = filter.eventPredicate().get();
        filter.appProperty().set("AppB");
        assertThat(filter.eventPredicate().get()).isNotSameAs(before);
    }

    @Test
    void clearResetsEveryField() {
        filter.appProperty().set("x");
        filter.verdictProperty().set(Verdict.DROPPED);
        filter.stepProperty().set(3);
        filter.clear();
        assertThat(filter.matches(row(delivered, 0))).isTrue();
    }
}
