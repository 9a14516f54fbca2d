package dev.silkscreen.ui;

import dev.silkscreen.model.SafeText;
import dev.silkscreen.pipeline.CaptureInput;
import dev.silkscreen.pipeline.LiveEnvironment;
import dev.silkscreen.pipeline.LiveRun;
import dev.silkscreen.pipeline.Run;
import dev.silkscreen.pipeline.RunSource;
import dev.silkscreen.sim.ScenarioSpec;
import dev.silkscreen.ui.classroom.Keys;
import dev.silkscreen.ui.editor.EditorDialog;
import dev.silkscreen.ui.live.FxPrompter;
import dev.silkscreen.ui.live.LiveDialog;
import dev.silkscreen.ui.live.LivePanel;
import dev.silkscreen.ui.live.LiveRequest;
import dev.silkscreen.ui.live.ProfileForm;
import dev.silkscreen.ui.main.MainModel;
import dev.silkscreen.ui.snapshot.PngWriter;
import dev.silkscreen.ui.steps.Lesson;
import dev.silkscreen.ui.theme.Theme;
import java.io.File;
import java.io.IOException;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import javafx.concurrent.Task;
import javafx.scene.Scene;
import javafx.scene.control.Alert;
import javafx.scene.control.TextInputControl;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.KeyEvent;
import javafx.stage.FileChooser;
import javafx.stage.Stage;

/**
 * The desktop window: wires a {@link MainModel} and its {@link MainView} to a stage, a
 * {@link RunSource} and a background thread. Loading a scenario or capture files runs off the FX
 * thread as a {@link Task}; the FX thread never waits on I/O.
 */
