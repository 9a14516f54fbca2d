package dev.silkscreen.ui.steps;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.silkscreen.ui.Fixtures;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LessonTest {
    private final Lesson lesson = Lesson.builtIn();

    @Test
    void theBuiltInLessonHasElevenNarratedSteps() {
        assertThat(lesson.steps()).hasSize(11);
        lesson.steps().forEach(s -> {
            assertThat(s.caption()).isNotBlank();
            assertThat(s.what()).isNotBlank();
            assertThat(s.why()).isNotBlank();
            assertThat(s.commands()).isNotEmpty();
        });
    }

    @Test
    void theSeedStorysNamespaceQuestionsAreAskedAtStepTwo() {
        assertThat(lesson.step(2).questions()).anyMatch(q -> q.q().contains("mount namespace"))
                .anyMatch(q -> q.q().contains("network namespace"));
    }

    @Test
    void commandsAreFilledForTheFollowedPacket() {
        StepPanelModel m = new StepPanelModel(lesson);
        m.describe(Fixtures.seed(), Fixtures.delivered(1, 0));
        m.stepProperty().set(2);
        assertThat(m.commands()).contains("tcpdump -ni s-010255001002");
        m.stepProperty().set(7);
        assertThat(m.commands()).contains("ping 10.0.16.12");
    }

    @Test
    void answersAreHiddenUntilRevealed() {
        StepPanelModel m = new StepPanelModel(lesson);
        assertThat(m.isRevealed(2, 0)).isFalse();
        m.toggleAnswer(2, 0);
        assertThat(m.isRevealed(2, 0)).isTrue();
        m.toggleAnswer(2, 0);
        assertThat(m.isRevealed(2, 0)).isFalse();
    }

    @Test
    void unknownPlaceholdersStayVisible() {
        assertThat(LessonStep.fill("ping {nobody}", Map.of("x", "y"))).isEqualTo("ping {nobody}");
    }

    @Test
    void aLessonMustHaveElevenSteps() {
        assertThatThrownBy(() -> new Lesson(List.of(lesson.step(1)))).hasMessageContaining("eleven steps");
    }
}
