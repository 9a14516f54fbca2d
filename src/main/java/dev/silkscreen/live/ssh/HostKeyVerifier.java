package dev.silkscreen.live.ssh;

import com.jcraft.jsch.HostKey;
import com.jcraft.jsch.HostKeyRepository;
import com.jcraft.jsch.JSchException;
import com.jcraft.jsch.UserInfo;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Host keys checked against known_hosts, never accept-all. A known key passes; an unknown one is
 * shown (type and SHA256 fingerprint) to the {@link SecretPrompter}, and recorded in known_hosts
 * only when accepted; a changed key is refused, and the reason is kept so the connector can say
 * plainly that the host key changed (a re-installed cell, or someone in the middle).
 */
final class HostKeyVerifier implements HostKeyRepository {
    private final HostKeyRepository knownHosts;
    private final SecretPrompter prompter;
    private final Map<String, String> refusals = new ConcurrentHashMap<>();

    HostKeyVerifier(HostKeyRepository knownHosts, SecretPrompter prompter) {
        this.knownHosts = knownHosts;
        this.prompter = prompter;
    }

    @Override
    public int check(String host, byte[] key) {
        int status = knownHosts.check(host, key);
        if (status == OK) {
            refusals.remove(host);
            return OK;
        }
        String type = keyType(key);
        String fp = fingerprint(key);
        if (status == CHANGED) {
            refusals.put(host, "WARNING: the host key of " + host + " has CHANGED (now " + type + " " + fp
                    + "). Someone may be intercepting the connection, or the VM was recreated. Refusing to connect;"
                    + " if the change is expected, remove the old key: ssh-keygen -R '" + host + "'");
            prompter.hostKeyChanged(host, type, fp);
            return CHANGED;
        }
        if (prompter.acceptNewHostKey(host, type, fp)) {
            try {
                knownHosts.add(new HostKey(host, key), null);
            } catch (JSchException e) {
                refusals.put(host, host + ": cannot record the host key: " + e.getMessage());
                return NOT_INCLUDED;
            }
            refusals.remove(host);
            return OK;
        }
        refusals.put(host, host + " is not in known_hosts (" + type + " " + fp + "); refusing to connect."
                + " Check the fingerprint, then accept it (CLI: --accept-new-host-key)");
        return NOT_INCLUDED;
    }

    void forget(String host) {
        refusals.remove(host);
    }

    /** Why the last check of {@code host} failed, or null when it did not. */
    String refusal(String host) {
        return refusals.get(host);
    }

    /** OpenSSH-style fingerprint: {@code SHA256:} and the unpadded base64 of the key blob's SHA-256. */
    static String fingerprint(byte[] keyBlob) {
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest(keyBlob);
            return "SHA256:" + Base64.getEncoder().withoutPadding().encodeToString(d);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The algorithm name at the start of an SSH public key blob (a length-prefixed string). */
    static String keyType(byte[] blob) {
        if (blob.length < 4) {
            return "unknown";
        }
        int len = ((blob[0] & 0xff) << 24) | ((blob[1] & 0xff) << 16) | ((blob[2] & 0xff) << 8) | (blob[3] & 0xff);
        if (len <= 0 || len > 64 || 4 + len > blob.length) {
            return "unknown";
        }
        return new String(blob, 4, len, StandardCharsets.US_ASCII);
    }

    @Override
    public void add(HostKey hostkey, UserInfo ui) {
        knownHosts.add(hostkey, ui);
    }

    @Override
    public void remove(String host, String type) {
        knownHosts.remove(host, type);
    }

    @Override
    public void remove(String host, String type, byte[] key) {
        knownHosts.remove(host, type, key);
    }

    @Override
    public String getKnownHostsRepositoryID() {
        return knownHosts.getKnownHostsRepositoryID();
    }

    @Override
    public HostKey[] getHostKey() {
        return knownHosts.getHostKey();
    }

    @Override
    public HostKey[] getHostKey(String host, String type) {
        return knownHosts.getHostKey(host, type);
    }
}
