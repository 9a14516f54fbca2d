package dev.silkscreen.cli;

import dev.silkscreen.pipeline.IoReasons;
import dev.silkscreen.pipeline.PipelineSource;
import dev.silkscreen.pipeline.SourceException;
import dev.silkscreen.ui.Snapshot;
import dev.silkscreen.ui.snapshot.SnapshotRequest;
import dev.silkscreen.ui.theme.Theme;
import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code silkscreen snapshot}: renders the desktop view of a scenario at one step to a PNG, with no
 * display (headless). The only verb that loads JavaFX.
 */
@Command(name = "snapshot", mixinStandardHelpOptions = true,
        description = "Render the desktop picture of a scenario at a step to a PNG, headless.")
public final class SnapshotCommand implements Callable<Integer> {

    @Option(names = "--scenario", defaultValue = "seed", description = "Built-in scenario (default: ${DEFAULT-VALUE}).")
    String scenario;

    @Option(names = "--capture", paramLabel = "FILE",
            description = "Render these capture files (pcap/pcapng, repeatable; a NAME.topology.json may be one) instead of a scenario.")
    java.util.List<Path> captures;

    @Option(names = "--step", defaultValue = "1", description = "Step of the followed packet, 1-11 (default: ${DEFAULT-VALUE}).")
    int step;

    @Option(names = "--out", description = "PNG file to write.")
    Path out;

    @Option(names = "--describe", paramLabel = "FILE.json",
            description = "Write the scene as drawn: every text (string, font size, bounds), packet, envelope, chip and"
                    + " component box, the caption, each step's state and the followed journey.")
    Path describe;

    @Option(names = "--size", defaultValue = "1920x1080", description = "WIDTHxHEIGHT in pixels (default: ${DEFAULT-VALUE}).")
    String size;

    @Option(names = "--theme", defaultValue = "light", description = "classroom, light or dark (default: ${DEFAULT-VALUE}).")
    String theme;

    @Option(names = "--inspect", description = "Open the inspector on the followed packet.")
    boolean inspect;

    @Option(names = "--journey", defaultValue = "0", description = "Follow the Nth journey in time order (default: ${DEFAULT-VALUE}).")
    int journey;

    @Option(names = "--select", paramLabel = "KIND[:CELL]",
            description = "Open the inspector on a part: cell, container, veth, gate, vtep, nic or underlay, e.g. gate:cell2.")
    String select;

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        SnapshotRequest request;
        try {
            int x = size.toLowerCase(java.util.Locale.ROOT).indexOf('x');
            if (x < 0) {
                throw new IllegalArgumentException("--size must read WIDTHxHEIGHT, e.g. 1920x1080");
            }
            int w = Integer.parseInt(size.substring(0, x).trim());
            int h = Integer.parseInt(size.substring(x + 1).trim());
            request = new SnapshotRequest(scenario, captures, step, out, w, h, Theme.of(theme), inspect, journey, select, describe);
        } catch (NumberFormatException e) {
            throw new UserException("--size must read WIDTHxHEIGHT, e.g. 1920x1080");
        } catch (IllegalArgumentException e) {
            throw new UserException(e.getMessage());
        }
        try {
            String title = Snapshot.render(request, new PipelineSource());
            String what = out == null ? describe.toString() : describe == null ? out.toString() : out + " and " + describe;
            spec.commandLine().getOut().println("wrote " + what + " (" + title + ", step " + step + ")");
            return ExitCodes.OK;
        } catch (SourceException e) {
            throw new UserException(e.getMessage());
        } catch (IOException e) {
 throw new UserException("cannot write " + (out == null ? describe : out) + ": " + IoReasons.of(e), ExitCodes.SOFTWARE, e);
        }
    }
}
