package dev.silkscreen.ui.playback;

import static org.assertj.core.api.Assertions.assertThat;

import dev.silkscreen.model.Flow;
import dev.silkscreen.model.Journey;
import dev.silkscreen.model.Verdict;
import dev.silkscreen.ui.Fixtures;
import java.util.List;
import org.junit.jupiter.api.Test;

class ScheduleTest {

    @Test
    void journeysArePlacedInTheOrderOfTheirFirstSighting() {
        Schedule s = new Schedule(List.of(Fixtures.delivered(2, 5_000_000), Fixtures.delivered(1, 1_000_000)));
        assertThat(s.journey(0).id()).isEqualTo(1);
        assertThat(s.start(0)).isZero();
        assertThat(s.start(1)).isGreaterThan(0);
    }

    @Test
    void aReplyStartsOnlyAfterTheRequestHasArrived() {
        Journey syn = Fixtures.delivered(1, 1_000_000);
        Schedule s = new Schedule(List.of(syn, Fixtures.reply(2, 1_000_100)));
        assertThat(s.start(1)).isGreaterThanOrEqualTo(s.start(0) + 11);
    }

    @Test
    void anIcmpErrorStartsAfterTheRejectionItAnswers() {
        Journey syn = Fixtures.rejected(1, 1_000_000);
        Journey icmp = new Journey(2, new Flow("10.255.2.0", 0, Fixtures.APP_B_IP, 0, "icmp"), "ICMP port unreachable", -1, null,
                "AppB", Verdict.DELIVERED, 11, 0, null, null, Fixtures.delivered(2, 1_000_050).hops());
        Schedule s = new Schedule(List.of(syn, icmp));
        assertThat(s.start(1)).isGreaterThanOrEqualTo(s.start(0) + 10);
    }

    @Test
    void longSilencesAreShortened() {
        Schedule s = new Schedule(List.of(Fixtures.delivered(1, 0), Fixtures.delivered(2, 3_600_000_000_000L)));
        assertThat(s.start(1) - s.start(0)).isLessThanOrEqualTo(Schedule.MAX_GAP);
    }

    @Test
    void aDroppedJourneyEndsAtItsDropStep() {
        assertThat(Schedule.lastStep(Fixtures.rejected(1, 0))).isEqualTo(10);
        assertThat(Schedule.lastStep(Fixtures.delivered(1, 0))).isEqualTo(11);
    }

    @Test
    void visibleWindowCoversJourneysStillOnScreen() {
        Schedule s = new Schedule(List.of(Fixtures.delivered(1, 0), Fixtures.delivered(2, 10_000_000_000L)));
        double pos = s.start(1) + 0.5;
        assertThat(s.firstVisibleAt(pos)).isLessThanOrEqualTo(1);
        assertThat(s.firstStartingAfter(pos)).isEqualTo(2);
        assertThat(s.firstStartingAfter(-1)).isZero();
    }
}
