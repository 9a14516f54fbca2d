package dev.silkscreen.pipeline;

import dev.silkscreen.live.profile.FoundationProfile;
import dev.silkscreen.live.profile.SshConfigLookup;
import dev.silkscreen.live.ssh.SecretPrompter;
import dev.silkscreen.live.ssh.SshClient;
import dev.silkscreen.live.stream.ForwardingListener;
import dev.silkscreen.live.stream.LiveListener;
import dev.silkscreen.model.Foundation;
import dev.silkscreen.trace.Tracer;
import java.io.IOException;
import java.nio.file.Path;

/**
 * One live session as the desktop program runs it, over the shared {@link LiveInput}: completed
 * journeys into a {@link JourneyFeed}, events into a {@link LiveStatus}, the correlator on a
 * thread of its own. No method runs on the FX thread except {@link #status()}/{@link #feed()}
 * readers; {@link #start()} and {@link #stop()} block on the network.
 */
public final class LiveRun implements AutoCloseable {
    private final FoundationProfile profile;
    private final LiveStatus status = new LiveStatus();
    private final JourneyFeed feed;
    private final Path recording;
    private final LiveInput input;
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
        LiveListener toStatus = new ForwardingListener(status) {
            @Override
            public void topology(Foundation f) {
                super.topology(f);
                feed.topology(f);
            }

            @Override
            public void cell(String cell, String state, String message) {
                super.cell(cell, state, message);
                // The main window's status bar warns of a cell not watched, as the Live window does.
                feed.coverage(status.snapshot().coverage().warning());
            }
        };
        try {
            SshClient client = new SshClient(env.knownHosts(), env.agentSocket(), prompter, env.timeouts());
            // last: once the recording is open, nothing here may fail and leave it open
            input = new LiveInput(this.profile, client, sshConfig, env.defaultUser(), record, toStatus, status::warning);
        } catch (IOException e) {
            throw new SourceException(e.getMessage(), e);
        }
    }

    /**
     * Connects, discovers every cell and starts every capture, then correlates on a thread of its
     * own until the session ends. Blocks until each cell is discovered or has failed once.
     *
     * @return the discovered foundation
     * @throws SourceException when no cell could be reached (the session is then stopped)
     */
    public Foundation start() throws SourceException {
        Foundation f;
        try {
            f = input.start();
        } catch (SourceException e) {
            stop();
            if (!e.getMessage().equals(LiveInput.NO_CELL)) {
                throw e;
            }
            throw new SourceException(LiveInput.NO_CELL + ": " + String.join("; ", status.snapshot().messages()), e);
        }
        Thread t = new Thread(() -> {
            try {
                Tracer.run(input.source(), f, PipelineSource.TRACE, feed::offer);
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
    public void stop() {
        synchronized (this) {
            if (stopped) {
                return;
            }
            stopped = true;
        }
        input.source().stop();
        status.counters(input.stats());
        Thread t = tracer;
        if (t != null) {
            try {
                t.join(5_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        input.stop();
    }

    /** Refreshes the status with the session's own counters (frames arrive without events). */
    public void poll() {
        status.counters(input.stats());
    }

    @Override
    public void close() {
        stop();
    }
}
