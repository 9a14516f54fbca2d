package dev.silkscreen.live.ssh;

import com.jcraft.jsch.ChannelExec;
import com.jcraft.jsch.JSchException;
import com.jcraft.jsch.Session;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * One logged-in SSH connection (to a cell or the jump host). Runs bounded commands
 * ({@link #exec}) and opens streaming ones ({@link #openExec}). Thread-safe as JSch sessions are:
 * channels may be opened from several threads.
 */
public final class SshSession implements AutoCloseable {
    /** Discovery output beyond this is cut (an iptables-save of a busy cell is well under it). */
    public static final int MAX_OUTPUT = 16 << 20;
    private final String label;
    private final Session session;
    private final SshTimeouts timeouts;

    SshSession(String label, Session session, SshTimeouts timeouts) {
        this.label = label;
        this.session = session;
        this.timeouts = timeouts;
    }

    public String label() {
        return label;
    }

    public boolean isConnected() {
        return session.isConnected();
    }

    Session jschSession() {
        return session;
    }

    /** Runs {@code command} (already quoted for the remote shell) and waits for it, up to the command timeout. */
    public ExecResult exec(String command) throws SshException {
        return exec(command, timeouts.command());
    }

    public ExecResult exec(String command, Duration timeout) throws SshException {
        RemoteExec rx = openExec(command);
        ChannelExec ch = rx.channel();
        try {
            InputStream out = rx.stdout();
            InputStream err = rx.stderr();
            ByteArrayOutputStream stdout = new ByteArrayOutputStream();
            ByteArrayOutputStream stderr = new ByteArrayOutputStream();
            byte[] buf = new byte[16384];
            long deadline = System.nanoTime() + timeout.toNanos();
            boolean truncated = false;
            while (true) {
                int before = stdout.size() + stderr.size();
                truncated |= drain(out, stdout, buf);
                truncated |= drain(err, stderr, buf);
                boolean moved = stdout.size() + stderr.size() != before;
                if (ch.isClosed() && out.available() == 0 && err.available() == 0) {
                    break;
                }
                if (!session.isConnected()) {
                    throw new SshException(SshException.Kind.NETWORK, label + ": connection lost while running: " + command);
                }
                if (System.nanoTime() - deadline > 0) {
                    throw new SshException(SshException.Kind.NETWORK, label + ": no answer within " + timeout.toSeconds() + " s to: " + command);
                }
                if (!moved) {
                    sleep(10);
                }
            }
            if (ch.getExitStatus() == -1) {
                // No exit status: the connection went (JSch closes channels before it marks the session
                // down), or the command was killed by a signal. Either way, worth another try.
                throw new SshException(SshException.Kind.NETWORK, label + ": no exit status (connection lost?) for: " + command);
            }
            return new ExecResult(ch.getExitStatus(), stdout.toByteArray(), stderr.toString(StandardCharsets.UTF_8), truncated);
        } catch (IOException e) {
            throw new SshException(SshException.Kind.NETWORK, label + ": " + e.getMessage(), e);
        } finally {
            ch.disconnect();
        }
    }

    /** Starts {@code command} on an exec channel (no pty, so binary output passes untouched). */
    public RemoteExec openExec(String command) throws SshException {
        try {
            ChannelExec ch = (ChannelExec) session.openChannel("exec");
            ch.setCommand(command);
            ch.setPty(false);
            ch.setInputStream(null);
            InputStream out = ch.getInputStream();
            InputStream err = ch.getErrStream();
            ch.connect(timeouts.channelMillis());
            return new RemoteExec(ch, out, err);
        } catch (JSchException | IOException e) {
            throw new SshException(session.isConnected() ? SshException.Kind.REMOTE : SshException.Kind.NETWORK,
                    label + ": cannot start a command: " + e.getMessage(), e);
        }
    }

    private static boolean drain(InputStream in, ByteArrayOutputStream to, byte[] buf) throws IOException {
        boolean cut = false;
        int n;
        while (in.available() > 0 && (n = in.read(buf, 0, Math.min(buf.length, in.available()))) > 0) {
            if (to.size() + n > MAX_OUTPUT) {
                cut = true;
                continue;
            }
            to.write(buf, 0, n);
        }
        return cut;
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        session.disconnect();
    }
}
