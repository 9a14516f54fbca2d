package dev.silkscreen.live.discover;

/** Output of a discovery command that does not have the expected shape; the message says which command and why. */
public class DiscoveryParseException extends RuntimeException {
    public DiscoveryParseException(String message, Throwable cause) {
        super(message, cause);
    }

    public DiscoveryParseException(String message) {
        super(message);
    }
}