public final class DesktopWindow implements MainActions, Keys.Window {
    private final Stage stage;
    private final RunSource source;
    private final MainModel model;
    private final MainView view;
    private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "silkscreen-loader");
        t.setDaemon(true);
        return t;
    });
    private Theme themeBeforeClassroom = Theme.LIGHT;
    private Run lastScenario;
    private ScenarioSpec editedSpec;
    private LiveEnvironment liveEnvironment = LiveEnvironment.user();
    private ProfileForm lastProfile;
    private LivePanel livePanel;

    public DesktopWindow(Stage stage, RunSource source) {
        this.stage = stage;
        this.source = source;
        this.model = new MainModel(Lesson.builtIn());
        this.view = new MainView(model, this);
        javafx.geometry.Rectangle2D screen = javafx.stage.Screen.getPrimary().getVisualBounds();
        Scene scene = new Scene(view, Math.min(1440, screen.getWidth()), Math.min(900, screen.getHeight()));
        scene.getStylesheets().setAll(model.themeProperty().get().stylesheets());
        model.themeProperty().addListener((o, a, b) -> scene.getStylesheets().setAll(b.stylesheets()));
        model.classroomProperty().addListener((o, a, b) -> classroomChanged(b));
        scene.getAccelerators().put(KeyCombination.keyCombination("Shortcut+L"), this::live);
        scene.addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            if (scene.getFocusOwner() instanceof TextInputControl) {
                return;
            }
            if (Keys.handle(e.getCode(), e.isControlDown() || e.isMetaDown(), model.playback(), this)) {
                e.consume();
            }
        });
        stage.setTitle("Silkscreen");
        stage.setScene(scene);
        stage.setFullScreenExitKeyCombination(KeyCombination.NO_MATCH);
        stage.setFullScreenExitHint("");
        stage.setOnHidden(e -> {
            stopLive();
            view.picture().stop();
            worker.shutdownNow();
        });
    }

    public MainModel model() {
        return model;
    }

    public MainView view() {
        return view;
    }

    public Stage stage() {
        return stage;
    }

    /** Shows the window and starts loading the scenario list and {@code first}. */
    public void show(String first) {
        showWindow();
        openScenario(first);
    }

    /** Shows the window on capture files (as given on the command line) instead of a scenario. */
    public void showCaptures(List<CaptureInput> inputs) {
        showWindow();
        openCaptures(inputs);
    }

    private void showWindow() {
        stage.show();
        run(new Task<List<String>>() {
            @Override
            protected List<String> call() {
                return source.scenarios();
            }
        }, names -> view.toolBar().setScenarios(names));
    }

    @Override
    public void openScenario(String name) {
        model.statusProperty().set("Simulating " + name + " …");
        run(new Task<Run>() {
            @Override
            protected Run call() throws Exception {
                return source.scenario(name);
            }
        }, r -> {
            lastScenario = r;
            model.show(r);
            stage.setTitle("Silkscreen · " + SafeText.line(r.title()));
        });
    }

    @Override
    public void openCaptures() {
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Open capture files");
        chooser.getExtensionFilters().addAll(
                new FileChooser.ExtensionFilter("Captures (pcap, pcapng)", "*.pcap", "*.pcapng", "*.cap"),
                new FileChooser.ExtensionFilter("All files", "*"));
        List<File> files = chooser.showOpenMultipleDialog(stage);
        if (files == null || files.isEmpty()) {
            return;
        }
        Optional<List<CaptureInput>> inputs = new CaptureDialog(files.stream().map(File::toPath).toList()).showAndWait();
        inputs.ifPresent(this::openCaptures);
    }

    /** Reads {@code inputs} in the background and shows their journeys. */
    public void openCaptures(List<CaptureInput> inputs) {
        model.statusProperty().set("Reading " + inputs.size() + " capture file(s) …");
        run(new Task<Run>() {
            @Override
            protected Run call() throws Exception {
                return source.captures(inputs);
            }
        }, r -> {
            model.show(r);
            stage.setTitle("Silkscreen · " + SafeText.line(r.title()));
        });
    }

    @Override
    public void editScenario() {
        if (lastScenario == null) {
            return;
        }
        String name = lastScenario.foundation().name();
        run(new Task<ScenarioSpec>() {
            @Override
            protected ScenarioSpec call() throws Exception {
                return editedSpec != null && editedSpec.name().equals(name) ? editedSpec : source.spec(name);
            }
        }, spec -> new EditorDialog(spec).showAndWait().ifPresent(this::simulate));
    }

    /** Simulates an edited scenario and says how the verdicts changed. */
    public void simulate(ScenarioSpec spec) {
        Run before = lastScenario;
        model.statusProperty().set("Simulating " + spec.name() + " …");
        run(new Task<Run>() {
            @Override
            protected Run call() throws Exception {
                return source.simulate(spec);
            }
        }, r -> {
            editedSpec = spec;
            lastScenario = r;
            model.show(r);
            stage.setTitle("Silkscreen · " + SafeText.line(r.title()));
            model.statusProperty().set(model.statusProperty().get() + " · " + Verdicts.change(before, r));
        });
    }

    @Override
    public void live() {
        if (livePanel != null && livePanel.run().active()) {
            livePanel.stage().toFront();
            return;
        }
        LiveDialog dialog = new LiveDialog(lastProfile, null);
        dialog.initOwner(stage);
        Optional<LiveRequest> request = dialog.showAndWait();
        lastProfile = dialog.form();
        request.ifPresent(this::startLive);
    }

    /** SSH settings for live sessions (tests point them at their own known_hosts and timeouts). */
    public void setLiveEnvironment(LiveEnvironment env) {
        this.liveEnvironment = env;
    }

    /** The status panel of the current (or last) live session, or null. */
    public LivePanel livePanel() {
        return livePanel;
    }

    /**
     * Connects, discovers and starts streaming in the background; the picture shows the discovered
     * foundation, then its journeys as they complete. Questions (passwords, host keys) come as dialogs.
     */
    public void startLive(LiveRequest request) {
        stopLive();
        LiveEnvironment env = liveEnvironment;
        FxPrompter prompter = new FxPrompter(stage);
        model.statusProperty().set("Connecting to " + request.profile().cells().size() + " cell(s) of " + request.profile().name() + " …");
        run(new Task<LiveRun>() {
            @Override
            protected LiveRun call() throws Exception {
                LiveRun r = new LiveRun(request.profile(), env, prompter, request.record());
                javafx.application.Platform.runLater(() -> openPanel(r));
                r.start();
                return r;
            }
        }, r -> {
            model.show(r.feed().current());
            stage.setTitle("Silkscreen · live · " + r.profile().name());
        });
    }

    private void openPanel(LiveRun r) {
        if (!stage.isShowing()) {
            // the window closed while connecting: stop what is being started
            new Thread(r::stop, "silkscreen live stop").start();
            return;
        }
        livePanel = new LivePanel(stage, r, run -> {
            if (model.run() != null && model.run().origin() == Run.Origin.LIVE) {
                model.update(run);
            } else {
                model.show(run);
            }
        });
        livePanel.show();
    }

    /** Stops the live session, if any (every tcpdump killed, the recording closed), off the FX thread. */
    public void stopLive() {
        if (livePanel != null) {
            livePanel.stop();
        }
    }

    @Override
    public void exportPng() {
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Export the view as PNG");
        chooser.setInitialFileName("silkscreen-step-" + model.playback().currentStep() + ".png");
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("PNG image", "*.png"));
        File f = chooser.showSaveDialog(stage);
        if (f == null) {
            return;
        }
        try {
            javafx.scene.Node what = model.classroomProperty().get() ? view : view.picture();
            PngWriter.write(what.snapshot(null, null), f.toPath());
            model.statusProperty().set("Saved " + f);
        } catch (IOException e) {
            error("Could not save " + f + ": " + e.getMessage());
        }
    }

    @Override
    public void toggleFullScreen() {
        stage.setFullScreen(!stage.isFullScreen());
    }

    @Override
    public void leaveClassroom() {
        model.classroomProperty().set(false);
    }

    @Override
    public void toggleClassroom() {
        model.toggleClassroom();
    }

    private void classroomChanged(boolean on) {
        if (on) {
            themeBeforeClassroom = model.themeProperty().get() == Theme.CLASSROOM ? Theme.LIGHT : model.themeProperty().get();
            model.themeProperty().set(Theme.CLASSROOM);
            stage.setFullScreen(true);
        } else {
            model.themeProperty().set(themeBeforeClassroom);
            stage.setFullScreen(false);
        }
    }

    private <T> void run(Task<T> task, java.util.function.Consumer<T> done) {
        task.setOnSucceeded(e -> done.accept(task.getValue()));
        task.setOnFailed(e -> {
            Throwable t = task.getException();
            error(t.getMessage() == null ? t.toString() : t.getMessage());
        });
        worker.submit(task);
    }

    private void error(String message) {
        model.statusProperty().set("Error: " + message);
        if (stage.isShowing()) {
            Alert a = new Alert(Alert.AlertType.ERROR, SafeText.line(message));
            a.initOwner(stage);
            a.setHeaderText(null);
            a.show();
        }
    }
}
