package dev.silkscreen.live.scope;

/** A flow that cannot be scoped: a bad {@code --from}/{@code --to}, or one that names nothing discovered. One line. */
public final class ScopeException extends Exception {
    public ScopeException(String message) {
        super(message);
    }
}
