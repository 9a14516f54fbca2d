package dev.silkscreen.ui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.silkscreen.model.Journey;
import dev.silkscreen.model.Verdict;
import dev.silkscreen.pipeline.PipelineSource;
import dev.silkscreen.pipeline.Run;
import dev.silkscreen.ui.canvas.Point;
import dev.silkscreen.ui.canvas.Projector;
import dev.silkscreen.ui.canvas.Sprite;
import dev.silkscreen.ui.inspector.PacketLayers;
import dev.silkscreen.ui.theme.Theme;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import javafx.geometry.Point2D;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The desktop window walked through its real flows, headless, fed by the real simulator and correlator. */
@ExtendWith(ApplicationExtension.class)
class DesktopTest {
    private DesktopWindow window;

    @Start
    void start(Stage stage) {
        window = new DesktopWindow(stage, new PipelineSource());
        window.show(SilkscreenApp.FIRST_SCENARIO);
    }

    private void waitFor(BooleanSupplier condition) throws Exception {
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, condition::getAsBoolean);
        WaitForAsyncUtils.waitForFxEvents();
    }

    private void waitForRun(String scenario) throws Exception {
        waitFor(() -> window.model().run() != null && window.model().run().foundation().name().equals(scenario));
    }

    private Sprite followedSprite() throws Exception {
        return WaitForAsyncUtils.asyncFx(() -> {
            window.view().picture().redraw();
            Projector p = window.view().picture().projector();
            int f = window.model().playback().followedProperty().get();
            for (int i = 0; i < p.count(); i++) {
                if (p.sprite(i).journey == f) {
                    return p.sprite(i);
                }
            }
            return null;
        }).get(10, TimeUnit.SECONDS);
    }

    @Test
    void startShowsTheSeedScenarioReadyToPlay(FxRobot robot) throws Exception {
        waitForRun("seed");
        Run run = window.model().run();
        assertThat(run.journeys()).isNotEmpty();
        assertThat(window.model().playback().currentStep()).isEqualTo(1);
        assertThat(window.model().playback().isPlaying()).isFalse();
        assertThat(window.view().toolBar().scenarioPicker().getValue()).isEqualTo("seed");
        Journey first = window.model().playback().followedJourney();
        assertThat(first.srcApp()).isEqualTo("AppB");
        assertThat(first.dstApp()).isEqualTo("AppA");
        assertThat(window.stage().getTitle()).contains("seed");
    }

    @Test
    void steppingToFiveShowsThePacketEncapsulated(FxRobot robot) throws Exception {
        waitForRun("seed");
        robot.clickOn(window.view().picture().canvas());
        for (int i = 0; i < 4; i++) {
            robot.type(KeyCode.RIGHT);
        }
        assertThat(window.model().playback().currentStep()).isEqualTo(5);
        Sprite s = followedSprite();
        assertThat(s.envelope).isEqualTo(1.0);
        assertThat(s.tag).isEqualTo(1.0);
        robot.type(KeyCode.RIGHT, 4);
        assertThat(window.model().playback().currentStep()).isEqualTo(9);
        assertThat(followedSprite().envelope).isZero();
    }

    @Test
    void clickingThePacketShowsGbpAsAppBsTag(FxRobot robot) throws Exception {
        waitForRun("seed");
        robot.interact(() -> window.model().playback().jumpTo(6));
        followedSprite();
        Point at = WaitForAsyncUtils.asyncFx(() -> window.view().picture().screenOf(
                window.model().playback().followedProperty().get())).get(5, TimeUnit.SECONDS);
        Point2D screen = window.view().picture().canvas().localToScreen(at.x(), at.y());
        robot.clickOn(screen);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(window.model().selectedJourney()).isNotNull();
        PacketLayers layers = window.view().inspector().packetView().layers();
        assertThat(layers).isNotNull();
        int tag = window.model().run().foundation().app("AppB").orElseThrow().tag();
        String gbp = layers.layers().stream().flatMap(l -> l.fields().stream())
                .filter(f -> f.name().equals("Group Policy ID")).findFirst().orElseThrow().value();
        assertThat(gbp).isEqualTo("GBP " + tag + " = tag 0x" + String.format("%04X", tag) + " = AppB");
        assertThat(window.view().tabs().getSelectionModel().getSelectedItem().getText()).isEqualTo("Inspector");
        PacketLayers.Field field = layers.layers().stream().flatMap(l -> l.fields().stream())
                .filter(f -> f.name().equals("Group Policy ID")).findFirst().orElseThrow();
        assertThat(window.view().inspector().packetView().hex().highlighted())
                .containsExactly(field.offset(), field.offset() + 1);
    }

    @Test
    void noPolicyShowsTheDropAtStepTen(FxRobot robot) throws Exception {
        waitForRun("seed");
        robot.interact(() -> window.openScenario("no-policy"));
        waitForRun("no-policy");
        Journey followed = window.model().playback().followedJourney();
        assertThat(followed.verdict()).isEqualTo(Verdict.DROPPED);
        assertThat(followed.dropStage()).isEqualTo(10);
        robot.clickOn(window.view().picture().canvas());
        robot.type(KeyCode.DIGIT0);
        assertThat(window.model().playback().currentStep()).isEqualTo(10);
        Sprite s = followedSprite();
        assertThat(s.phase).isEqualTo(Sprite.Phase.DROPPED);
        var part = window.model().layout().partAt(s.x, s.y);
        assertThat(part.kind()).isEqualTo(dev.silkscreen.ui.canvas.PartKind.GATE);
        assertThat(part.cell().name()).isEqualTo(followed.dropCell());
    }

    @Test
    void classroomKeysWork(FxRobot robot) throws Exception {
        waitForRun("seed");
        robot.clickOn(window.view().picture().canvas());
        robot.type(KeyCode.C);
        assertThat(window.model().classroomProperty().get()).isTrue();
        assertThat(window.model().themeProperty().get()).isEqualTo(Theme.CLASSROOM);
        assertThat(window.view().getTop()).isSameAs(window.view().caption());
        assertThat(window.view().getBottom()).isNull();
        robot.type(KeyCode.DIGIT5);
        assertThat(window.view().caption().captionText()).startsWith("5 ");
        robot.type(KeyCode.SPACE);
        assertThat(window.model().playback().currentStep()).isEqualTo(6);
        robot.type(KeyCode.LEFT);
        assertThat(window.model().playback().currentStep()).isEqualTo(5);
        double speed = window.model().playback().secondsPerStep();
        robot.type(KeyCode.MINUS);
        assertThat(window.model().playback().secondsPerStep()).isGreaterThan(speed);
        robot.type(KeyCode.P);
        assertThat(window.model().playback().isPlaying()).isTrue();
        robot.type(KeyCode.P);
        assertThat(window.model().playback().isPlaying()).isFalse();
        robot.type(KeyCode.ESCAPE);
        assertThat(window.model().classroomProperty().get()).isFalse();
        assertThat(window.model().themeProperty().get()).isEqualTo(Theme.LIGHT);
    }
}
