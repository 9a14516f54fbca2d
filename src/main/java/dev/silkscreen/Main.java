package dev.silkscreen;

import dev.silkscreen.cli.SilkscreenCli;

/**
 * Entry point of the jar. No arguments: the desktop program. Any argument: the CLI, which never
 * touches the JavaFX toolkit (it must run over SSH on a jumpbox with no display).
 *
 * <p>This class must not extend {@code javafx.application.Application}: a plain (shaded) jar whose
 * main class does so is refused by the JavaFX launcher check.
 */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        if (args.length == 0) {
            launchDesktop(args);
            return;
        }
        System.exit(SilkscreenCli.run(args));
    }

    /** Loaded reflectively so the CLI path never loads a JavaFX class. */
    static void launchDesktop(String[] args) {
        try {
            Class<?> app = Class.forName("dev.silkscreen.ui.DesktopLauncher");
            app.getMethod("launch", String[].class).invoke(null, (Object) args);
        } catch (ReflectiveOperationException e) {
            System.err.println("silkscreen: cannot start the desktop program: " + e);
            System.exit(1);
        }
    }
}
