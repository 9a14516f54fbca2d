package dev.silkscreen.ui.playback;

import static dev.silkscreen.ui.controls.Buttons.button;

import dev.silkscreen.model.Journey;
import dev.silkscreen.model.SafeText;
import javafx.beans.binding.Bindings;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Slider;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/**
 * Play/pause, one step back and forward, restart, speed on a log scale, which packet is
 * followed, and the timeline over all journeys. Every control carries accessible text and a
 * tooltip naming its key.
 */
public final class PlaybackBar extends VBox {

    public PlaybackBar(PlaybackModel pb) {
        getStyleClass().add("playback-bar");
        Button restart = button("↺", "Restart from the beginning (Home)", pb::restart);
        Button back = button("◀", "One step back (←)", pb::back);
        Button play = button("▶", "Play / pause (P)", pb::togglePlay);
        play.getStyleClass().add("play-button");
        play.textProperty().bind(Bindings.when(pb.playingProperty()).then("❚❚").otherwise("▶"));
        play.accessibleTextProperty().bind(Bindings.when(pb.playingProperty()).then("Pause").otherwise("Play"));
        Button next = button("▶|", "One step forward (→ or Space)", pb::next);
        Label step = new Label();
        step.getStyleClass().add("step-badge");
        step.textProperty().bind(Bindings.createStringBinding(
                () -> pb.currentStep() == 0 ? "step –" : "step " + pb.currentStep() + " / 11", pb.currentStepProperty()));
        // slow on the left, fast on the right: the slider shows 1 − the model's value (0 = fastest)
        Slider speed = new Slider(0, 1, 1 - pb.speedProperty().get());
        boolean[] busy = {false};
        speed.valueProperty().addListener((o, was, now) -> {
            if (!busy[0]) {
                busy[0] = true;
                pb.speedProperty().set(1 - now.doubleValue());
                busy[0] = false;
            }
        });
        pb.speedProperty().addListener((o, was, now) -> {
            if (!busy[0]) {
                busy[0] = true;
                speed.setValue(1 - now.doubleValue());
                busy[0] = false;
            }
        });
        speed.setPrefWidth(160);
        speed.setAccessibleText("Speed: left is slow (8 s per step), right is fast (real time, at most 20 steps a second)");
        speed.setTooltip(new Tooltip("Speed, log scale: slow ← → fast (+ / −)"));
        Label speedText = new Label();
        speedText.textProperty().bind(pb.speedTextProperty());
        speedText.setMinWidth(100);
        Label slow = new Label("slow");
        Label fast = new Label("fast");
        Label following = new Label();
        following.getStyleClass().add("following");
        following.textProperty().bind(Bindings.createStringBinding(() -> SafeText.line(followText(pb.followedJourney())),
                pb.followedProperty(), pb.scheduleProperty()));
        HBox.setHgrow(following, Priority.ALWAYS);
        following.setMaxWidth(Double.MAX_VALUE);
        HBox row = new HBox(8, restart, back, play, next, step, slow, speed, fast, speedText, following);
        row.setAlignment(Pos.CENTER_LEFT);
        TimelineView timeline = new TimelineView(pb);
        setSpacing(6);
        setPadding(new Insets(6, 10, 8, 10));
        getChildren().addAll(row, timeline);
    }

    static String followText(Journey j) {
        if (j == null) {
            return "No packet followed";
        }
        return "Following #" + j.id() + ": " + j.summary() + " " + name(j.srcApp(), j.flow().src()) + " → "
                + name(j.dstApp(), j.flow().dst()) + (j.flow().dport() > 0 ? ":" + j.flow().dport() : "")
                + " · " + j.verdict().word();
    }

    private static String name(String app, String ip) {
        return app == null ? ip : app;
    }
}
