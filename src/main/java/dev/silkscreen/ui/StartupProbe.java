package dev.silkscreen.ui;

import javafx.application.Platform;

/**
 * Measures start-up for the installers' figures: with {@code SILKSCREEN_STARTUP_PROBE} set in the
 * environment, prints the wall-clock time (epoch ms) at which the first window was up (shown and
 * laid out) and quits; the caller subtracts its own start time. Without it, does nothing.
 */
final class StartupProbe {
    static final String ENV = "SILKSCREEN_STARTUP_PROBE";

    private StartupProbe() {
    }

    static void reportIfAsked() {
        if (System.getenv(ENV) == null) {
            return;
        }
        // Runs after start() returns, i.e. after the shown window's first layout pass.
        Platform.runLater(() -> {
            System.out.println("silkscreen: first window up at epoch ms " + System.currentTimeMillis());
            System.out.flush();
            Platform.exit();
        });
    }
}
