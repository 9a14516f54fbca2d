package dev.silkscreen.ui.playback;

import static org.assertj.core.api.Assertions.assertThat;

import dev.silkscreen.model.Foundation;
import dev.silkscreen.model.Journey;
import dev.silkscreen.model.Verdict;
import dev.silkscreen.ui.Fixtures;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The step display follows the followed packet: its verdict holds playback, its plan skips or ends steps. */
class StepDisplayTest {
    private final Foundation seed = Fixtures.seed();

    private PlaybackModel model(Journey... js) {
        PlaybackModel pb = new PlaybackModel();
        pb.setPlanner(j -> StepPlan.of(j, seed));
        pb.load(new Schedule(List.of(js)));
        return pb;
    }

    /** AppB → AppC, both on cell1. */
    private static Journey sameCell(long id, long t0) {
        return Fixtures.journey(id, Fixtures.APP_B_IP, Fixtures.APP_C_IP, 8080, "TCP SYN", Verdict.DELIVERED, 0, t0,
                "cell1", "cell1", 4, "AppB", "AppC");
    }

    @Test
    void playbackHoldsAtTheFollowedPacketsVerdictAndTheNextKeyFollowsTheNextPacket() {
        PlaybackModel pb = model(Fixtures.rejected(1, 0), Fixtures.reply(2, 50_000));
        pb.togglePlay();
        for (int i = 0; i < 400 && pb.isPlaying(); i++) {
            pb.tick(pb.secondsPerStep() / 10);
        }
        assertThat(pb.currentStep()).isEqualTo(10);
        assertThat(pb.isPlaying()).isFalse();
        assertThat(pb.heldProperty().get()).isTrue();
        assertThat(pb.followedProperty().get()).isZero();
        assertThat(pb.nextJourney()).isEqualTo(1);
        pb.next();
        assertThat(pb.followedProperty().get()).isEqualTo(1);
        assertThat(pb.currentStep()).isEqualTo(1);
        assertThat(pb.heldProperty().get()).isFalse();
    }

    @Test
    void afterADropTheStepStaysAtTheDropAndLaterStepsAreNotReached() {
        PlaybackModel pb = model(Fixtures.rejected(1, 0));
        pb.jumpTo(11);
        assertThat(pb.currentStep()).isEqualTo(10);
        StepPlan plan = pb.plan();
        assertThat(plan.state(10, 10)).isEqualTo(StepPlan.State.CURRENT);
        assertThat(plan.state(11, 10)).isEqualTo(StepPlan.State.NOT_REACHED);
        assertThat(plan.state(9, 10)).isEqualTo(StepPlan.State.DONE);
    }

    @Test
    void aSameCellPacketSkipsStepsFourToNineAndSaysWhy() {
        PlaybackModel pb = model(sameCell(1, 0));
        StepPlan plan = pb.plan();
        assertThat(plan.skipWhy()).isEqualTo("not encapsulated: both containers on cell1");
        for (int s = 4; s <= 9; s++) {
            assertThat(plan.state(s, 1)).isEqualTo(StepPlan.State.SKIPPED);
        }
        pb.jumpTo(3);
        pb.next();
        assertThat(pb.currentStep()).isEqualTo(10);
        pb.back();
        assertThat(pb.currentStep()).isEqualTo(3);
        pb.jumpTo(6);
        assertThat(pb.currentStep()).isEqualTo(3);
    }

    @Test
    void aCrossCellPacketSkipsNothing() {
        StepPlan plan = StepPlan.of(Fixtures.delivered(1, 0), seed);
        assertThat(plan.skipWhy()).isNull();
        for (int s = 1; s <= 11; s++) {
            assertThat(plan.skipped(s)).isFalse();
            assertThat(plan.notReached(s)).isFalse();
        }
    }

    @Test
    void aSeekFollowsThePacketAtThatPlace() {
        // far apart in time: each is alone on screen
        PlaybackModel pb = model(Fixtures.delivered(1, 0), Fixtures.delivered(2, 2_000_000_000L));
        double second = pb.schedule().start(1);
        pb.seek(second + 4.5);
        assertThat(pb.followedProperty().get()).isEqualTo(1);
        assertThat(pb.currentStep()).isEqualTo(5);
        pb.seek(2.5);
        assertThat(pb.followedProperty().get()).isZero();
        assertThat(pb.currentStep()).isEqualTo(3);
    }
}
