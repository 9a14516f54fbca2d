package dev.silkscreen.live.stream;

import dev.silkscreen.live.profile.FoundationProfile;
import dev.silkscreen.live.ssh.SshClient;
import dev.silkscreen.live.ssh.SshConfigLookup;
import dev.silkscreen.model.CaptureSink;
import dev.silkscreen.model.CapturePoint;
import dev.silkscreen.model.Foundation;
import dev.silkscreen.model.Frame;
import dev.silkscreen.model.FrameSink;
import dev.silkscreen.model.FrameSource;
import dev.silkscreen.trace.Correlator;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.HashSet;
import java.util.Set;

/**
 * A live session as a {@link FrameSource}, so the correlator (and so {@code trace}) reads live
 * cells like any capture. {@link #start()} connects and discovers (the topology the trace needs
 * up front); {@link #run} then delivers every frame, announces each point as it starts and ends,
 * and returns when the session ends (duration reached, every point done, or {@link #stop()}).
 *
 * <p>A quiet live stream must still let journeys complete: while running, a correlator sink is
 * advanced every {@link #TICK} to the cells' present (the latest frame time moved on by the
 * local time since it arrived, less {@link #LAG} for frames still on the way).
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
    private long lostEarly;
    private long lastFrameNanos = Long.MIN_VALUE;
    private long lastArrivalNanos;

    /**
     * @param tee also receives every frame (e.g. a {@link SessionRecorder}), or null
     */
    public LiveFrameSource(FoundationProfile profile, SshClient client, SshConfigLookup sshConfig, LiveListener listener,
                           String defaultUser, Duration duration, FrameSink tee) {
        this.duration = duration;
        this.tee = tee;
        this.session = new LiveSession(profile, client, sshConfig, this::frame, new Forwarding(listener), defaultUser);
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
            long now = System.currentTimeMillis() * 1_000_000L;
            for (CapturePoint p : open) {
                sink.opened(p, now);
            }
            while (!early.isEmpty()) {
                sink.accept(early.pollFirst());
            }
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

    private void tick(CaptureSink sink) {
        if (!(sink instanceof Correlator c)) {
            return;
        }
        synchronized (lock) {
            if (lastFrameNanos == Long.MIN_VALUE) {
                return;
            }
            long present = lastFrameNanos + (System.nanoTime() - lastArrivalNanos) - LAG.toNanos();
            c.advanceTo(present);
        }
    }

    private void frame(Frame f) {
        if (tee != null) {
            tee.accept(f);
        }
        synchronized (lock) {
            if (f.timeNanos() > lastFrameNanos) {
                lastFrameNanos = f.timeNanos();
                lastArrivalNanos = System.nanoTime();
            }
            if (target != null) {
                target.accept(f);
            } else if (early.size() < EARLY_FRAMES) {
                early.add(f);
            } else {
                lostEarly++;
            }
        }
    }

    /** Passes events on, and turns point starts and ends into {@code opened}/{@code closed}. */
    private final class Forwarding implements LiveListener {
        private final LiveListener next;

        Forwarding(LiveListener next) {
            this.next = next;
        }

        @Override
        public void cell(String cell, String state, String message) {
            next.cell(cell, state, message);
        }

        @Override
        public void topology(Foundation foundation) {
            next.topology(foundation);
        }

        @Override
        public void warning(String message) {
            next.warning(message);
        }

        @Override
        public void point(PointStats stats) {
            synchronized (lock) {
                long now = System.currentTimeMillis() * 1_000_000L;
                if (stats.state() == PointState.RUNNING) {
                    if (open.add(stats.point()) && target != null) {
                        target.opened(stats.point(), now);
                    }
                } else if (stats.state() != PointState.STARTING && open.remove(stats.point()) && target != null) {
                    target.closed(stats.point(), now);
                }
            }
            next.point(stats);
        }
    }
}
