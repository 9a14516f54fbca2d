package dev.silkscreen.ui.canvas;

import static org.assertj.core.api.Assertions.assertThat;

import dev.silkscreen.ui.Fixtures;
import dev.silkscreen.ui.playback.PlaybackModel;
import dev.silkscreen.ui.playback.Schedule;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ProjectorTest {
    private final PictureLayout layout = new PictureLayout(Fixtures.seed());

    private Sprite at(Schedule s, int step) {
        Projector p = new Projector(layout, s);
        p.project(s.start(0) + step - 1 + PlaybackModel.REST);
        for (int i = 0; i < p.count(); i++) {
            if (p.sprite(i).journey == 0) {
                return p.sprite(i);
            }
        }
        return null;
    }

    @Test
    void thePacketIsTaggedFromStepThree() {
        Schedule s = new Schedule(List.of(Fixtures.delivered(1, 0)));
        assertThat(at(s, 2).tag).isZero();
        assertThat(at(s, 3).tag).isEqualTo(1.0);
        assertThat(at(s, 10).tag).isEqualTo(1.0);
    }

    @Test
    void theEnvelopeIsOnFromStepFiveAndOffAfterStepNine() {
        Schedule s = new Schedule(List.of(Fixtures.delivered(1, 0)));
        assertThat(at(s, 4).envelope).isZero();
        assertThat(at(s, 5).envelope).isEqualTo(1.0);
        assertThat(at(s, 7).envelope).isEqualTo(1.0);
        assertThat(at(s, 9).envelope).isZero();
    }

    @Test
    void aRejectedPacketShowsItsDropAtStepTen() {
        Schedule s = new Schedule(List.of(Fixtures.rejected(1, 0)));
        Sprite sp = at(s, 10);
        assertThat(sp.phase).isEqualTo(Sprite.Phase.DROPPED);
        assertThat(layout.partAt(sp.x, sp.y).kind()).isEqualTo(PartKind.GATE);
        assertThat(at(s, 9).phase).isEqualTo(Sprite.Phase.MOVING);
    }

    @Test
    void aDeliveredPacketEndsInTheDestinationContainer() {
        Schedule s = new Schedule(List.of(Fixtures.delivered(1, 0)));
        Projector p = new Projector(layout, s);
        p.project(11.1);
        assertThat(p.sprite(0).phase).isEqualTo(Sprite.Phase.DELIVERED);
        // it rests beside AppA's container, in cell2's lane, level with it
        Box c = layout.container(Fixtures.APP_A_IP);
        assertThat(p.sprite(0).y).isBetween(c.y(), c.bottom());
        assertThat(p.sprite(0).x).isGreaterThan(c.right()).isLessThan(layout.cellBox("cell2").right());
    }

    @Test
    void onlyJourneysAliveAtThePositionAreProjected() {
        List<dev.silkscreen.model.Journey> js = new ArrayList<>();
        for (int i = 0; i < 2000; i++) {
            js.add(Fixtures.delivered(i + 1, i * 1_000_000_000L));
        }
        Schedule s = new Schedule(js);
        Projector p = new Projector(layout, s);
        p.project(s.start(1000) + 0.5);
        assertThat(p.count()).isBetween(1, 3);
    }
}
