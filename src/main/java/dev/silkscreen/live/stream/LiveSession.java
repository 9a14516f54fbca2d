package dev.silkscreen.live.stream;

import dev.silkscreen.live.discover.CellSnapshot;
import dev.silkscreen.live.discover.FoundationAssembler;
import dev.silkscreen.live.profile.CellTarget;
import dev.silkscreen.live.profile.FoundationProfile;
import dev.silkscreen.live.profile.SshConfigLookup;
import dev.silkscreen.live.ssh.SshClient;
import dev.silkscreen.live.ssh.SshException;
import dev.silkscreen.live.ssh.SshSession;
import dev.silkscreen.live.ssh.SshTarget;
import dev.silkscreen.model.Foundation;
import dev.silkscreen.model.FrameSink;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A live capture of a whole foundation: one {@link CellRunner} per cell (connect, discover, one
 * tcpdump per capture point, reconnect with backoff when the cell drops while the others go on),
 * all frames into one sink (delivered one at a time), the topology re-assembled whenever a cell is
 * (re)discovered. {@link #stop()} or {@link #close()} leaves no tcpdump running: each is killed by
 * pid, and the cells' own {@code timeout} ends any that a lost connection kept from being killed.
 */
public final class LiveSession implements AutoCloseable {
    private final FoundationProfile profile;
    private final SshClient client;
    private final SshConfigLookup sshConfig;
    private final LiveListener listener;
    private final FrameSink sink;
    private final String defaultUser;
    private final PointFilters filters;
    private final Map<String, CellSnapshot> snapshots = new LinkedHashMap<>();
    private final List<CellRunner> runners = new java.util.concurrent.CopyOnWriteArrayList<>();
    private final Object jumpLock = new Object();
    private SshSession jump;
    private volatile Foundation foundation;
    private volatile boolean stopped;

    /**
     * @param sink        receives every frame (called from one thread at a time)
     * @param defaultUser login user where neither the profile nor ssh config names one
     */
    public LiveSession(FoundationProfile profile, SshClient client, SshConfigLookup sshConfig, FrameSink sink,
                       LiveListener listener, String defaultUser) {
        this(profile, client, sshConfig, sink, listener, defaultUser, PointFilters.WHOLE);
    }

    /** @param filters the BPF filter of each capture point (e.g. one flow's: {@code live.scope.FlowScope}) */
    public LiveSession(FoundationProfile profile, SshClient client, SshConfigLookup sshConfig, FrameSink sink,
                       LiveListener listener, String defaultUser, PointFilters filters) {
        this.filters = filters;
        this.profile = profile;
        this.client = client;
        this.sshConfig = sshConfig;
        this.listener = listener;
        this.defaultUser = defaultUser;
        Object lock = new Object();
        this.sink = f -> {
            synchronized (lock) {
                sink.accept(f);
            }
        };
    }

    /**
     * Connects to every cell and discovers it, without capturing: the foundation as it is now.
     * Cells that cannot be reached are reported to the listener and left out.
     */
    public Foundation discover() {
        List<Thread> threads = new ArrayList<>();
        for (CellTarget cell : profile.cells()) {
            Thread t = new Thread(() -> {
                listener.cell(cell.name(), "connecting", null);
                try (SshSession s = connect(cell)) {
                    CellSnapshot snap = dev.silkscreen.live.discover.CellDiscovery.discover(s, cell.name(), cell.sudo());
                    snapshot(snap);
                    listener.cell(cell.name(), "discovered", null);
                } catch (SshException e) {
                    listener.cell(cell.name(), "failed", e.getMessage());
                }
            }, "discover " + cell.name());
            t.start();
            threads.add(t);
        }
        for (Thread t : threads) {
            join(t, Long.MAX_VALUE);
        }
        closeJump();
        return assemble();
    }

    /**
     * Starts capturing on every cell for at most {@code duration} (each tcpdump is also capped on
     * the cell) and returns once every cell has been discovered once or has failed its first try.
     */
    public void start(Duration duration) {
        Instant deadline = Instant.now().plus(duration);
        List<CellRunner> created = new ArrayList<>();
        for (CellTarget cell : profile.cells()) {
            created.add(new CellRunner(this, cell, deadline));
        }
        synchronized (this) {
            if (stopped || !runners.isEmpty()) {
                throw new IllegalStateException(stopped ? "the session was stopped" : "the session was already started");
            }
            runners.addAll(created);
        }
        created.forEach(CellRunner::start);
        for (CellRunner r : runners) {
            r.awaitFirstAttempt(client.timeouts().connect().multipliedBy(2).plus(client.timeouts().command().multipliedBy(7)));
        }
        assemble();
    }

    /** Waits until every cell's capture has ended (caps reached, failed or stopped); false on timeout. */
    public boolean awaitEnd(Duration max) {
        long deadline = System.nanoTime() + max.toNanos();
        for (CellRunner r : runners) {
            long left = Math.max(1, (deadline - System.nanoTime()) / 1_000_000);
            join(r.thread(), left);
            if (r.thread().isAlive()) {
                return false;
            }
        }
        return true;
    }

    /** Kills every tcpdump (by pid), closes every channel and connection. Safe to call twice and from a shutdown hook. */
    public void stop() {
        List<CellRunner> rs;
        synchronized (this) {
            stopped = true;
            rs = new ArrayList<>(runners);
        }
        List<Thread> stoppers = new ArrayList<>();
        for (CellRunner r : rs) {
            Thread t = new Thread(r::stop, "stop " + r.cellName());
            t.start();
            stoppers.add(t);
        }
        for (Thread t : stoppers) {
            join(t, 15_000);
        }
        closeJump();
    }

    @Override
    public void close() {
        stop();
    }

    /** Counters of every point started so far. */
    public List<PointStats> stats() {
        List<PointStats> out = new ArrayList<>();
        for (CellRunner r : runners) {
            out.addAll(r.stats());
        }
        return out;
    }

    /** The latest assembled topology (null before the first discovery). */
    public Foundation foundation() {
        return foundation;
    }

    // ---- for CellRunner ----

    LiveListener listener() {
        return listener;
    }

    FrameSink sink() {
        return sink;
    }

    PointFilters filters() {
        return filters;
    }

    public FoundationProfile profile() {
        return profile;
    }

    SshClient client() {
        return client;
    }

    /** Logs in to a cell, through the jump host when the profile has one (re-connecting it if it dropped). */
    SshSession connect(CellTarget cell) throws SshException {
        SshTarget target = sshConfig.resolve(cell.ssh(), defaultUser);
        return client.connect(cell.name(), target, jumpSession());
    }

    void snapshot(CellSnapshot snap) {
        synchronized (snapshots) {
            snapshots.put(snap.cell(), snap);
        }
        snap.warnings().forEach(listener::warning);
        if (foundation != null) {
            assemble();
        }
    }

    private Foundation assemble() {
        List<CellSnapshot> snaps = new ArrayList<>();
        synchronized (snapshots) {
            for (CellTarget c : profile.cells()) {
                CellSnapshot s = snapshots.get(c.name());
                if (s != null) {
                    snaps.add(s);
                }
            }
        }
        Foundation f = FoundationAssembler.assemble(profile.name(), snaps);
        foundation = f;
        listener.topology(f);
        return f;
    }

    private SshSession jumpSession() throws SshException {
        if (profile.jump() == null) {
            return null;
        }
        synchronized (jumpLock) {
            if (jump == null || !jump.isConnected()) {
                if (jump != null) {
                    jump.close();
                }
                listener.cell("jump host", "connecting", profile.jump().display());
                jump = client.connect("jump host", sshConfig.resolve(profile.jump(), defaultUser), null);
                listener.cell("jump host", "connected", null);
            }
            return jump;
        }
    }

    private void closeJump() {
        synchronized (jumpLock) {
            if (jump != null) {
                jump.close();
                jump = null;
            }
        }
    }

    static void join(Thread t, long millis) {
        try {
            t.join(millis == Long.MAX_VALUE ? 0 : millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
