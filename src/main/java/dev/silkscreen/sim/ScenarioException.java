package dev.silkscreen.sim;

/** A scenario that cannot be run: unknown name, bad YAML, inconsistent foundation. The message is for people. */
public final class ScenarioException extends RuntimeException {
    public ScenarioException(String message) {
        super(message);
    }

    public ScenarioException(String message, Throwable cause) {
        super(message, cause);
    }
}
