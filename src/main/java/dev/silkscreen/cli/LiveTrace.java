package dev.silkscreen.cli;

import dev.silkscreen.live.profile.FoundationProfile;
import dev.silkscreen.live.stream.LiveFrameSource;
import dev.silkscreen.model.Foundation;
import dev.silkscreen.model.SafeText;
import dev.silkscreen.pipeline.IoReasons;
import dev.silkscreen.pipeline.LiveInput;
import dev.silkscreen.pipeline.SourceException;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;

/**
 * The live input of {@code trace --live} and {@code live}: the shared {@link LiveInput}, its
 * messages on stderr and the per-point counters printed when it ends.
 */
final class LiveTrace implements AutoCloseable {
    private final LiveInput input;
    private final PrintWriter err;
    private boolean closed;

    private LiveTrace(LiveInput input, PrintWriter err) {
        this.input = input;
        this.err = err;
    }

    static LiveTrace open(Path profileFile, LiveOptions options, PrintWriter err) {
        FoundationProfile profile = options.profile(profileFile);
        // Everything that can fail on bad options comes before the recording is opened, so that
        // such an error leaves no empty, open pcapng behind.
        LiveInput input;
        try {
            input = new LiveInput(profile, options.client(err), options.sshConfigLookup(), LiveOptions.defaultUser(),
                    options.record, LiveOptions.stderrListener(err), note -> {
                        err.println("silkscreen: " + SafeText.line(note));
                        err.flush();
                    });
        } catch (IOException e) {
            throw new UserException("--record " + options.record + ": " + IoReasons.of(e));
        }
        try {
            input.start();
        } catch (SourceException e) {
            throw new UserException(e.getMessage().equals(LiveInput.NO_CELL)
                    ? LiveInput.NO_CELL + " (see the messages above)" : e.getMessage());
        }
        return new LiveTrace(input, err);
    }

    LiveFrameSource source() {
        return input.source();
    }

    Foundation foundation() {
        return input.foundation();
    }

    /** Stops every capture (by pid), prints the per-point counters, closes the recording. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        input.source().stop();
        LiveOptions.printStats(err, input.stats());
        input.stop();
    }
}
