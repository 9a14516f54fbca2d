package dev.silkscreen.live.ssh;

import com.jcraft.jsch.AgentIdentityRepository;
import com.jcraft.jsch.AgentProxyException;
import com.jcraft.jsch.JSch;
import com.jcraft.jsch.JSchChangedHostKeyException;
import com.jcraft.jsch.JSchException;
import com.jcraft.jsch.JSchHostKeyException;
import com.jcraft.jsch.KeyPair;
import com.jcraft.jsch.SSHAgentConnector;
import com.jcraft.jsch.Session;
import com.jcraft.jsch.UnixDomainSocketFactory;
import java.io.IOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;

/**
 * One SSH client for a live session: one JSch, one known_hosts, one set of loaded keys; a
 * {@link SshSession} per cell (and one for the jump host). Every step is bounded by
 * {@link SshTimeouts}; host keys go through {@link HostKeyVerifier}; secrets come from the
 * {@link SecretPrompter} when needed and are kept only in memory (key passphrases are asked once).
 */
public final class SshClient {
    private static final int PASSPHRASE_TRIES = 3;
    private final JSch jsch = new JSch();
    private final HostKeyVerifier hostKeys;
    private final SecretPrompter prompter;
    private final SshTimeouts timeouts;
    private final String agentSocket;
    private final Set<Path> loadedKeys = new HashSet<>();

    /**
     * @param knownHosts  known_hosts file (created empty, mode 600, when missing)
     * @param agentSocket ssh-agent socket ({@code SSH_AUTH_SOCK}), null when there is none
     */
    public SshClient(Path knownHosts, String agentSocket, SecretPrompter prompter, SshTimeouts timeouts) throws IOException {
        this.prompter = prompter;
        this.timeouts = timeouts;
        this.agentSocket = agentSocket;
        ensureFile(knownHosts);
        try {
            jsch.setKnownHosts(knownHosts.toString());
        } catch (JSchException e) {
            throw new IOException(knownHosts + ": cannot read known_hosts: " + e.getMessage(), e);
        }
        this.hostKeys = new HostKeyVerifier(jsch.getHostKeyRepository(), prompter);
    }

    public SshTimeouts timeouts() {
        return timeouts;
    }

    /**
     * Logs in to {@code target} (already resolved: host, port and user set), directly or through
     * {@code via} (the jump host's session), and returns the open session.
     *
     * @param label names the target in messages, e.g. {@code diego-cell/0}
     */
    public SshSession connect(String label, SshTarget target, SshSession via) throws SshException {
        String who = label + " (" + target.display() + (via == null ? "" : " via " + via.label()) + ")";
        Session s;
        try {
            s = jsch.getSession(target.user(), target.host(), target.port());
            s.setHostKeyRepository(hostKeys);
            s.setConfig("StrictHostKeyChecking", "yes");
            s.setConfig("HashKnownHosts", "no");
            s.setServerAliveInterval((int) timeouts.keepAlive().toMillis());
            s.setServerAliveCountMax(timeouts.keepAliveCount());
            if (via != null) {
                s.setProxy(new JumpProxy(via.jschSession(), timeouts.channelMillis(), timeouts.keepAlive().toMillis()));
            }
            configureAuth(s, target, who);
        } catch (JSchException e) {
            throw new SshException(SshException.Kind.NETWORK, who + ": " + e.getMessage(), e);
        }
        hostKeys.forget(knownHostsName(target));
        try {
            s.connect(timeouts.connectMillis());
        } catch (JSchException e) {
            s.disconnect();
            throw explain(who, target, e);
        }
        return new SshSession(label, s, timeouts);
    }

    private void configureAuth(Session s, SshTarget target, String who) throws SshException, JSchException {
        switch (target.auth()) {
            case AGENT -> {
                if (agentSocket == null || agentSocket.isBlank()) {
                    throw new SshException(SshException.Kind.AUTH, who + ": auth is 'agent' but SSH_AUTH_SOCK is not set (start ssh-agent and ssh-add your key)");
                }
                try {
                    s.setIdentityRepository(new AgentIdentityRepository(
                            new SSHAgentConnector(new UnixDomainSocketFactory(), Path.of(agentSocket))));
                } catch (RuntimeException e) {
                    throw new SshException(SshException.Kind.AUTH, who + ": cannot use ssh-agent at " + agentSocket + ": " + e.getMessage(), e);
                } catch (AgentProxyException e) {
                    throw new SshException(SshException.Kind.AUTH, who + ": cannot use ssh-agent at " + agentSocket + ": " + e.getMessage(), e);
                }
                s.setConfig("PreferredAuthentications", "publickey");
            }
            case KEY -> {
                if (target.keyFile() == null) {
                    throw new SshException(SshException.Kind.AUTH, who + ": auth is 'key' but no keyFile is given (in the profile or ~/.ssh/config IdentityFile)");
                }
                loadKey(expandHome(target.keyFile()), who);
                s.setConfig("PreferredAuthentications", "publickey");
            }
            case PASSWORD -> {
                char[] pw = prompter.password(target.user() + "@" + target.host());
                if (pw == null) {
                    throw new SshException(SshException.Kind.AUTH, who + ": no password given");
                }
                byte[] bytes = new String(pw).getBytes(StandardCharsets.UTF_8);
                Arrays.fill(pw, '\0');
                s.setPassword(bytes);
                s.setUserInfo(new PasswordUserInfo(bytes));
                s.setConfig("PreferredAuthentications", "password,keyboard-interactive");
            }
            default -> throw new IllegalStateException(String.valueOf(target.auth()));
        }
    }

