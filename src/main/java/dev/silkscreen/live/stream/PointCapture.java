package dev.silkscreen.live.stream;

import dev.silkscreen.capture.CaptureProblem;
import dev.silkscreen.capture.CaptureStreamParser;
import dev.silkscreen.live.ssh.ExecResult;
import dev.silkscreen.live.ssh.RemoteExec;
import dev.silkscreen.live.ssh.SshException;
import dev.silkscreen.live.ssh.SshSession;
import dev.silkscreen.model.CapturePoint;
import dev.silkscreen.model.FrameSink;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

/**
 * One capture point: a tcpdump on one cell interface, its pcap stream fed to the
 * {@link CaptureStreamParser} (frames go to the sink as they arrive), its stderr read for errors
 * and the kernel drop count. {@link #run()} blocks until the stream ends; {@link #stop()} (any
 * thread) kills the remote process by the pid it printed, then closes the channel. A stop that
 * comes before the capture has started starts none; one that comes before the pid is known is
 * carried out by {@link #run()} as soon as the pid arrives.
 */
final class PointCapture implements Runnable {
    private static final int MAX_PID_LINE = 24;
    private static final Duration KILL_GRACE = Duration.ofSeconds(3);
    private final CapturePoint point;
    private final SshSession ssh;
    private final String command;
    private final boolean sudo;
    private final FrameSink sink;
    private final Consumer<PointStats> onChange;

    private volatile PointState state = PointState.STARTING;
    private volatile long frames;
    private volatile long bytes;
    private volatile long drops = -1;
    private volatile String message;
    private volatile long pid = -1;
    private volatile RemoteExec exec;
    private volatile boolean stopRequested;
    private volatile String lastErrorLine;
    private final AtomicBoolean killSent = new AtomicBoolean();

    PointCapture(CapturePoint point, SshSession ssh, String command, boolean sudo, FrameSink sink, Consumer<PointStats> onChange) {
        this.point = point;
        this.ssh = ssh;
        this.command = command;
        this.sudo = sudo;
        this.sink = sink;
        this.onChange = onChange;
    }

    PointStats stats() {
        return new PointStats(point, state, frames, bytes, drops, message, pid);
    }

    PointState state() {
        return state;
    }

    /** The remote pid {@code echo $$} reported (timeout's, or sudo's), -1 before. */
    long pid() {
        return pid;
    }

    @Override
    public void run() {
        if (stopRequested) {
            finish(PointState.STOPPED, null);
            return;
        }
        RemoteExec rx;
        try {
            rx = ssh.openExec(command);
        } catch (SshException e) {
            finish(ssh.isConnected() ? PointState.FAILED : PointState.LOST, e.getMessage());
            return;
        }
        exec = rx;
        Thread errReader = new Thread(() -> readStderr(rx.stderr()), "stderr " + point);
        errReader.setDaemon(true);
        errReader.start();
        CaptureProblem problem = null;
        try {
            InputStream out = rx.stdout();
            pid = readPid(out);
            if (pid > 0 && stopRequested) {
                kill(rx); // the stop came before the pid: stop() could not send it
            } else if (pid > 0) {
                state = PointState.RUNNING;
                onChange.accept(stats());
                CaptureStreamParser parser = new CaptureStreamParser(f -> {
                    frames++;
                    bytes += f.origLen();
                    sink.accept(f);
                }, point);
                byte[] buf = new byte[65536];
                int n;
                boolean any = false;
                while ((n = out.read(buf)) > 0) {
                    any = true;
                    if (!parser.feed(buf, 0, n)) {
                        break;
                    }
                }
                problem = any ? parser.finish() : null;
            }
        } catch (IOException e) {
            message = e.getMessage();
        }
        waitClosed(rx, KILL_GRACE);
        joinQuietly(errReader, 2000);
        rx.close();
        int exit = rx.exitStatus();
        if (stopRequested) {
            finish(PointState.STOPPED, message);
        } else if (!ssh.isConnected() || (exit == -1 && pid > 0)) {
            // No exit status: the channel went away under a process whose fate is unknown (JSch closes
            // the channels before it marks the session down). LOST gets it reconnected and reaped.
            finish(PointState.LOST, "connection lost after " + frames + " frames");
        } else if (problem != null && problem.kind() != CaptureProblem.Kind.CUT_SHORT) {
            finish(PointState.FAILED, "the stream from tcpdump is not a capture: " + problem.message()
                    + (lastErrorLine == null ? "" : " (" + TcpdumpStderr.explain(lastErrorLine, exit) + ")"));
        } else if (exit == 0 || exit == 124) {
            finish(PointState.ENDED, exit == 124 ? "duration cap reached" : "packet cap reached");
        } else {
            String why = lastErrorLine != null ? TcpdumpStderr.explain(lastErrorLine, exit) : "tcpdump ended with exit status " + exit;
            finish(PointState.FAILED, why);
        }
    }

    /**
     * Asks the cell to end this tcpdump (TERM to its pid), waits a little, then closes the channel.
     * Before the pid is known it only marks the stop, which {@link #run()} then carries out.
     */
    void stop() {
        stopRequested = true;
        RemoteExec rx = exec;
        if (rx == null || pid <= 0) {
            return;
        }
        kill(rx);
        rx.close();
    }

    /** TERM to the pid, once, however many threads ask; then waits a little for the channel to close. */
    private void kill(RemoteExec rx) {
        if (rx.finished() || !ssh.isConnected() || !killSent.compareAndSet(false, true)) {
            return;
        }
        try {
            ExecResult r = ssh.exec(TcpdumpCommand.kill(pid, sudo), KILL_GRACE);
            if (!r.ok()) {
                message = "the stop was refused: " + r.why() + "; the cell's timeout will end tcpdump";
            }
        } catch (SshException e) {
            message = "could not send the stop: " + e.getMessage() + "; the cell's timeout will end tcpdump";
        }
        waitClosed(rx, KILL_GRACE);
    }

    private void finish(PointState s, String msg) {
        state = s;
        if (msg != null) {
            message = msg;
        }
        onChange.accept(stats());
    }

    /** The first stdout line is the pid {@code echo $$} printed; -1 when the stream ended first. */
    private static long readPid(InputStream in) throws IOException {
        StringBuilder sb = new StringBuilder();
        while (sb.length() <= MAX_PID_LINE) {
            int c = in.read();
            if (c < 0) {
                return -1;
            }
            if (c == '\n') {
                String t = sb.toString().strip();
                if (!t.matches("\\d{1,10}")) {
                    throw new IOException("unexpected first line from the cell: '" + t + "' (a login banner on stdout?)");
                }
                return Long.parseLong(t);
            }
            sb.append((char) c);
        }
        throw new IOException("the cell did not print the capture's pid first");
    }

    private void readStderr(InputStream err) {
        try (BufferedReader r = new BufferedReader(new InputStreamReader(err, StandardCharsets.UTF_8))) {
            String line;
            while ((line = r.readLine()) != null) {
                long d = TcpdumpStderr.drops(line);
                if (d >= 0) {
                    drops = d;
                }
                if (!TcpdumpStderr.routine(line)) {
                    lastErrorLine = line;
                    message = TcpdumpStderr.explain(line, -1);
                }
            }
        } catch (IOException e) {
            // the channel closed: what was read is kept
        }
    }

    private static void waitClosed(RemoteExec rx, Duration max) {
        long deadline = System.nanoTime() + max.toNanos();
        while (!rx.finished() && System.nanoTime() < deadline) {
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private static void joinQuietly(Thread t, long millis) {
        try {
            t.join(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
