package dev.silkscreen.live.profile;

/** A profile that cannot be used, with a message naming the file, the field and the fix. */
public class ProfileException extends RuntimeException {
    public ProfileException(String message) {
        super(message);
    }

    public ProfileException(String message, Throwable cause) {
        super(message, cause);
    }
}