    private synchronized void loadKey(Path key, String who) throws SshException {
        if (loadedKeys.contains(key)) {
            return;
        }
        if (!Files.isReadable(key)) {
            throw new SshException(SshException.Kind.AUTH, who + ": cannot read key file " + key);
        }
        try {
            KeyPair kp = KeyPair.load(jsch, key.toString());
            byte[] passphrase = null;
            if (kp.isEncrypted()) {
                for (int i = 0; i < PASSPHRASE_TRIES && passphrase == null; i++) {
                    char[] answer = prompter.passphrase(key.toString());
                    if (answer == null) {
                        break;
                    }
                    byte[] candidate = new String(answer).getBytes(StandardCharsets.UTF_8);
                    Arrays.fill(answer, '\0');
                    if (kp.decrypt(candidate)) {
                        passphrase = candidate;
                    } else {
                        Arrays.fill(candidate, (byte) 0);
                    }
                }
                if (passphrase == null) {
                    throw new SshException(SshException.Kind.AUTH, who + ": wrong or no passphrase for " + key);
                }
            }
            kp.dispose();
            jsch.addIdentity(key.toString(), passphrase);
            if (passphrase != null) {
                Arrays.fill(passphrase, (byte) 0);
            }
            loadedKeys.add(key);
        } catch (JSchException e) {
            throw new SshException(SshException.Kind.AUTH, who + ": cannot load key " + key + ": " + e.getMessage(), e);
        }
    }

    private SshException explain(String who, SshTarget target, JSchException e) {
        String keyName = knownHostsName(target);
        String refusal = hostKeys.refusal(keyName);
        if (e instanceof JSchHostKeyException || refusal != null || String.valueOf(e.getMessage()).contains("HostKey")) {
            String why = refusal;
            if (why == null) {
                why = e instanceof JSchChangedHostKeyException ? keyName + ": the host key has CHANGED; refusing to connect" : e.getMessage();
            }
            return new SshException(SshException.Kind.HOST_KEY, who + ": " + why, e);
        }
        String msg = String.valueOf(e.getMessage());
        if (msg.startsWith("Auth fail") || msg.startsWith("Auth cancel") || msg.contains("USERAUTH fail")) {
            return new SshException(SshException.Kind.AUTH, who + ": authentication refused (" + target.auth().yamlName() + ")", e);
        }
        Throwable c = e.getCause();
        String why;
        if (c instanceof ConnectException) {
            why = "connection refused";
        } else if (c instanceof SocketTimeoutException || msg.contains("timeout") || msg.contains("timed out")) {
            why = "timed out after " + timeouts.connect().toSeconds() + " s (no answer)";
        } else if (c instanceof UnknownHostException) {
            why = "unknown host";
        } else if (c instanceof NoRouteToHostException) {
            why = "no route to host";
        } else {
            why = msg;
        }
        return new SshException(SshException.Kind.NETWORK, who + ": " + why, e);
    }

    /** How known_hosts names a target: {@code host}, or {@code [host]:port} off port 22. */
    static String knownHostsName(SshTarget target) {
        return target.port() == 22 ? target.host() : "[" + target.host() + "]:" + target.port();
    }

    static Path expandHome(String path) {
        if (path.equals("~") || path.startsWith("~/")) {
            return Path.of(System.getProperty("user.home") + path.substring(1));
        }
        return Path.of(path);
    }

    private static void ensureFile(Path file) throws IOException {
        if (Files.exists(file)) {
            return;
        }
        Path dir = file.toAbsolutePath().getParent();
        if (dir != null && !Files.isDirectory(dir)) {
            Files.createDirectories(dir, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
        }
        Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
    }

    /** Answers keyboard-interactive password prompts with the password already given. */
    private record PasswordUserInfo(byte[] password) implements com.jcraft.jsch.UserInfo, com.jcraft.jsch.UIKeyboardInteractive {
        @Override
        public String getPassphrase() {
            return null;
        }

        @Override
        public String getPassword() {
            return new String(password, StandardCharsets.UTF_8);
        }

        @Override
        public boolean promptPassword(String message) {
            return true;
        }

        @Override
        public boolean promptPassphrase(String message) {
            return false;
        }

        @Override
        public boolean promptYesNo(String message) {
            return false;
        }

        @Override
        public void showMessage(String message) {
        }

        @Override
        public String[] promptKeyboardInteractive(String destination, String name, String instruction, String[] prompt, boolean[] echo) {
            if (prompt.length == 1 && !echo[0]) {
                return new String[] {getPassword()};
            }
            return null;
        }
    }
}
