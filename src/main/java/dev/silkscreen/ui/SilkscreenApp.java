package dev.silkscreen.ui;

import dev.silkscreen.ui.source.PipelineSource;
import javafx.application.Application;
import javafx.stage.Stage;

/**
 * The desktop program: opens on the {@code seed} scenario (AppB on cell 1 calling AppA on cell 2),
 * ready to play, fed by the real pipeline (simulator → frames → correlator → journeys).
 */
public final class SilkscreenApp extends Application {
    /** The scenario shown at start. */
    public static final String FIRST_SCENARIO = "seed";

    @Override
    public void start(Stage stage) {
        new DesktopWindow(stage, new PipelineSource()).show(FIRST_SCENARIO);
    }
}
