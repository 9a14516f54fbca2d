package dev.silkscreen.capture;

/** A {@link CaptureProblem} thrown by the convenience readers that return whole lists. */
public final class CaptureException extends Exception {
    private final transient CaptureProblem problem;

    public CaptureException(CaptureProblem problem) {
        super(problem.message());
        this.problem = problem;
    }

    public CaptureProblem problem() {
        return problem;
    }
}
