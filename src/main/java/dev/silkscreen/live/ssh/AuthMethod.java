package dev.silkscreen.live.ssh;

import java.util.Locale;

/** How Silkscreen proves who it is to a cell or jump host. Secrets are asked for, never stored. */
public enum AuthMethod {
    /** Keys held by a running ssh-agent ({@code SSH_AUTH_SOCK}). */
    AGENT,
    /** A private key file; its passphrase, if any, is asked for. */
    KEY,
    /** A password, asked for. */
    PASSWORD;

    /** Parses {@code agent}, {@code key} or {@code password}; null for anything else. */
    public static AuthMethod parse(String text) {
        return switch (text.trim().toLowerCase(Locale.ROOT)) {
            case "agent", "ssh-agent" -> AGENT;
            case "key", "key-file", "keyfile" -> KEY;
            case "password" -> PASSWORD;
            default -> null;
        };
    }

    public String yamlName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
