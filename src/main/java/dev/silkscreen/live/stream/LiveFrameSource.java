package dev.silkscreen.live.stream;

import dev.silkscreen.live.profile.FoundationProfile;
import dev.silkscreen.live.profile.SshConfigLookup;
import dev.silkscreen.live.ssh.SshClient;
import dev.silkscreen.model.CapturePoint;
import dev.silkscreen.model.CaptureSink;
import dev.silkscreen.model.Foundation;
import dev.silkscreen.model.Frame;
import dev.silkscreen.model.FrameSink;
import dev.silkscreen.model.FrameSource;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * A live session as a {@link FrameSource}, so the correlator (and so {@code trace}) reads live
 * cells like any capture. {@link #start()} connects and discovers (the topology the trace needs
 * up front); {@link #run} then delivers every frame, announces each point as it starts and ends,
 * and returns when the session ends (duration reached, every point done, or {@link #stop()}).
 *
 * <p>Frames of one point come in capture order, but points come over SSH at their own pace, in
 * bursts. Every {@link #TICK} each capturing point's progress is reported to the sink
 * ({@link CaptureSink#advanced}): the capture time up to which its stream is complete, from how
 * late its frames have been arriving ({@link ArrivalLag}; a point that has sent nothing yet takes
 * its cell's figures, else the slowest point's), less {@link #LAG}. So a correlator waits for a
 * late point's frames before deciding, and quiet streams still let journeys complete.
 */
public final class LiveFrameSource implements FrameSource, AutoCloseable {
    static final Duration TICK = Duration.ofMillis(100);
    static final Duration LAG = Duration.ofMillis(150);
    /** Frames kept between {@link #start()} and {@link #run}; more are counted as lost. */
    static final int EARLY_FRAMES = 200_000;
    private final LiveSession session;
    private final Duration duration;
    private final FrameSink tee;
    private final Object lock = new Object();
    private final ArrayDeque<Frame> early = new ArrayDeque<>();
    private final Set<CapturePoint> open = new HashSet<>();
    private CaptureSink target;
    /** Cells that failed before any of their points ran, with why: announced to the sink as not captured. */
    private final Map<String, String> failedCells = new java.util.TreeMap<>();
    private final Set<String> cellsCapturing = new HashSet<>();
    private long lostEarly;
    /** The figures of a point that has sent no frame yet. */
    private static final ArrivalLag NOTHING_YET = new ArrivalLag();
    private final Map<CapturePoint, ArrivalLag> lags = new HashMap<>();
    /** Our wall clock in ns: the epoch time at start moved on by the monotonic clock. */
    private final long wallOrigin = System.currentTimeMillis() * 1_000_000L - System.nanoTime();

    /**
     * @param tee also receives every frame (e.g. a {@link SessionRecorder}), or null
     */
    public LiveFrameSource(FoundationProfile profile, SshClient client, SshConfigLookup sshConfig, LiveListener listener,
                           String defaultUser, Duration duration, FrameSink tee) {
        this(profile, client, sshConfig, listener, defaultUser, duration, tee, PointFilters.WHOLE);
    }

    /** @param filters the BPF filter of each capture point (the whole foundation: {@link PointFilters#WHOLE}) */
    public LiveFrameSource(FoundationProfile profile, SshClient client, SshConfigLookup sshConfig, LiveListener listener,
                           String defaultUser, Duration duration, FrameSink tee, PointFilters filters) {
        this.duration = duration;
        this.tee = tee;
        this.session = new LiveSession(profile, client, sshConfig, this::frame, new Forwarding(listener), defaultUser, filters);
    }

    /** Connects, discovers and starts capturing; returns the discovered foundation. */
    public Foundation start() {
        session.start(duration);
        return session.foundation();
    }

    public LiveSession session() {
        return session;
    }

    @Override
    public String describe() {
        return "live capture of " + session.profile().name();
    }

    @Override
    public void run(CaptureSink sink) throws InterruptedException {
        synchronized (lock) {
            target = sink;
            failedCells.forEach(sink::uncaptured);
            long now = System.currentTimeMillis() * 1_000_000L;
            for (CapturePoint p : open) {
                sink.opened(p, now);
            }
            while (!early.isEmpty()) {
                sink.accept(early.pollFirst());
            }
            tick(sink);
        }
        try {
            while (!session.awaitEnd(TICK)) {
                tick(sink);
                if (Thread.interrupted()) {
                    throw new InterruptedException();
                }
            }
        } finally {
            synchronized (lock) {
                long now = System.currentTimeMillis() * 1_000_000L;
                for (CapturePoint p : open) {
                    sink.closed(p, now);
                }
                open.clear();
                target = null;
            }
        }
    }

    /** Frames that arrived before {@link #run} and did not fit the early buffer. */
    public long lostEarly() {
        synchronized (lock) {
            return lostEarly;
        }
    }

    public void stop() {
        session.stop();
    }

    @Override
    public void close() {
        stop();
    }

    private long wallNanos() {
        return wallOrigin + System.nanoTime();
    }

    /** Tells the sink how far each capturing point's stream is complete. */
    private void tick(CaptureSink sink) {
        synchronized (lock) {
            long now = wallNanos();
            if (lags.isEmpty()) {
                return; // nothing has arrived yet: nothing to decide either
            }
            // Per cell (one clock, one SSH connection) and over all: the largest base and burst lag.
            Map<String, long[]> cells = new HashMap<>();
            long[] all = {Long.MIN_VALUE, 0};
            for (Map.Entry<CapturePoint, ArrivalLag> e : lags.entrySet()) {
                long base = e.getValue().base();
                long lag = e.getValue().burstLag(now);
                long[] c = cells.computeIfAbsent(e.getKey().cell(), k -> new long[] {Long.MIN_VALUE, 0});
                c[0] = Math.max(c[0], base);
                c[1] = Math.max(c[1], lag);
                all[0] = Math.max(all[0], base);
                all[1] = Math.max(all[1], lag);
            }
            for (CapturePoint p : open) {
                ArrivalLag own = lags.get(p);
                long[] cell = cells.getOrDefault(p.cell(), all);
                long base = own != null ? own.base() : cell[0];
                long lag = Math.max(own != null ? own.burstLag(now) : 0, cell[1]);
                long to = (own != null ? own : NOTHING_YET).completeTo(now, base, lag, LAG.toNanos());
                sink.advanced(p, to);
            }
        }
    }

    private void frame(Frame f) {
        if (tee != null) {
            tee.accept(f);
        }
        synchronized (lock) {
            boolean first = lags.isEmpty();
            lags.computeIfAbsent(f.point(), p -> new ArrivalLag()).frame(f.timeNanos(), wallNanos());
            if (target != null) {
                target.accept(f);
                if (first) {
                    // The first progress report at once, not at the next tick: it tells the sink
                    // these are live streams, whose certain journeys it gives without waiting.
                    tick(target);
                }
            } else if (early.size() < EARLY_FRAMES) {
                early.add(f);
            } else {
                lostEarly++;
            }
        }
    }

    /** Passes events on, and turns point starts and ends into {@code opened}/{@code closed}. */
    private final class Forwarding extends ForwardingListener {
        Forwarding(LiveListener next) {
            super(next);
        }

        @Override
        public void cell(String cell, String state, String message) {
            synchronized (lock) {
                if (("failed".equals(state) || "unreachable".equals(state)) && !cellsCapturing.contains(cell)) {
                    // Said at once: if the cell is captured later after all, its points outweigh this.
                    failedCells.put(cell, message == null ? state : message);
                    if (target != null) {
                        target.uncaptured(cell, failedCells.get(cell));
                    }
                }
            }
            super.cell(cell, state, message);
        }

        @Override
        public void point(PointStats stats) {
            synchronized (lock) {
                long now = System.currentTimeMillis() * 1_000_000L;
                if (stats.state() == PointState.RUNNING) {
                    cellsCapturing.add(stats.point().cell());
                    if (open.add(stats.point()) && target != null) {
                        target.opened(stats.point(), now);
                    }
                } else if (stats.state() != PointState.STARTING && open.remove(stats.point()) && target != null) {
                    target.closed(stats.point(), now);
                }
            }
            super.point(stats);
        }
    }
}
