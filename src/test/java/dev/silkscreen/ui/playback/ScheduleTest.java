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

    private static Journey conversation(int n, long t0) {
        return Fixtures.journey(n, "10.255.1." + (n % 250 + 2), Fixtures.APP_A_IP, 8080, "TCP SYN", Verdict.DELIVERED, 0, t0,
                "cell1", "cell2", 4, "AppB", "AppA");
    }

    @Test
    void busyTrafficOverlapsOnScreen() {
        List<Journey> js = new java.util.ArrayList<>();
        for (int i = 0; i < 200; i++) {
            js.add(conversation(i + 1, i * 500_000L));
        }
        Schedule s = new Schedule(js);
        int alive = 0;
        double pos = s.start(100) + 5;
        for (int i = 0; i < s.size(); i++) {
            if (s.start(i) <= pos && pos <= s.start(i) + Schedule.extent(s.journey(i))) {
                alive++;
            }
        }
        assertThat(alive).isGreaterThanOrEqualTo(8);
    }

    @Test
    void aBurstAfterASilenceStartsOnceThePreviousHasFinished() {
        Schedule s = new Schedule(List.of(conversation(1, 0), conversation(2, 1_000), conversation(3, 2_000_000_000L)));
        assertThat(s.start(2)).isGreaterThanOrEqualTo(s.start(1) + Schedule.extent(s.journey(1)));
    }
}
