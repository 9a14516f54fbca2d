package dev.silkscreen.cf;

/** Cloud Foundry's answer could not be read or fetched. The message is one line for a person. */
public final class CfException extends Exception {
    public CfException(String message) {
        super(message);
    }

    public CfException(String message, Throwable cause) {
        super(message, cause);
    }
}
