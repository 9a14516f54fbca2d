package dev.silkscreen.ui.classroom;

import static org.assertj.core.api.Assertions.assertThat;

import dev.silkscreen.ui.Fixtures;
import dev.silkscreen.ui.playback.PlaybackModel;
import dev.silkscreen.ui.playback.Schedule;
import java.util.List;
import javafx.scene.input.KeyCode;
import org.junit.jupiter.api.Test;

class KeysTest {
    private final PlaybackModel pb = new PlaybackModel();
    private final StringBuilder calls = new StringBuilder();
    private final Keys.Window window = new Keys.Window() {
        @Override
        public void toggleFullScreen() {
            calls.append("F");
        }

        @Override
        public void leaveClassroom() {
            calls.append("Esc");
        }

        @Override
        public void toggleClassroom() {
            calls.append("C");
        }
    };

    KeysTest() {
        pb.load(new Schedule(List.of(Fixtures.delivered(1, 0))));
    }

    @Test
    void spaceAndRightGoForwardLeftGoesBack() {
        Keys.handle(KeyCode.SPACE, false, pb, window);
        Keys.handle(KeyCode.RIGHT, false, pb, window);
        assertThat(pb.currentStep()).isEqualTo(3);
        Keys.handle(KeyCode.LEFT, false, pb, window);
        assertThat(pb.currentStep()).isEqualTo(2);
    }

    @Test
    void digitsJumpAndZeroIsStepTen() {
        Keys.handle(KeyCode.DIGIT7, false, pb, window);
        assertThat(pb.currentStep()).isEqualTo(7);
        Keys.handle(KeyCode.DIGIT0, false, pb, window);
        assertThat(pb.currentStep()).isEqualTo(10);
        Keys.handle(KeyCode.NUMPAD3, false, pb, window);
        assertThat(pb.currentStep()).isEqualTo(3);
    }

    @Test
    void pTogglesPlayAndPlusMinusChangeSpeed() {
        Keys.handle(KeyCode.P, false, pb, window);
        assertThat(pb.isPlaying()).isTrue();
        double s = pb.secondsPerStep();
        Keys.handle(KeyCode.PLUS, false, pb, window);
        assertThat(pb.secondsPerStep()).isLessThan(s);
        Keys.handle(KeyCode.MINUS, false, pb, window);
        Keys.handle(KeyCode.MINUS, false, pb, window);
        assertThat(pb.secondsPerStep()).isGreaterThan(s);
    }

    @Test
    void windowKeysReachTheWindow() {
        Keys.handle(KeyCode.F, false, pb, window);
        Keys.handle(KeyCode.C, false, pb, window);
        Keys.handle(KeyCode.ESCAPE, false, pb, window);
        assertThat(calls).hasToString("FCEsc");
    }

    @Test
    void otherKeysAndControlChordsAreNotOurs() {
        assertThat(Keys.handle(KeyCode.Q, false, pb, window)).isFalse();
        assertThat(Keys.handle(KeyCode.DIGIT1, true, pb, window)).isFalse();
    }
}
