package dev.silkscreen.live.ssh;

import java.util.Objects;

/**
 * Where and as whom to log in with SSH: a cell or the jump host.
 *
 * @param host    host name or IPv4 address (may be a {@code ~/.ssh/config} Host alias)
 * @param port    TCP port, 0 when not given (then ssh config or 22)
 * @param user    login user, null when not given (then ssh config, or the profile default)
 * @param auth    how to authenticate
 * @param keyFile private key path for {@link AuthMethod#KEY} ({@code ~} allowed), null otherwise
 */
public record SshTarget(String host, int port, String user, AuthMethod auth, String keyFile) {

    public SshTarget {
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(auth, "auth");
    }

    /** {@code user@host:port} for messages. */
    public String display() {
        return (user == null ? "" : user + "@") + host + (port == 0 || port == 22 ? "" : ":" + port);
    }
}
