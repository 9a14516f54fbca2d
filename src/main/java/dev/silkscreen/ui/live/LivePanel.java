package dev.silkscreen.ui.live;

import dev.silkscreen.model.SafeText;
import dev.silkscreen.pipeline.LiveRun;
import dev.silkscreen.pipeline.LiveStatus;
import dev.silkscreen.pipeline.Run;
import java.util.function.Consumer;
import javafx.animation.Animation;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.application.Platform;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.geometry.Insets;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import javafx.stage.Window;
import javafx.util.Duration;

/**
 * The status window of a live session: per capture point its state, frames, bytes, kernel drops
 * and what tcpdump last said on stderr; cell connection changes and warnings; the recording; a
 * Stop button. A timeline refreshes it {@link #REFRESH} apart and hands the journeys that
 * completed meanwhile to the picture as one update, so a burst of frames or journeys costs one
 * refresh, never one FX event each.
 */
public final class LivePanel {
    public static final Duration REFRESH = Duration.millis(300);
    private final LiveRun run;
    private final Consumer<Run> picture;
    private final Stage stage = new Stage();
    private final TableView<LiveStatus.Row> table = new TableView<>();
    private final ListView<String> log = new ListView<>();
    private final Label summary = new Label("connecting …");
    private final Label state = new Label();
    /** Which cells are not watched, with the reason in full: never scrolled away like the log. */
    private final Label coverage = new Label();
    private final Button stop = new Button("Stop");
    private final Timeline timer;
    private long shownVersion = -1;
    private boolean stopping;

    /**
     * @param picture receives the run with every journey so far, at most once per refresh
     */
    public LivePanel(Window owner, LiveRun run, Consumer<Run> picture) {
        this.run = run;
        this.picture = picture;
        stage.initOwner(owner);
        stage.setTitle("Live · " + run.profile().name());
        table.getColumns().add(column("Point", r -> SafeText.line(r.point()), 230));
        table.getColumns().add(column("State", LiveStatus.Row::state, 80));
        table.getColumns().add(column("Frames", LiveStatus.Row::frames, 80));
        table.getColumns().add(column("Bytes", LiveStatus.Row::bytes, 100));
        table.getColumns().add(column("Kernel drops", LiveStatus.Row::drops, 100));
        table.getColumns().add(column("Last message (tcpdump's stderr)", r -> SafeText.line(r.message()), 420));
        table.setAccessibleText("Capture points: state, frames, bytes, kernel drops, tcpdump's last message");
        table.setPlaceholder(new Label("No capture point yet: connecting and discovering …"));
        log.setAccessibleText("Connection log and warnings");
        log.setPrefHeight(140);
        summary.setId("live-summary");
        state.setWrapText(true);
        coverage.setId("live-coverage");
        coverage.setWrapText(true);
        coverage.setStyle("-fx-text-fill: #b3261e; -fx-font-weight: bold;");
        coverage.setVisible(false);
        coverage.managedProperty().bind(coverage.visibleProperty());
        stop.setId("live-stop");
        stop.setAccessibleText("Stop the live capture: kill every tcpdump on the cells");
        stop.setTooltip(new Tooltip("Kill every tcpdump (by pid) and close the connections"));
        stop.setOnAction(e -> stop());
        Label recording = new Label(run.recording() == null ? "Not recording."
                : "Recording to " + run.recording() + " (and its .topology.json). Replay it later with Open captures… (choose both files).");
        recording.setWrapText(true);
        VBox.setVgrow(table, Priority.ALWAYS);
        VBox root = new VBox(8, new HBox(12, stop, summary), coverage, state, table, new Label("Connections and warnings"), log, recording);
        root.setPadding(new Insets(10));
        stage.setScene(new Scene(root, 1080, 520));
        stage.setOnCloseRequest(e -> stop());
        timer = new Timeline(new KeyFrame(REFRESH, e -> refresh()));
        timer.setCycleCount(Animation.INDEFINITE);
    }

    public void show() {
        stage.show();
        timer.play();
    }

    public Stage stage() {
        return stage;
    }

    /** The line naming the cells not captured, with why (hidden when every cell is). */
    public Label coverage() {
        return coverage;
    }

    public TableView<LiveStatus.Row> table() {
        return table;
    }

    public LiveRun run() {
        return run;
    }

    /** One refresh: journeys to the picture (merged), counters and messages to the panel. On the FX thread. */
    public void refresh() {
        Run r = run.feed().drain();
        if (r != null && r.foundation() != null) {
            picture.accept(r);
        }
        run.poll();
        LiveStatus.Snapshot s = run.status().snapshot();
        if (s.version() != shownVersion) {
            shownVersion = s.version();
            table.getItems().setAll(s.rows());
            log.getItems().setAll(s.messages().stream().map(SafeText::line).toList());
            log.scrollTo(Math.max(0, s.messages().size() - 1));
        }
        summary.setText(SafeText.line(s.summary()));
        String warning = s.coverage().warning();
        coverage.setVisible(warning != null);
        coverage.setText(warning == null ? "" : SafeText.line(warning));
        if (run.ended() != null && !stopping) {
            stop(false);
        }
    }

    /** Stops the session off the FX thread (every tcpdump killed by the live package), then refreshes once. */
    public void stop() {
        stop(true);
    }

    private void stop(boolean byPerson) {
        if (stopping) {
            return;
        }
        stopping = true;
        stop.setDisable(true);
        state.setText(SafeText.line(byPerson ? "Stopping: killing every tcpdump …" : "Ending: " + run.ended()));
        Thread t = new Thread(() -> {
            run.stop();
            try {
                Platform.runLater(() -> {
                    refresh();
                    timer.stop();
                    state.setText(SafeText.line(byPerson ? "Stopped: every capture was ended by its pid (each row says how it ended)."
                            : "Ended: " + run.ended() + " (each row says how its capture ended)."));
                });
            } catch (IllegalStateException e) {
                // the toolkit has exited (the program is quitting): the session is stopped all the same
            }
        }, "silkscreen live stop");
        t.start();
    }

    private static <T> TableColumn<LiveStatus.Row, T> column(String title, java.util.function.Function<LiveStatus.Row, T> value, double width) {
        TableColumn<LiveStatus.Row, T> c = new TableColumn<>(title);
        c.setCellValueFactory(d -> new ReadOnlyObjectWrapper<>(value.apply(d.getValue())));
        c.setPrefWidth(width);
        return c;
    }
}
