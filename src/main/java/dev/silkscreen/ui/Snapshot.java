package dev.silkscreen.ui;

import dev.silkscreen.pipeline.CaptureInput;
import dev.silkscreen.pipeline.Run;
import dev.silkscreen.pipeline.RunSource;
import dev.silkscreen.pipeline.SourceException;
import dev.silkscreen.ui.main.MainModel;
import dev.silkscreen.ui.snapshot.PngWriter;
import dev.silkscreen.ui.snapshot.SnapshotRequest;
import dev.silkscreen.ui.steps.Lesson;
import dev.silkscreen.ui.theme.Theme;
import java.io.IOException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.image.WritableImage;

/**
 * Renders the desktop view to a PNG with no display: the headless Monocle glass platform and the
 * software pipeline, chosen before the toolkit starts. The run is made on the calling thread; only
 * the drawing happens on the FX thread.
 */
public final class Snapshot {
    private static final long TIMEOUT_SECONDS = 60;

    private Snapshot() {
    }

    /** Renders {@code request} with runs from {@code source}; returns the run's title. */
    public static String render(SnapshotRequest request, RunSource source) throws SourceException, IOException {
        Run run = request.captures().isEmpty() ? source.scenario(request.scenario())
                : source.captures(request.captures().stream().map(p -> new CaptureInput(p, null)).toList());
        startHeadless(request.width(), request.height());
        WritableImage image;
        try {
            image = onFx(() -> draw(request, run, request.scenario()));
        } catch (IOException e) {
            if (e.getCause() instanceof IllegalArgumentException bad) {
                throw new SourceException(bad.getMessage(), bad);
            }
            throw e;
        }
        if (request.out() != null) {
            PngWriter.write(image, request.out());
        }
        return run.title();
    }

    private static WritableImage draw(SnapshotRequest r, Run run, String name) throws IOException {
        Prepared p = prepare(r, run);
        WritableImage image = r.out() == null ? null : p.scene.snapshot(null);
        if (r.describe() != null) {
            SceneDescriber.describe(p.view, p.model, r.captures().isEmpty() ? name : run.title(), r.width(), r.height())
                    .write(r.describe());
        }
        p.view.picture().stop();
        return image;
    }

    /** A laid-out main view showing a run, with no window. */
    public record Prepared(MainModel model, MainView view, Scene scene) {
        /** Shows the followed packet at {@code step} and lays the view out again. */
        public void step(int step) {
            model.playback().jumpTo(step);
            view.applyCss();
            view.layout();
        }
    }

    /** Builds the view of {@code run} as {@code r} asks, laid out at its size (FX thread). */
    public static Prepared prepare(SnapshotRequest r, Run run) {
        MainModel model = new MainModel(Lesson.builtIn());
        model.themeProperty().set(r.theme());
        MainView view = new MainView(model, new NoActions());
        Scene scene = new Scene(view, r.width(), r.height());
        scene.getStylesheets().setAll(r.theme().stylesheets());
        model.show(run);
        if (r.theme() == Theme.CLASSROOM) {
            model.classroomProperty().set(true);
        }
        int journey = Math.min(r.journey(), Math.max(0, model.playback().schedule().size() - 1));
        if (r.inspect()) {
            model.selectJourney(journey);
        } else {
            model.playback().follow(journey);
        }
        model.playback().jumpTo(r.step());
        if (r.select() != null) {
            model.selectPart(part(model, r.select()));
        }
        view.applyCss();
        view.layout();
        view.picture().redraw();
        return new Prepared(model, view, scene);
    }

    private static dev.silkscreen.ui.canvas.Part part(MainModel model, String select) {
        String[] kc = select.split(":", 2);
        dev.silkscreen.ui.canvas.PartKind kind = dev.silkscreen.ui.canvas.PartKind.valueOf(kc[0].toUpperCase(java.util.Locale.ROOT));
        return model.layout().parts().stream()
                .filter(p -> p.kind() == kind && (kc.length == 1 || (p.cell() != null && p.cell().name().equals(kc[1]))))
                .findFirst().orElseThrow(() -> new IllegalArgumentException("no " + select + " in this scenario"));
    }

    /** Starts the toolkit on Monocle's headless platform, unless it is already running. */
    public static void startHeadless(int width, int height) throws IOException {
        if (System.getProperty("glass.platform") == null) {
            System.setProperty("glass.platform", "Monocle");
            System.setProperty("monocle.platform", "Headless");
            System.setProperty("prism.order", "sw");
            System.setProperty("prism.text", "t2k");
            System.setProperty("java.awt.headless", "true");
            System.setProperty("headless.geometry", width + "x" + height + "-32");
        }
        CountDownLatch started = new CountDownLatch(1);
        try {
            Platform.startup(started::countDown);
            Platform.setImplicitExit(false);
        } catch (IllegalStateException alreadyRunning) {
            started.countDown();
        }
        try {
            if (!started.await(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                throw new IOException("the JavaFX toolkit did not start");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while starting the toolkit", e);
        }
    }

    public static <T> T onFx(java.util.concurrent.Callable<T> work) throws IOException {
        FutureTask<T> task = new FutureTask<>(work);
        Platform.runLater(task);
        try {
            return task.get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            Throwable c = e.getCause();
            throw new IOException("rendering failed: " + c, c);
        } catch (java.util.concurrent.TimeoutException e) {
            throw new IOException("rendering took longer than " + TIMEOUT_SECONDS + " s");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while rendering", e);
        }
    }

    /** A snapshot has no tool bar to act on. */
    private static final class NoActions implements dev.silkscreen.ui.MainActions {
        @Override
        public void openScenario(String name) {
        }

        @Override
        public void openCaptures() {
        }

        @Override
        public void editScenario() {
        }

        @Override
        public void live() {
        }

        @Override
        public void exportPng() {
        }

        @Override
        public void toggleFullScreen() {
        }
    }
}
