package dev.silkscreen.pipeline;

/** A run could not be made: an unknown scenario, an unreadable capture. The message is for people. */
public final class SourceException extends Exception {
    public SourceException(String message) {
        super(message);
    }

    public SourceException(String message, Throwable cause) {
        super(message, cause);
    }
}
