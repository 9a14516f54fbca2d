package dev.silkscreen.ui;

import java.time.Duration;
import java.time.Instant;
import javafx.application.Platform;

/**
 * Measures start-up for the installers' figures: with {@code SILKSCREEN_STARTUP_PROBE} set in the
 * environment, prints how long after the process started the first window was up (shown and laid
 * out) and quits. Without it, does nothing.
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
            Instant started = ProcessHandle.current().info().startInstant().orElse(Instant.now());
            long ms = Duration.between(started, Instant.now()).toMillis();
            System.out.println("silkscreen: first window after " + ms + " ms");
            System.out.flush();
            Platform.exit();
        });
    }
}
