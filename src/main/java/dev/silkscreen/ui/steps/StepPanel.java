package dev.silkscreen.ui.steps;

import dev.silkscreen.model.SafeText;
import dev.silkscreen.model.Stage;
import dev.silkscreen.ui.playback.PlaybackModel;
import java.util.List;
import java.util.stream.IntStream;
import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextField;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/**
 * The eleven steps, the current one highlighted, and its narration: what happens, why, the
 * commands that show it on a real cell, and questions whose answers are revealed on request.
 * Choosing a step moves the followed packet there.
 */
public final class StepPanel extends VBox {
    private final StepPanelModel model;
    private final ListView<Integer> steps = new ListView<>();
    private final VBox narration = new VBox(8);
    private boolean syncing;

    public StepPanel(StepPanelModel model, PlaybackModel playback) {
        this.model = model;
        getStyleClass().add("step-panel");
        steps.getItems().setAll(IntStream.rangeClosed(1, 11).boxed().toList());
        steps.setAccessibleText("The eleven steps of a container-to-container packet");
        steps.setCellFactory(v -> new ListCell<>() {
            @Override
            protected void updateItem(Integer n, boolean empty) {
                super.updateItem(n, empty);
                setText(empty || n == null ? null : n + ".  " + Stage.of(n).title());
                setAccessibleText(empty || n == null ? null : "Step " + n + ": " + Stage.of(n).title());
            }
        });
        steps.setPrefHeight(11 * 26 + 4);
        steps.setMinHeight(120);
        steps.getSelectionModel().selectedItemProperty().addListener((o, a, b) -> {
            if (!syncing && b != null && b != playback.currentStep()) {
                playback.jumpTo(b);
            }
        });
        model.stepProperty().addListener((o, a, b) -> refresh());
        model.revealed().addListener((javafx.collections.SetChangeListener<String>) c -> refresh());
        narration.getStyleClass().add("narration");
        narration.setPadding(new Insets(8));
        ScrollPane scroll = new ScrollPane(narration);
        scroll.setFitToWidth(true);
        VBox.setVgrow(scroll, Priority.ALWAYS);
        setSpacing(6);
        getChildren().addAll(steps, scroll);
        refresh();
    }

    /** Rebuilds the narration for the model's step. Small: a dozen labels. */
    public void refresh() {
        int n = Math.max(1, model.stepProperty().get());
        syncing = true;
        steps.getSelectionModel().select(Integer.valueOf(n));
        steps.scrollTo(Math.max(0, n - 3));
        syncing = false;
        LessonStep s = model.current();
        Label caption = wrap(new Label("Step " + n + " · " + s.caption()), "caption");
        Label what = wrap(new Label(s.what()), "what");
        Label whyHead = wrap(new Label("Why"), "heading");
        Label why = wrap(new Label(s.why()), "why");
        Label cmdHead = wrap(new Label("See it for real (on a cell: bosh -d cf ssh diego-cell/0, then sudo -i)"), "heading");
        narration.getChildren().setAll(caption, what, whyHead, why, cmdHead);
        for (String c : model.commands()) {
            TextField cmd = new TextField(SafeText.line(c));
            cmd.setEditable(false);
            cmd.getStyleClass().add("command");
            cmd.setAccessibleText("Command: " + c);
            narration.getChildren().add(cmd);
        }
        List<Question> qs = s.questions();
        if (!qs.isEmpty()) {
            narration.getChildren().add(wrap(new Label("Ask the class"), "heading"));
        }
        for (int i = 0; i < qs.size(); i++) {
            int qi = i;
            Label q = wrap(new Label("Q: " + qs.get(i).q()), "question");
            boolean shown = model.isRevealed(n, i);
            Button reveal = new Button(shown ? "Hide answer" : "Show answer");
            reveal.setAccessibleText((shown ? "Hide" : "Show") + " the answer to: " + qs.get(i).q());
            reveal.setOnAction(e -> model.toggleAnswer(n, qi));
            narration.getChildren().addAll(q, reveal);
            if (shown) {
                narration.getChildren().add(wrap(new Label(qs.get(i).a()), "answer"));
            }
        }
        for (FaultLesson f : model.faultsAt(n)) {
            faultStory(n, f);
        }
    }

    /** What goes wrong at this step in this scenario: the fault's story, what trace says, the commands. */
    private void faultStory(int n, FaultLesson f) {
        narration.getChildren().addAll(wrap(new Label("What goes wrong here: " + f.title()), "heading"),
                wrap(new Label(f.story()), "what"), wrap(new Label("silkscreen trace says: " + f.trace()), "why"));
        for (String c : model.commands(f)) {
            TextField cmd = new TextField(SafeText.line(c));
            cmd.setEditable(false);
            cmd.getStyleClass().add("command");
            cmd.setAccessibleText("Command: " + c);
            narration.getChildren().add(cmd);
        }
        for (int i = 0; i < f.questions().size(); i++) {
            // Fault questions are numbered from 100 so their answers are revealed apart from the step's own.
            int qi = 100 + i;
            Question fq = f.questions().get(i);
            boolean shown = model.isRevealed(n, qi);
            Button reveal = new Button(shown ? "Hide answer" : "Show answer");
            reveal.setAccessibleText((shown ? "Hide" : "Show") + " the answer to: " + fq.q());
            reveal.setOnAction(e -> model.toggleAnswer(n, qi));
            narration.getChildren().addAll(wrap(new Label("Q: " + fq.q()), "question"), reveal);
            if (shown) {
                narration.getChildren().add(wrap(new Label(fq.a()), "answer"));
            }
        }
    }

    private static Label wrap(Label l, String styleClass) {
        l.setWrapText(true);
        l.getStyleClass().add(styleClass);
        l.setMaxWidth(Double.MAX_VALUE);
        return l;
    }
}
