package dev.silkscreen.live.stream;

import dev.silkscreen.live.discover.CellDiscovery;
import dev.silkscreen.live.discover.CellSnapshot;
import dev.silkscreen.live.profile.CellTarget;
import dev.silkscreen.live.profile.ProfileException;
import dev.silkscreen.live.profile.ProfileValues;
import dev.silkscreen.live.ssh.SshException;
import dev.silkscreen.live.ssh.SshSession;
import dev.silkscreen.model.CapturePoint;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * One cell of a live session, on its own thread: connect, discover, start a {@link PointCapture}
 * per interface, wait; when the connection drops, reconnect with exponential backoff (the other
 * cells are not affected) until the session's deadline or a stop. OpenSSH allows 10 channels per
 * connection by default, so points are spread over connections of {@link #POINTS_PER_CONNECTION}.
 */
final class CellRunner {
    static final int POINTS_PER_CONNECTION = 8;
    private final LiveSession session;
    private final CellTarget cell;
    private final Instant deadline;
    private final Thread thread;
    private final CountDownLatch firstAttempt = new CountDownLatch(1);
    private final List<PointCapture> points = new CopyOnWriteArrayList<>();
    private final List<SshSession> connections = new CopyOnWriteArrayList<>();
    private final Backoff backoff = new Backoff(Duration.ofSeconds(1), Duration.ofSeconds(30));
    private final Object sleeper = new Object();
    private volatile boolean stopping;

    CellRunner(LiveSession session, CellTarget cell, Instant deadline) {
        this.session = session;
        this.cell = cell;
        this.deadline = deadline;
        this.thread = new Thread(this::run, "cell " + cell.name());
        thread.setDaemon(true);
    }

    void start() {
        thread.start();
    }

    Thread thread() {
        return thread;
    }

    String cellName() {
        return cell.name();
    }

    void awaitFirstAttempt(Duration max) {
        try {
            firstAttempt.await(max.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    List<PointStats> stats() {
        List<PointStats> out = new ArrayList<>();
        points.forEach(p -> out.add(p.stats()));
        return out;
    }

    private void run() {
        LiveListener listener = session.listener();
        try {
            while (!stopping && Instant.now().isBefore(deadline)) {
                boolean lost;
                try {
                    lost = attempt(listener);
                } catch (SshException e) {
                    closeConnections();
                    firstAttempt.countDown();
                    if (!e.retryable()) {
                        listener.cell(cell.name(), "failed", e.getMessage());
                        return;
                    }
                    lost = true;
                    listener.cell(cell.name(), "unreachable", e.getMessage());
                }
                closeConnections();
                if (!lost || stopping) {
                    return;
                }
                Duration wait = backoff.next();
                listener.cell(cell.name(), "lost", "reconnecting in " + wait.toSeconds() + " s");
                pause(wait);
            }
        } finally {
            firstAttempt.countDown();
            listener.cell(cell.name(), stopping ? "stopped" : "done", null);
        }
    }

    /** One connection's life. True when it ended because the connection was lost. */
    private boolean attempt(LiveListener listener) throws SshException {
        listener.cell(cell.name(), "connecting", null);
        SshSession first = session.connect(cell);
        connections.add(first);
        CellSnapshot snap = CellDiscovery.discover(first, cell.name(), cell.sudo());
        session.snapshot(snap);
        reapLost(first, listener);
        listener.cell(cell.name(), "connected", null);
        List<String> ifaces = chosenInterfaces(snap, listener);
        long seconds = TcpdumpCommand.seconds(Duration.between(Instant.now(), deadline));
        if (stopping || ifaces.isEmpty() || Instant.now().isAfter(deadline)) {
            firstAttempt.countDown();
            return false;
        }
        Set<String> discovered = new HashSet<>();
        snap.links().forEach(l -> discovered.add(l.name()));
        List<Thread> threads = new ArrayList<>();
        List<PointCapture> started = new ArrayList<>();
        for (int i = 0; i < ifaces.size(); i++) {
            String iface = ifaces.get(i);
            SshSession lane = lane(i, first);
            String filter = session.filters().filterFor(iface, snap.underlayNic(), session.profile().capture());
            String command = TcpdumpCommand.build(iface, filter, session.profile().capture(), seconds, cell.sudo(), discovered);
            PointCapture p = new PointCapture(new CapturePoint(cell.name(), iface), lane, command, cell.sudo(),
                    session.sink(), listener::point);
            started.add(p);
            Thread t = new Thread(p, "capture " + cell.name() + ":" + iface);
            t.setDaemon(true);
            threads.add(t);
        }
        synchronized (this) {
            if (stopping) {
                return false;
            }
            points.removeIf(old -> started.stream().anyMatch(p -> p.stats().point().equals(old.stats().point())));
            points.addAll(started);
            threads.forEach(Thread::start);
        }
        backoff.reset();
        firstAttempt.countDown();
        for (Thread t : threads) {
            LiveSession.join(t, Long.MAX_VALUE);
        }
        return !stopping && started.stream().anyMatch(p -> p.state() == PointState.LOST);
    }

    /** After a reconnect: ends the tcpdumps the lost connection left running (the cell's timeout would, later). */
    private void reapLost(SshSession ssh, LiveListener listener) {
        List<Long> pids = new ArrayList<>();
        for (PointCapture p : points) {
            if (p.state() == PointState.LOST && p.pid() > 1) {
                pids.add(p.pid());
            }
        }
        if (pids.isEmpty()) {
            return;
        }
        try {
            ssh.exec(TcpdumpCommand.reap(pids, cell.sudo()));
            listener.cell(cell.name(), "reaped", "ended the captures the lost connection left running (pids " + pids + ")");
        } catch (SshException e) {
            listener.warning(cell.name() + ": could not end the captures of the lost connection (" + e.getMessage()
                    + "); the cell's timeout will");
        }
    }

    private SshSession lane(int pointIndex, SshSession first) throws SshException {
        int laneIndex = pointIndex / POINTS_PER_CONNECTION;
        while (connections.size() <= laneIndex) {
            connections.add(session.connect(cell));
        }
        return laneIndex == 0 ? first : connections.get(laneIndex);
    }

    /** The profile's interfaces (each must exist on the cell), else the discovered c2c ones. */
    private List<String> chosenInterfaces(CellSnapshot snap, LiveListener listener) {
        List<String> out = new ArrayList<>();
        if (cell.interfaces().isEmpty()) {
            for (String i : snap.captureInterfaces()) {
                try {
                    out.add(ProfileValues.iface("interface", i));
                } catch (ProfileException e) {
                    listener.warning(cell.name() + ": the cell reports an interface named '" + ProfileValues.printableOrEscaped(i)
                            + "', which is not a plain interface name; not captured");
                }
            }
            return out;
        }
        for (String i : cell.interfaces()) {
            if (snap.hasInterface(i)) {
                out.add(i);
            } else {
                listener.warning(cell.name() + ": interface '" + i + "' from the profile does not exist on the cell; skipped");
            }
        }
        return out;
    }

    void stop() {
        List<PointCapture> running;
        synchronized (this) {
            stopping = true;
            running = new ArrayList<>(points);
        }
        synchronized (sleeper) {
            sleeper.notifyAll();
        }
        List<Thread> killers = new ArrayList<>();
        for (PointCapture p : running) {
            Thread t = new Thread(p::stop, "stop capture");
            t.start();
            killers.add(t);
        }
        for (Thread t : killers) {
            LiveSession.join(t, 10_000);
        }
        LiveSession.join(thread, 5_000);
        closeConnections();
    }

    private void closeConnections() {
        for (SshSession s : connections) {
            s.close();
        }
        connections.clear();
    }

    private void pause(Duration d) {
        long until = System.nanoTime() + Math.min(d.toNanos(), Math.max(0, Duration.between(Instant.now(), deadline).toNanos()));
        synchronized (sleeper) {
            while (!stopping && System.nanoTime() < until) {
                try {
                    sleeper.wait(Math.max(1, (until - System.nanoTime()) / 1_000_000));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }
}
