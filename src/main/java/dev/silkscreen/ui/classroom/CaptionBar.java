package dev.silkscreen.ui.classroom;

import dev.silkscreen.model.Foundation;
import dev.silkscreen.model.Journey;
import dev.silkscreen.ui.playback.PlaybackModel;
import dev.silkscreen.ui.playback.StepPlan;
import dev.silkscreen.ui.steps.Lesson;
import dev.silkscreen.ui.steps.Narration;
import java.util.ArrayList;
import java.util.List;
import javafx.geometry.Pos;
import javafx.scene.AccessibleRole;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;

/**
 * The classroom caption: the followed packet's step number and sentence in large type, and the
 * eleven steps as numbered dots (done, current, to come, skipped, not reached: told by fill, border
 * and the number, not colour alone), with a note on the right: why steps are skipped, or which
 * packet comes next when playback holds at a verdict.
 */
public final class CaptionBar extends VBox {
    private final PlaybackModel playback;
    private final Lesson lesson;
    private final Label number = new Label();
    private final Label text = new Label();
    private final Label note = new Label();
    private final List<Label> dots = new ArrayList<>();
    private final StepPlan.State[] states = new StepPlan.State[11];
    private Foundation foundation;

    public CaptionBar(PlaybackModel playback, Lesson lesson) {
        this.playback = playback;
        this.lesson = lesson;
        getStyleClass().add("classroom-caption");
        setAccessibleRole(AccessibleRole.TEXT);
        number.getStyleClass().add("caption-step");
        text.getStyleClass().add("caption-text");
        note.getStyleClass().add("caption-note");
        text.setWrapText(true);
        HBox head = new HBox(20, number, text);
        head.setAlignment(Pos.CENTER_LEFT);
        HBox row = new HBox(10);
        row.setAlignment(Pos.CENTER_LEFT);
        for (int i = 1; i <= 11; i++) {
            Label d = new Label(Integer.toString(i));
            d.getStyleClass().add("step-dot");
            int step = i;
            d.setOnMouseClicked(e -> playback.jumpTo(step));
            dots.add(d);
            row.getChildren().add(d);
        }
        row.getChildren().add(note);
        HBox.setMargin(note, new javafx.geometry.Insets(0, 0, 0, 20));
        setSpacing(10);
        getChildren().addAll(head, row);
        playback.currentStepProperty().addListener((o, a, b) -> show());
        playback.followedProperty().addListener((o, a, b) -> show());
        playback.heldProperty().addListener((o, a, b) -> show());
        show();
    }

    /** Tells the caption the foundation on show (for the followed packet's cells and skipped steps). */
    public void foundation(Foundation f) {
        this.foundation = f;
        show();
    }

    private void show() {
        int s = Math.max(1, playback.currentStep());
        Journey j = playback.followedJourney();
        StepPlan plan = playback.plan();
        number.setText(Integer.toString(s));
        String sentence = Narration.caption(lesson.step(s), j, foundation);
        text.setText(sentence);
        String extra = "";
        if (playback.heldProperty().get() && playback.nextJourney() >= 0) {
            extra = "next: " + Narration.title(playback.nextJourney(), playback.schedule().journey(playback.nextJourney()));
        } else if (plan.skipWhy() != null) {
            extra = "steps " + StepPlan.FIRST_SKIPPED + "–" + StepPlan.LAST_SKIPPED + " skipped: " + plan.skipWhy();
        } else if (plan.last() < 11 && j != null) {
            extra = (plan.last() == 10 ? "step 11" : "steps " + (plan.last() + 1) + "–11") + " not reached";
        }
        note.setText(extra);
        setAccessibleText("Step " + s + " of 11: " + sentence + (extra.isEmpty() ? "" : ". " + extra));
        for (int i = 0; i < dots.size(); i++) {
            Label d = dots.get(i);
            StepPlan.State st = plan.state(i + 1, s);
            states[i] = st;
            d.getStyleClass().removeAll("current", "done", "skipped", "not-reached");
            if (st != StepPlan.State.TO_COME) {
                d.getStyleClass().add(st.word());
            }
        }
    }

    /** The caption text on show (for tests). */
    public String captionText() {
        return number.getText() + " " + text.getText();
    }

    /** The step number on show. */
    public int stepShown() {
        return Integer.parseInt(number.getText());
    }

    public Label numberLabel() {
        return number;
    }

    public Label textLabel() {
        return text;
    }

    public Label noteLabel() {
        return note;
    }

    public List<Label> dotLabels() {
        return List.copyOf(dots);
    }

    /** The state of each step's dot as drawn, steps 1-11. */
    public List<StepPlan.State> dotStates() {
        return List.of(states);
    }
}
