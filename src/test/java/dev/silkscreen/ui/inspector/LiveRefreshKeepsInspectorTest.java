package dev.silkscreen.ui.inspector;

import static org.assertj.core.api.Assertions.assertThat;

import dev.silkscreen.model.Journey;
import dev.silkscreen.pipeline.Run;
import dev.silkscreen.ui.Fixtures;
import dev.silkscreen.ui.main.MainModel;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.scene.Node;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** In live mode, a refresh (a new run with more journeys) keeps what the person opened in the inspector. */
@ExtendWith(ApplicationExtension.class)
class LiveRefreshKeepsInspectorTest {
    private MainModel model;
    private InspectorPane inspector;

    @Start
    void start(Stage stage) {
        model = new MainModel(LESSON);
        inspector = new InspectorPane(model);
    }

    private static final dev.silkscreen.ui.steps.Lesson LESSON = dev.silkscreen.ui.steps.Lesson.builtIn();

    private static Run live(List<Journey> journeys) {
        return new Run("live · test", Run.Origin.LIVE, FOUNDATION, journeys, "");
    }

    private static final dev.silkscreen.model.Foundation FOUNDATION = Fixtures.seed();

    @Test
    void theOpenedPacketViewIsNotRebuiltWhenMoreJourneysArrive() throws Exception {
        Journey rejected = Fixtures.rejected(2, 5_000_000);
        Node[] shown = new Node[2];
        int[] picked = new int[1];
        int[] rebuilt = new int[1];
        WaitForAsyncUtils.asyncFx(() -> {
            model.show(live(List.of(Fixtures.delivered(1, 0), rejected)));
            model.selectJourney(1);
            shown[0] = inspector.getContent();
            inspector.packetView().hopsTable().getSelectionModel().select(2);
            rebuilt[0] = inspector.rebuilds;
            model.update(live(List.of(Fixtures.delivered(1, 0), rejected, Fixtures.delivered(3, 9_000_000))));
            shown[1] = inspector.getContent();
            picked[0] = inspector.packetView().hopsTable().getSelectionModel().getSelectedIndex();
            rebuilt[0] = inspector.rebuilds - rebuilt[0];
        }).get(10, TimeUnit.SECONDS);

        assertThat(model.selectedJourney()).isSameAs(rejected);
        assertThat(shown[1]).isSameAs(shown[0]);
        assertThat(rebuilt[0]).as("views rebuilt by the refresh").isZero();
        assertThat(picked[0]).as("the sighting the person picked is still picked").isEqualTo(2);
    }

    @Test
    void aPacketDecidedAgainIsStillTheSelectedOneAndShownWithItsVerdict() throws Exception {
        Journey inFlight = Fixtures.journey(2, Fixtures.APP_B_IP, Fixtures.APP_A_IP, 8080, "TCP SYN",
                dev.silkscreen.model.Verdict.IN_FLIGHT, 0, 5_000_000, "cell1", "cell2", 4, "AppB", "AppA");
        Journey decided = Fixtures.rejected(2, 5_000_000);
        boolean[] rebuilt = {false};
        WaitForAsyncUtils.asyncFx(() -> {
            model.show(live(List.of(inFlight)));
            model.selectJourney(0);
            model.update(live(List.of(decided)));
            rebuilt[0] = model.selectedJourney() == decided && inspector.getContent() == inspector.packetView();
        }).get(10, TimeUnit.SECONDS);

        assertThat(rebuilt[0]).as("the same packet (by id) stays selected after it is decided, and is shown").isTrue();
    }
}
