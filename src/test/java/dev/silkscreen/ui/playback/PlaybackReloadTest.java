package dev.silkscreen.ui.playback;

import static org.assertj.core.api.Assertions.assertThat;

import dev.silkscreen.model.Journey;
import dev.silkscreen.ui.Fixtures;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class PlaybackReloadTest {

    @Test
    void growingJourneysKeepTheFollowedPacketAtItsStep() {
        List<Journey> js = new ArrayList<>(List.of(Fixtures.delivered(1, 0), Fixtures.delivered(2, 1_000_000)));
        PlaybackModel p = new PlaybackModel();
        p.load(new Schedule(js));
        p.follow(1);
        p.jumpTo(6);
        Journey followed = p.followedJourney();
        js.add(Fixtures.rejected(3, 2_000_000));
        p.reload(new Schedule(js));
        assertThat(p.followedJourney()).isSameAs(followed);
        assertThat(p.currentStep()).isEqualTo(6);
        assertThat(p.schedule().size()).isEqualTo(3);
    }

    @Test
    void theFirstJourneysOfAnEmptyRunAreFollowedFromStepOne() {
        PlaybackModel p = new PlaybackModel();
        p.load(new Schedule(List.of()));
        p.reload(new Schedule(List.of(Fixtures.delivered(1, 0))));
        assertThat(p.followedProperty().get()).isZero();
        assertThat(p.currentStep()).isEqualTo(1);
    }
}
