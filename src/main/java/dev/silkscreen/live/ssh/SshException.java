package dev.silkscreen.live.ssh;

/** An SSH step that failed, with a message a person understands (which host, what happened, what to do). */
public class SshException extends Exception {
    private final Kind kind;

    /** What went wrong, so callers can decide whether retrying makes sense. */
    public enum Kind {
        /** Unreachable, refused, timed out, connection lost: worth retrying. */
        NETWORK,
        /** Credentials refused or not given: retrying will not help. */
        AUTH,
        /** Host key unknown and not accepted, or changed: never retried. */
        HOST_KEY,
        /** The remote side refused or failed a command. */
        REMOTE
    }

    public SshException(Kind kind, String message, Throwable cause) {
        super(message, cause);
        this.kind = kind;
    }

    public SshException(Kind kind, String message) {
        this(kind, message, null);
    }

    public Kind kind() {
        return kind;
    }

    public boolean retryable() {
        return kind == Kind.NETWORK;
    }
}
