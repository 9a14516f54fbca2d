package dev.silkscreen.cli;

import dev.silkscreen.capture.CaptureProblem;
import dev.silkscreen.model.SafeText;
import java.io.PrintWriter;

/**
 * How the verbs that read capture files report a {@link CaptureProblem}: one line on stderr; a
 * file that is not a capture is an error (exit 2), one cut short or corrupt further on is a
 * warning after its frames were used (exit 1).
 */
final class CaptureProblems {
    private CaptureProblems() {
    }

    /** Prints the line for {@code problem} of the input called {@code name}; returns the exit code it calls for. */
    static int report(PrintWriter err, String name, CaptureProblem problem) {
        boolean fatal = problem.kind() == CaptureProblem.Kind.NOT_A_CAPTURE;
        err.println(SafeText.line("silkscreen: " + name + ": " + (fatal ? "" : "warning: ") + problem.message()));
        return fatal ? ExitCodes.USAGE : ExitCodes.PARTIAL;
    }
}
