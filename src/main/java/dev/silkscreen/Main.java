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
        if (opensDesktop(args)) {
            launchDesktop(args);
            return;
        }
        Thread.setDefaultUncaughtExceptionHandler(Main::outOfMemoryInAnyThread);
        System.exit(SilkscreenCli.run(args));
    }

    /**
     * A CLI thread other than main (a live stream, a reader) that runs out of memory ends the
     * program the same way as the main thread: one line and exit 4, never a stack trace.
     */
    private static void outOfMemoryInAnyThread(Thread t, Throwable e) {
        if (e instanceof OutOfMemoryError) {
            System.err.println("silkscreen: out of memory (" + e.getMessage() + ") in " + t.getName()
                    + ": give more with JAVA_TOOL_OPTIONS=-Xmx4g, or less input");
            System.err.flush();
            Runtime.getRuntime().halt(dev.silkscreen.cli.ExitCodes.OUT_OF_MEMORY);
        }
        System.err.print("Exception in thread \"" + t.getName() + "\" ");
        e.printStackTrace();
    }

    /**
     * The desktop program starts with no arguments, or with only capture files to open (what a
     * file manager passes for "Open with Silkscreen"); anything else is a CLI verb.
     */
    static boolean opensDesktop(String[] args) {
        for (String arg : args) {
            String lower = arg.toLowerCase(java.util.Locale.ROOT);
            boolean capture = lower.endsWith(".pcap") || lower.endsWith(".pcapng") || lower.endsWith(".cap");
            if (!capture || !java.nio.file.Files.isRegularFile(java.nio.file.Path.of(arg))) {
                return false;
            }
        }
        return true;
    }

    /** Loaded reflectively so the CLI path never loads a JavaFX class. */
    static void launchDesktop(String[] args) {
        try {
            Class<?> app = Class.forName("dev.silkscreen.ui.DesktopLauncher");
            app.getMethod("launch", String[].class).invoke(null, (Object) args);
        } catch (ReflectiveOperationException e) {
            Throwable cause = e instanceof java.lang.reflect.InvocationTargetException && e.getCause() != null
                    ? e.getCause() : e;
            System.err.println("silkscreen: cannot start the desktop program: " + cause.getMessage()
                    + " (the CLI verbs work without a display: silkscreen --help)");
            System.exit(1);
        }
    }
}
