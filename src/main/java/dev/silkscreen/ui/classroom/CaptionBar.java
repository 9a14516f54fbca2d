package dev.silkscreen.ui.classroom;

import dev.silkscreen.ui.playback.PlaybackModel;
import dev.silkscreen.ui.steps.Lesson;
import java.util.ArrayList;
import java.util.List;
import javafx.geometry.Pos;
import javafx.scene.AccessibleRole;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;

/**
 * The classroom caption: the current step's number and sentence in large type, and the eleven
 * steps as numbered dots (done, current, to come: told by fill and by the number, not colour alone).
 */
public final class CaptionBar extends VBox {
    private final Label number = new Label();
    private final Label text = new Label();
    private final List<Label> dots = new ArrayList<>();

    public CaptionBar(PlaybackModel playback, Lesson lesson) {
        getStyleClass().add("classroom-caption");
        setAccessibleRole(AccessibleRole.TEXT);
        number.getStyleClass().add("caption-step");
        text.getStyleClass().add("caption-text");
        text.setWrapText(true);
        HBox head = new HBox(20, number, text);
        head.setAlignment(Pos.CENTER_LEFT);
        HBox row = new HBox(10);
        row.setAlignment(Pos.CENTER_LEFT);
        for (int i = 1; i <= 11; i++) {
            Label d = new Label(Integer.toString(i));
            d.getStyleClass().add("step-dot");
            dots.add(d);
            row.getChildren().add(d);
        }
        setSpacing(10);
        getChildren().addAll(head, row);
        playback.currentStepProperty().addListener((o, a, b) -> show(b.intValue(), lesson));
        show(playback.currentStep(), lesson);
    }

    private void show(int step, Lesson lesson) {
        int s = Math.max(1, step);
        number.setText(Integer.toString(s));
        text.setText(lesson.step(s).caption());
        setAccessibleText("Step " + s + " of 11: " + lesson.step(s).caption());
        for (int i = 0; i < dots.size(); i++) {
            Label d = dots.get(i);
            d.getStyleClass().removeAll("current", "done");
            if (i + 1 == s) {
                d.getStyleClass().add("current");
            } else if (i + 1 < s) {
                d.getStyleClass().add("done");
            }
        }
    }

    /** The caption text on show (for tests). */
    public String captionText() {
        return number.getText() + " " + text.getText();
    }
}
