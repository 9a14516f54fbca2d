package dev.silkscreen.cli;

import dev.silkscreen.model.CaptureSink;
import dev.silkscreen.model.Frame;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code silkscreen live PROFILE --record FILE.pcapng}: capture every discovered point of every
 * cell for the profile's duration (or until Ctrl-C), recorded for replay, with per-point counters.
 */
@Command(name = "live",
        description = {"Capture live from every cell of a foundation profile over SSH and record it for replay.",
                "tcpdump runs on each container veth, silk-vtep and the underlay NIC; Ctrl-C stops."},
        mixinStandardHelpOptions = true)
public final class LiveCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "PROFILE.yaml", description = "Foundation profile (see assets/profiles/example.yaml).")
    Path profileFile;

    @Mixin
    LiveOptions live;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws InterruptedException {
        PrintWriter err = spec.commandLine().getErr();
        if (live.record == null) {
            throw new UserException("live: give --record FILE.pcapng (or use 'trace --live' to print journeys)");
        }
        try (LiveTrace lt = LiveTrace.open(profileFile, live, err)) {
            err.println("silkscreen: capturing; Ctrl-C stops");
            err.flush();
            lt.source().run(new CaptureSink() {
                @Override
                public void accept(Frame frame) {
                    // the recording is the output
                }
            });
        }
        return ExitCodes.OK;
    }
}
