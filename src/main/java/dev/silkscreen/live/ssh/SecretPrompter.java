package dev.silkscreen.live.ssh;

/**
 * Asks the person at the keyboard for what a profile never stores, and for trust in a new host key.
 * The CLI answers from the console; the GUI will answer with dialogs. Calls come from connecting
 * threads (never the UI thread); an implementation may block until answered.
 */
public interface SecretPrompter {

    /** The password for {@code who} ({@code user@host}), or null to give up. */
    char[] password(String who);

    /** The passphrase of the private key {@code keyFile}, or null to give up. */
    char[] passphrase(String keyFile);

    /**
     * A host not in known_hosts presented this key. True to trust it (it is then recorded in
     * known_hosts), false to refuse the connection.
     *
     * @param host        as known_hosts names it ({@code host} or {@code [host]:port})
     * @param keyType     e.g. {@code ssh-ed25519}
     * @param fingerprint {@code SHA256:…}, as {@code ssh-keygen -lf} prints it
     */
    boolean acceptNewHostKey(String host, String keyType, String fingerprint);

    /**
     * A host presented a key that differs from the one in known_hosts. The connection is refused
     * whatever the answer (nothing is asked); this only lets a GUI show the warning where the
     * person looks. The CLI sees the same warning in the connection's error message.
     */
    default void hostKeyChanged(String host, String keyType, String fingerprint) {
    }
}
