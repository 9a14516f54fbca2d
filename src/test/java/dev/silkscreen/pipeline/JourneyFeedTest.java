package dev.silkscreen.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import dev.silkscreen.model.Journey;
import dev.silkscreen.ui.Fixtures;
import org.junit.jupiter.api.Test;

class JourneyFeedTest {

    @Test
    void aBurstOfJourneysBecomesOneRun() {
        JourneyFeed feed = new JourneyFeed("live · test", Fixtures.seed(), 100);
        for (int i = 0; i < 50; i++) {
            feed.offer(Fixtures.delivered(i, 1_000_000L * i));
        }
        Run r = feed.drain();
        assertThat(r.journeys()).hasSize(50);
        assertThat(r.origin()).isEqualTo(Run.Origin.LIVE);
        assertThat(feed.drain()).isNull();
    }

    @Test
    void laterJourneysAreAddedToTheEarlierOnes() {
        JourneyFeed feed = new JourneyFeed("live · test", Fixtures.seed(), 100);
        Journey first = Fixtures.delivered(1, 0);
        feed.offer(first);
        feed.drain();
        feed.offer(Fixtures.rejected(2, 5_000_000));
        Run r = feed.drain();
        assertThat(r.journeys()).extracting(Journey::id).containsExactly(1L, 2L);
        assertThat(r.journeys().get(0)).isSameAs(first);
    }

    @Test
    void theOldestJourneysGoBeyondTheBoundAndTheRunSaysSo() {
        JourneyFeed feed = new JourneyFeed("live · test", Fixtures.seed(), 3);
        for (int i = 0; i < 5; i++) {
            feed.offer(Fixtures.delivered(i, i));
        }
        Run r = feed.drain();
        assertThat(r.journeys()).extracting(Journey::id).containsExactly(2L, 3L, 4L);
        assertThat(r.note()).contains("only the latest 3");
    }

    @Test
    void aNewTopologyAloneIsAnUpdate() {
        JourneyFeed feed = new JourneyFeed("live · test", null, 10);
        assertThat(feed.drain()).isNull();
        feed.topology(Fixtures.seed());
        Run r = feed.drain();
        assertThat(r.foundation().name()).isEqualTo("seed");
        assertThat(r.journeys()).isEmpty();
    }

    @Test
    void aCellNotCapturedIsInTheRunsNoteForTheStatusBarUntilItIsCaptured() {
        JourneyFeed feed = new JourneyFeed("live · test", Fixtures.seed(), 100);
        feed.drain();
        feed.coverage("Not captured: cell2 (failed: cannot read key file /k).");
        Run r = feed.drain();
        assertThat(r).as("a coverage change is news even without journeys").isNotNull();
        assertThat(r.note()).isEqualTo("Not captured: cell2 (failed: cannot read key file /k).");
        feed.coverage(null);
        assertThat(feed.drain().note()).isEmpty();
    }
}
