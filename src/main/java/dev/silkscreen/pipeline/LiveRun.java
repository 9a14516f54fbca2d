package dev.silkscreen.pipeline;

import dev.silkscreen.live.profile.FoundationProfile;
import dev.silkscreen.live.profile.SshConfigLookup;
import dev.silkscreen.live.ssh.SecretPrompter;
import dev.silkscreen.live.ssh.SshClient;
import dev.silkscreen.live.stream.ForwardingListener;
import dev.silkscreen.live.stream.LiveFrameSource;
import dev.silkscreen.live.stream.LiveListener;
import dev.silkscreen.live.stream.SessionRecorder;
import dev.silkscreen.model.Foundation;
import dev.silkscreen.pipeline.PipelineSource;
import dev.silkscreen.pipeline.SourceException;
import dev.silkscreen.trace.Tracer;
import java.io.IOException;
import java.nio.file.Path;

/**
 * One live session as the desktop program runs it, thin over {@code live.stream}: a
 * {@link LiveFrameSource} feeding the correlator on its own thread, completed journeys into a
 * {@link JourneyFeed}, events into a {@link LiveStatus}, and optionally a {@link SessionRecorder}
 * (pcapng + topology). No method runs on the FX thread except {@link #status()}/{@link #feed()}
 * readers; {@link #start()} and {@link #stop()} block on the network.
 */
public final class LiveRun implements AutoCloseable {
    private final FoundationProfile profile;
    private final LiveStatus status = new LiveStatus();
    private final JourneyFeed feed;
    private final SessionRecorder recorder;
    private final Path recording;
    private final LiveFrameSource source;
    private final Thread hook;
    private volatile Thread tracer;
    private volatile String ended;
    private boolean stopped;

    /**
     * @param record pcapng file to record to ({@code .topology.json} beside it), or null
     */
    public LiveRun(FoundationProfile profile, LiveEnvironment env, SecretPrompter prompter, Path record) throws SourceException {
        this.profile = env.withBoshJump(profile);
        this.recording = record;
        this.feed = new JourneyFeed("live · " + profile.name(), null, PipelineSource.MAX_JOURNEYS);
        SshConfigLookup sshConfig;
        try {
            sshConfig = SshConfigLookup.load(env.sshConfig());
        } catch (RuntimeException e) {
            throw new SourceException(e.getMessage(), e);
        }
        SshClient client;
        try {
            client = new SshClient(env.knownHosts(), env.agentSocket(), prompter, env.timeouts());
            // last: once the recording is open, nothing here may fail and leave it open
            recorder = record == null ? null
                    : new SessionRecorder(record, "live capture of " + profile.name(), profile.capture().snapLength());
        } catch (IOException e) {
            throw new SourceException(e.getMessage(), e);
        }
        LiveListener toStatus = new ForwardingListener(status) {
            @Override
            public void topology(Foundation f) {
                super.topology(f);
                feed.topology(f);
            }
        };
        LiveListener listener = recorder == null ? toStatus : recorder.recordingTopology(toStatus);
        this.source = new LiveFrameSource(this.profile, client, sshConfig, listener, env.defaultUser(),
                this.profile.capture().duration(), recorder);
        this.hook = new Thread(source::stop, "silkscreen live stop");
    }

    /**
     * Connects, discovers every cell and starts every capture, then correlates on a thread of its
     * own until the session ends. Blocks until each cell is discovered or has failed once.
     *
     * @return the discovered foundation
     * @throws SourceException when no cell could be reached (the session is then stopped)
     */
    public Foundation start() throws SourceException {
        synchronized (this) {
            if (stopped) {
                // e.g. the window closed while connecting: no hook to leave behind, nothing to start
                throw new SourceException("the live session was stopped before it started");
            }
            Runtime.getRuntime().addShutdownHook(hook);
        }
        Foundation f;
        try {
            f = source.start();
        } catch (RuntimeException e) {
            stop();
            throw new SourceException(e.getMessage() == null ? e.toString() : e.getMessage(), e);
        }
        if (f == null || f.cells().isEmpty()) {
            stop();
            throw new SourceException("no cell could be reached and discovered: " + String.join("; ", status.snapshot().messages()));
        }
        Thread t = new Thread(() -> {
            try {
                Tracer.run(source, f, PipelineSource.TRACE, feed::offer);
                ended = "the session ended (duration or packet cap reached, or stopped)";
            } catch (IOException e) {
                ended = "the live stream failed: " + e.getMessage();
            } catch (InterruptedException e) {
                ended = "stopped";
            }
            status.warning(ended);
        }, "silkscreen live tracer");
        t.setDaemon(true);
        tracer = t;
        t.start();
        return f;
    }

    public FoundationProfile profile() {
        return profile;
    }

    public LiveStatus status() {
        return status;
    }

    public JourneyFeed feed() {
        return feed;
    }

    /** The recording's pcapng file, or null. */
    public Path recording() {
        return recording;
    }

    /** True until the session is stopped or has ended on its own. */
    public synchronized boolean active() {
        return !stopped && ended == null;
    }

    /** Null while the session runs; why it ended afterwards. */
    public String ended() {
        return ended;
    }

    /**
     * Kills every tcpdump (through the live package's stop, by pid), lets the correlator finish the
     * journeys in flight, closes the recording. Safe to call twice.
     */
    public synchronized void stop() {
        if (stopped) {
            return;
        }
        stopped = true;
        source.stop();
        status.counters(source.session().stats());
        Thread t = tracer;
        if (t != null) {
            try {
                t.join(5_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        if (recorder != null) {
            try {
                recorder.close();
                status.warning("recorded " + recorder.framesWritten() + " frames; topology in " + recorder.topologyFile());
            } catch (IOException e) {
                status.warning("the recording could not be finished: " + e.getMessage());
            }
        }
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException e) {
            // already shutting down: the hook is running
        }
    }

    /** Refreshes the status with the session's own counters (frames arrive without events). */
    public void poll() {
        status.counters(source.session().stats());
    }

    @Override
    public void close() {
        stop();
    }
}
