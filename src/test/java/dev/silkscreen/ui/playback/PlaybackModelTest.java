package dev.silkscreen.ui.playback;

import static org.assertj.core.api.Assertions.assertThat;

import dev.silkscreen.ui.Fixtures;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class PlaybackModelTest {
    private final PlaybackModel pb = new PlaybackModel();

    @BeforeEach
    void load() {
        pb.load(new Schedule(List.of(Fixtures.delivered(1, 0), Fixtures.reply(2, 100_000))));
    }

    @Test
    void loadingFollowsTheFirstJourneyAtStepOne() {
        assertThat(pb.followedProperty().get()).isZero();
        assertThat(pb.currentStep()).isEqualTo(1);
        assertThat(pb.isPlaying()).isFalse();
    }

    @Test
    void nextAndBackMoveOneStep() {
        pb.next();
        pb.next();
        assertThat(pb.currentStep()).isEqualTo(3);
        pb.back();
        assertThat(pb.currentStep()).isEqualTo(2);
    }

    @Test
    void nextAtTheVerdictMovesToTheNextPacketAndStopsAtTheLastOne() {
        pb.jumpTo(11);
        pb.next();
        assertThat(pb.followedProperty().get()).isEqualTo(1);
        assertThat(pb.currentStep()).isEqualTo(1);
        pb.jumpTo(11);
        pb.next();
        assertThat(pb.followedProperty().get()).isEqualTo(1);
        assertThat(pb.currentStep()).isEqualTo(11);
    }

    @Test
    void jumpToPausesAndShowsTheStep() {
        pb.togglePlay();
        pb.jumpTo(5);
        assertThat(pb.isPlaying()).isFalse();
        assertThat(pb.currentStep()).isEqualTo(5);
    }

    @Test
    void tickAdvancesByWallTimeOverSecondsPerStep() {
        pb.jumpTo(1);
        double before = pb.position();
        pb.togglePlay();
        pb.tick(pb.secondsPerStep() * 2);
        assertThat(pb.position() - before).isCloseTo(2.0, org.assertj.core.data.Offset.offset(1e-9));
    }

    @Test
    void tickDoesNothingWhilePaused() {
        double before = pb.position();
        pb.tick(10);
        assertThat(pb.position()).isEqualTo(before);
    }

    @Test
    void playingStopsAtTheEnd() {
        // it holds at each followed packet's verdict; playing on follows the next packet
        for (int i = 0; i < 4 && pb.position() < pb.schedule().end(); i++) {
            pb.togglePlay();
            pb.tick(1e6);
        }
        assertThat(pb.position()).isEqualTo(pb.schedule().end());
        assertThat(pb.isPlaying()).isFalse();
    }

    @Test
    void fasterLowersTheSecondsPerStep() {
        double slow = pb.secondsPerStep();
        pb.faster();
        assertThat(pb.secondsPerStep()).isLessThan(slow);
        pb.slower();
        pb.slower();
        assertThat(pb.secondsPerStep()).isGreaterThan(slow);
    }

    @Test
    void followingAnotherJourneyMakesItsStepCurrent() {
        pb.follow(1);
        assertThat(pb.currentStep()).isEqualTo(1);
        pb.jumpTo(7);
        assertThat(pb.position()).isGreaterThan(pb.schedule().start(1));
    }

    @Test
    void restartGoesBackToTheFirstJourney() {
        pb.follow(1);
        pb.jumpTo(9);
        pb.restart();
        assertThat(pb.followedProperty().get()).isZero();
        // at step 1 with the packet drawn (at rest), not before it appears
        assertThat(pb.currentStep()).isEqualTo(1);
        assertThat(pb.position()).isEqualTo(pb.schedule().start(0) + PlaybackModel.REST);
    }
}
