package dev.silkscreen.pipeline;

import dev.silkscreen.live.profile.FoundationProfile;
import dev.silkscreen.live.profile.SshConfigLookup;
import dev.silkscreen.live.ssh.SshClient;
import dev.silkscreen.live.stream.LiveFrameSource;
import dev.silkscreen.live.stream.LiveListener;
import dev.silkscreen.live.stream.PointFilters;
import dev.silkscreen.live.stream.PointStats;
import dev.silkscreen.live.stream.SessionRecorder;
import dev.silkscreen.model.Foundation;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;

/**
 * One live session's lifecycle, the same for {@code trace --live}, {@code live} and the desktop
 * program: a {@link LiveFrameSource} over the profile's cells, an optional recording (pcapng and
 * topology), and a shutdown hook so that Ctrl-C or closing the JVM still kills every tcpdump by
 * pid. {@link #start()} connects and discovers; {@link #stop()} ends it all; neither runs on a UI
 * thread.
 */
public final class LiveInput implements AutoCloseable {
    /** Why {@link #start()} fails when the session reached nobody (the listener has heard the details). */
    public static final String NO_CELL = "no cell could be reached and discovered";

    private final LiveFrameSource source;
    private final SessionRecorder recorder;
    private final Consumer<String> notes;
    private final Thread hook;
    private Foundation foundation;
    private boolean started;
    private boolean stopped;

    /**
     * Opens the recording (when {@code record} is not null) and prepares the source; nothing
     * connects yet.
     *
     * @param listener what hears the session's events (the recording's topology is written first)
     * @param notes    where a sentence about the recording goes when the session ends
     * @throws IOException when the recording cannot be created (nothing is left open then)
     */
    public LiveInput(FoundationProfile profile, SshClient client, SshConfigLookup sshConfig, String defaultUser,
                     Path record, LiveListener listener, Consumer<String> notes) throws IOException {
        this(profile, client, sshConfig, defaultUser, record, listener, notes, PointFilters.WHOLE);
    }

    /** The same, each capture point filtered by {@code filters} (one flow's, from {@link LiveScoping}). */
    public LiveInput(FoundationProfile profile, SshClient client, SshConfigLookup sshConfig, String defaultUser,
                     Path record, LiveListener listener, Consumer<String> notes, PointFilters filters) throws IOException {
        this.recorder = record == null ? null
                : new SessionRecorder(record, "live capture of " + profile.name(), profile.capture().snapLength());
        this.notes = notes;
        LiveListener heard = recorder == null ? listener : recorder.recordingTopology(listener);
        this.source = new LiveFrameSource(profile, client, sshConfig, heard, defaultUser, profile.capture().duration(), recorder, filters);
        this.hook = new Thread(source::stop, "silkscreen live stop");
    }

    /**
     * Connects to every cell, discovers it and starts its captures; blocks until each cell is
     * discovered or has failed once.
     *
     * @return the discovered foundation
     * @throws SourceException when no cell could be reached, or the session was stopped first (it is stopped then)
     */
    public Foundation start() throws SourceException {
        synchronized (this) {
            if (stopped) {
                throw new SourceException("the live session was stopped before it started");
            }
            started = true;
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
            throw new SourceException(NO_CELL);
        }
        synchronized (this) {
            foundation = f;
        }
        return f;
    }

    /** The frames of every point, in time order, until the session ends. */
    public LiveFrameSource source() {
        return source;
    }

    /** The foundation discovered by {@link #start()}, null before. */
    public synchronized Foundation foundation() {
        return foundation;
    }

    /** The session's own counters per point (frames, bytes, drops, state). */
    public List<PointStats> stats() {
        return source.session().stats();
    }

    /** Kills every tcpdump (by pid), closes the recording and says how it went. Safe to call twice. */
    public synchronized void stop() {
        if (stopped) {
            return;
        }
        stopped = true;
        source.stop();
        if (started) {
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException e) {
                // already shutting down: the hook is running
            }
        }
        if (recorder != null) {
            try {
                recorder.close();
                notes.accept("recorded " + recorder.framesWritten() + " frames; topology in " + recorder.topologyFile());
            } catch (IOException e) {
                notes.accept("the recording could not be finished: " + e.getMessage());
            }
        }
    }

    @Override
    public void close() {
        stop();
    }
}
