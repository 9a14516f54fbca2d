package dev.silkscreen.cli;

import dev.silkscreen.live.bpf.BpfCheck;
import dev.silkscreen.live.profile.FoundationProfile;
import dev.silkscreen.live.stream.LiveFrameSource;
import dev.silkscreen.model.Foundation;
import dev.silkscreen.model.SafeText;
import dev.silkscreen.pipeline.IoReasons;
import dev.silkscreen.live.scope.FlowEnd;
import dev.silkscreen.live.stream.PointFilters;
import dev.silkscreen.pipeline.LiveInput;
import dev.silkscreen.pipeline.LiveScoping;
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
        return open(profileFile, options, null, null, err);
    }

    /** @param flow {@code --from}/{@code --to}, or null: when given, only the flow's cells are captured, filtered to it */
    static LiveTrace open(Path profileFile, LiveOptions options, FlowOptions flow, CfOptions cf, PrintWriter err) {
        FoundationProfile profile = options.profile(profileFile);
        checkFilters(PointFilters.WHOLE, profile, err); // a typo in the profile's filter stops here, before any cell is asked
        if (cf != null) {
            cf.withProfile(profile.cf(), profileFile.toAbsolutePath().getParent());
        }
        // Everything that can fail on bad options comes before the recording is opened, so that
        // such an error leaves no empty, open pcapng behind.
        var client = options.client(err);
        var sshConfig = options.sshConfigLookup();
        PointFilters filters = PointFilters.WHOLE;
        if (flow != null && flow.given()) {
            FlowEnd from = flow.fromEnd();
            FlowEnd to = flow.toEnd();
            LiveScoping.Scoped scoped;
            try {
                scoped = LiveScoping.scope(profile, client, sshConfig, LiveOptions.defaultUser(), LiveOptions.stderrListener(err), from, to,
                        cf == null ? f -> f : cf::rename);
            } catch (SourceException e) {
                throw new UserException(e.getMessage().equals(LiveInput.NO_CELL)
                        ? LiveInput.NO_CELL + " (see the messages above)" : e.getMessage());
            }
            for (String line : scoped.scope().describe()) {
                err.println("silkscreen: " + SafeText.line(line));
            }
            err.flush();
            profile = scoped.profile();
            filters = scoped.scope();
            checkFilters(filters, profile, err);
        }
        LiveInput input;
        try {
            input = new LiveInput(profile, client, sshConfig, LiveOptions.defaultUser(),
                    options.record, LiveOptions.stderrListener(err), note -> {
                        err.println("silkscreen: " + SafeText.line(note));
                        err.flush();
                    }, filters);
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

    /**
     * Compiles, with libpcap's own compiler, the capture filter each kind of interface would get
     * (a veth, silk-vtep, the underlay NIC), before tcpdump starts on any cell: a bad filter is one
     * error naming it. Where libpcap is missing here, says so once and leaves it to the cells.
     */
    private static void checkFilters(PointFilters filters, FoundationProfile profile, PrintWriter err) {
        boolean any = !profile.capture().filter().isBlank() || filters != PointFilters.WHOLE;
        if (!any) {
            return;
        }
        BpfCheck check = BpfCheck.get();
        if (!check.available()) {
            err.println("silkscreen: " + check.unavailableReason());
            err.flush();
            return;
        }
        String nic = "eth0";
        for (String iface : new String[] {"s-010255000002", "silk-vtep", nic}) {
            String f = filters.filterFor(iface, nic, profile.capture());
            String problem = check.problem(f, BpfCheck.EN10MB);
            if (problem != null) {
                throw new UserException("capture filter for " + iface + " '" + SafeText.line(f) + "' is not one libpcap accepts: " + problem);
            }
        }
    }
}
