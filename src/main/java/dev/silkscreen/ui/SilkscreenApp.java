package dev.silkscreen.ui;

import dev.silkscreen.model.CapturePoint;
import dev.silkscreen.pipeline.CaptureInput;
import dev.silkscreen.pipeline.CaptureNames;
import dev.silkscreen.pipeline.PipelineSource;
import java.nio.file.Path;
import java.util.List;
import javafx.application.Application;
import javafx.stage.Stage;

/**
 * The desktop program: opens on the {@code seed} scenario (AppB on cell 1 calling AppA on cell 2),
 * ready to play, fed by the real pipeline (simulator → frames → correlator → journeys); or, given
 * capture files as arguments, on their journeys.
 */
public final class SilkscreenApp extends Application {
    /** The scenario shown at start. */
    public static final String FIRST_SCENARIO = "seed";

    @Override
    public void start(Stage stage) {
        DesktopWindow window = new DesktopWindow(stage, new PipelineSource());
        List<String> files = getParameters().getRaw();
        if (files.isEmpty()) {
            window.show(FIRST_SCENARIO);
        } else {
            window.showCaptures(inputs(files));
        }
        StartupProbe.reportIfAsked();
    }

    /** Capture files from the command line, placed by their names when the files do not say. */
    static List<CaptureInput> inputs(List<String> files) {
        return files.stream().map(Path::of).map(p -> {
            CapturePoint guess = CaptureNames.guess(p);
            boolean known = !guess.cell().isEmpty() && !guess.iface().isEmpty();
            return new CaptureInput(p, known ? guess : null);
        }).toList();
    }
}
