package dev.silkscreen.cli;

import dev.silkscreen.live.profile.FoundationProfile;
import dev.silkscreen.live.profile.SshConfigLookup;
import dev.silkscreen.live.ssh.SshClient;
import dev.silkscreen.live.stream.LiveFrameSource;
import dev.silkscreen.live.stream.LiveListener;
import dev.silkscreen.live.stream.SessionRecorder;
import dev.silkscreen.model.Foundation;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;

/**
 * The live input of {@code trace --live} and {@code live}: a started {@link LiveFrameSource} with
 * its discovered topology, an optional recording, and a shutdown hook so that Ctrl-C still kills
 * every tcpdump by pid before the JVM exits.
 */
final class LiveTrace implements AutoCloseable {
    private final LiveFrameSource source;
    private final SessionRecorder recorder;
    private final Foundation foundation;
    private final Thread hook;
    private final PrintWriter err;
    private boolean closed;

    private LiveTrace(LiveFrameSource source, SessionRecorder recorder, Foundation foundation, Thread hook, PrintWriter err) {
        this.source = source;
        this.recorder = recorder;
        this.foundation = foundation;
        this.hook = hook;
        this.err = err;
    }

    static LiveTrace open(Path profileFile, LiveOptions options, PrintWriter err) {
        FoundationProfile profile = options.profile(profileFile);
        // Everything that can fail on bad options comes before the recording is opened, so that
        // such an error leaves no empty, open pcapng behind.
        SshClient client = options.client(err);
        SshConfigLookup sshConfig = options.sshConfigLookup();
        SessionRecorder recorder = null;
        if (options.record != null) {
            try {
                recorder = new SessionRecorder(options.record, "live capture of " + profile.name(), profile.capture().snapLength());
            } catch (IOException e) {
                throw new UserException("--record " + options.record + ": " + IoReasons.of(e));
            }
        }
        LiveListener printer = LiveOptions.stderrListener(err);
        LiveListener listener = recorder == null ? printer : recorder.recordingTopology(printer);
        LiveFrameSource source = new LiveFrameSource(profile, client, sshConfig, listener,
                LiveOptions.defaultUser(), profile.capture().duration(), recorder);
        Thread hook = new Thread(source::stop, "silkscreen live stop");
        Runtime.getRuntime().addShutdownHook(hook);
        Foundation f = source.start();
        if (f.cells().isEmpty()) {
            source.stop();
            removeHook(hook);
            closeQuietly(recorder);
            throw new UserException("no cell could be reached and discovered (see the messages above)");
        }
        return new LiveTrace(source, recorder, f, hook, err);
    }

    LiveFrameSource source() {
        return source;
    }

    Foundation foundation() {
        return foundation;
    }

    /** Stops every capture (by pid), closes the recording, prints the per-point counters. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        source.stop();
        removeHook(hook);
        LiveOptions.printStats(err, source.session().stats());
        if (recorder != null) {
            try {
                recorder.close();
                err.println("silkscreen: recorded " + recorder.framesWritten() + " frames; topology in " + recorder.topologyFile());
            } catch (IOException e) {
                err.println("silkscreen: the recording could not be finished: " + e.getMessage());
            }
            err.flush();
        }
    }

    /** Finishes the recording of a session that could not start (a valid capture without frames). */
    private static void closeQuietly(SessionRecorder recorder) {
        if (recorder != null) {
            try {
                recorder.close();
            } catch (IOException e) {
                // the error about the session is the one to report
            }
        }
    }

    private static void removeHook(Thread hook) {
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException e) {
            // already shutting down: the hook is running
        }
    }
}
