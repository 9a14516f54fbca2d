package dev.silkscreen.ui;

import javafx.application.Application;

/** Starts the JavaFX application; called reflectively by {@link dev.silkscreen.Main}. */
public final class DesktopLauncher {
    private DesktopLauncher() {
    }

    public static void launch(String[] args) {
        Application.launch(SilkscreenApp.class, args);
    }
}
