package dev.silkscreen.ui.live;

/**
 * What the host-key dialog says: a host not in known_hosts (asked: accept or reject), or a host
 * whose key changed (only a warning: the connection is refused, there is nothing to accept).
 *
 * @param host        as known_hosts names it ({@code host} or {@code [host]:port})
 * @param keyType     e.g. {@code ecdsa-sha2-nistp256}
 * @param fingerprint {@code SHA256:…}, as {@code ssh-keygen -lf} prints it
 * @param changed     true when known_hosts holds a different key for this host
 */
public record HostKeyQuestion(String host, String keyType, String fingerprint, boolean changed) {

    public String title() {
        return changed ? "Host key CHANGED — connection refused" : "Unknown host key";
    }

    public String header() {
        return changed
                ? "WARNING: the host key of " + host + " has CHANGED."
                : host + " is not in known_hosts.";
    }

    /** The body: the key and what to do, in words an operator acts on. */
    public String body() {
        String key = "Key type: " + keyType + "\nFingerprint: " + fingerprint;
        if (changed) {
            return key + "\n\nSomeone may be intercepting the connection, or the VM was recreated. Silkscreen refuses to"
                    + " connect. If the change is expected, remove the old key (ssh-keygen -R '" + host + "') and connect again.";
        }
        return key + "\n\nCompare the fingerprint with the cell's own (ssh-keygen -lf /etc/ssh/ssh_host_*_key.pub on the"
                + " cell, or from your BOSH director). Accept records the key in known_hosts; Reject does not connect.";
    }
}
