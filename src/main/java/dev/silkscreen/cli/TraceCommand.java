package dev.silkscreen.cli;

import dev.silkscreen.capture.CaptureProblem;
import dev.silkscreen.decode.JsonLineFormatter;
import dev.silkscreen.filter.JourneyFilter;
import dev.silkscreen.model.CapturePoint;
import dev.silkscreen.model.Durations;
import dev.silkscreen.model.Foundation;
import dev.silkscreen.model.FrameSource;
import dev.silkscreen.model.Journey;
import dev.silkscreen.model.SafeText;
import dev.silkscreen.model.Verdict;
import dev.silkscreen.pipeline.SourceException;
import dev.silkscreen.pipeline.TraceInput;
import dev.silkscreen.sim.ScenarioException;
import dev.silkscreen.sim.Scenarios;
import dev.silkscreen.trace.CaptureFileSource;
import dev.silkscreen.trace.CellClock;
import dev.silkscreen.trace.FlowSummary;
import dev.silkscreen.trace.JourneyJson;
import dev.silkscreen.trace.JourneyTable;
import dev.silkscreen.trace.TraceSettings;
import dev.silkscreen.trace.Tracer;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.function.Consumer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code silkscreen trace}: each overlay packet's journey through the eleven steps, from capture
 * files or a simulated scenario. A table by default, JSON Lines with {@code --json}, counts per
 * flow with {@code --summary}; {@code --fail-on-drop} exits 3 when any packet was dropped.
 */
@Command(name = "trace",
        description = {"Follow each container-to-container packet through the eleven steps of Silk.",
                "Shows where it was seen, how long each hop took, and where and why it died if it did."},
        mixinStandardHelpOptions = true)
public final class TraceCommand implements Callable<Integer> {

    @Option(names = "--capture", paramLabel = "CELL:IFACE=FILE",
            description = "A capture of one interface on one cell (repeatable), e.g. cell2:eth0=c2-eth0.pcap; FILE - is standard input.")
    List<String> captures = new ArrayList<>();

    @Parameters(arity = "0..*", paramLabel = "FILE",
            description = "pcapng files whose interfaces are named CELL:IFACE (as Silkscreen records them); - reads standard input.")
    List<Path> files = new ArrayList<>();

    @Option(names = "--scenario", paramLabel = "NAME", description = "Trace a simulated scenario (built-in name or YAML file).")
    String scenario;

    @Option(names = "--seed", paramLabel = "N", defaultValue = "1", description = "Simulator seed for --scenario (default ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--live", paramLabel = "PROFILE.yaml",
            description = "Trace live: tcpdump on every cell of this foundation profile over SSH (Ctrl-C stops).")
    Path live;

    @Mixin
    LiveOptions liveOptions;

    @Option(names = "--topology", paramLabel = "FILE", description = "NAME.topology.json: app names, tags, policies and rules.")
    Path topology;

    @Option(names = "--json", description = "JSON Lines: one object per journey.")
    boolean json;

    @Option(names = "--summary", description = "Counts per flow and verdict instead of one line per journey.")
    boolean summary;

    @Option(names = {"-Y", "--display-filter"}, paramLabel = "EXPR",
            description = {"Show only the journeys with a sighting that matches this display filter (Wireshark's language),",
                    "or whose silk.* fields do: 'silk.verdict == dropped', 'silk.step == 10 && silk.cell == \"cell2\"', 'vxlan.gbp == 4'.",
                    "--fail-on-drop and the footer count only those journeys."})
    String displayFilter;

    @Option(names = "--fail-on-drop", description = "Exit 3 when any packet was dropped (for scripts: is c2c healthy?).")
    boolean failOnDrop;

    @Option(names = "--window", paramLabel = "D", defaultValue = "2s",
            description = "How long a packet may take to show up at its next point (default ${DEFAULT-VALUE}).")
    String window;

    @Option(names = "--capacity", paramLabel = "N", defaultValue = "" + TraceSettings.DEFAULT_CAPACITY,
            description = "Finished journeys kept in memory with their frames (default ${DEFAULT-VALUE}); output is not limited by it.")
    int capacity;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws IOException, InterruptedException {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        TraceSettings settings = settings();
        JourneyFilter only = displayFilter == null ? null : new JourneyFilter(FilterOption.compile(displayFilter, true));
        Foundation topo = topology == null ? null : readTopology(topology);
        List<CaptureFileSource> fileSources = new ArrayList<>();
        FrameSource source;
        LiveTrace liveTrace = null;
        if (live != null) {
            if (scenario != null || !captures.isEmpty() || !files.isEmpty()) {
                throw new UserException("--live traces cells: give it without capture files or --scenario");
            }
            liveTrace = LiveTrace.open(live, liveOptions, err);
            if (topo == null) {
                topo = liveTrace.foundation();
            }
            source = liveTrace.source();
        } else if (scenario != null) {
            if (!captures.isEmpty() || !files.isEmpty()) {
                throw new UserException("--scenario traces the simulator: give it without capture files");
            }
            TraceInput sim;
            try {
                sim = TraceInput.scenario(Scenarios.resolve(scenario), seed, 0);
            } catch (ScenarioException e) {
                throw new UserException(e.getMessage());
            }
            if (topo == null) {
                topo = sim.topology();
            }
            source = sim.source();
        } else {
            for (String c : captures) {
                fileSources.add(captureOption(c));
            }
            for (Path f : files) {
                fileSources.add(new CaptureFileSource(f, null));
            }
            if (fileSources.isEmpty()) {
                throw new UserException("nothing to trace: give capture files, --capture CELL:IFACE=FILE or --scenario NAME");
            }
            try {
                source = TraceInput.captures(fileSources, topo).source();
            } catch (SourceException e) {
                throw new UserException(e.getMessage());
            }
        }

        FlowSummary flows = new FlowSummary();
        long[] verdicts = new long[Verdict.values().length];
        Consumer<Journey> sink = j -> {
            if (only != null && !only.test(j)) {
                return;
            }
            verdicts[j.verdict().ordinal()]++;
            if (summary) {
                flows.add(j);
            } else if (json) {
                out.println(JourneyJson.line(j));
            } else {
                out.println(SafeText.line(JourneyTable.row(j)));
            }
        };
        if (!summary && !json) {
            out.println(JourneyTable.header());
        }
        Tracer.Outcome outcome;
        try {
            outcome = Tracer.run(source, topo, settings, sink);
        } catch (ScenarioException e) {
            throw new UserException(e.getMessage());
        } finally {
            if (liveTrace != null) {
                liveTrace.close();
            }
        }
        if (summary) {
            printSummary(out, flows);
        } else if (!json) {
            printFooter(out, verdicts, outcome);
        }
        String notWatched = notCapturedLine(outcome.uncaptured());
        if (notWatched != null) {
            // In the table's footer; on stderr too where stdout is JSON or a summary (and scripts read stderr).
            (json || summary ? err : out).println(SafeText.line(notWatched));
        }
        out.flush();

        int exit = ExitCodes.OK;
        for (CaptureFileSource s : fileSources) {
            CaptureProblem problem = s.problem();
            if (problem != null) {
                exit = Math.max(exit, CaptureProblems.report(err, s.file().toString(), problem));
            }
        }
        err.flush();
        if (exit == ExitCodes.USAGE) {
            return exit;
        }
        if (failOnDrop && verdicts[Verdict.DROPPED.ordinal()] > 0) {
            return ExitCodes.DROPPED;
        }
        if (outcome.uncaptured().values().stream().anyMatch(java.util.Objects::nonNull)) {
            return ExitCodes.NOT_ALL_WATCHED;
        }
        return exit;
    }

    /**
     * "not captured: cell2 (cannot read key file …); …", or null when every cell known was. A cell
     * the source meant to capture and could not (its reason given) makes the exit code 5; one only
     * the topology names, with no capture of it given, is said but changes no exit code (capturing
     * only the cells that matter is a choice).
     */
    static String notCapturedLine(java.util.Map<String, String> uncaptured) {
        if (uncaptured.isEmpty()) {
            return null;
        }
        List<String> cells = new ArrayList<>();
        boolean failed = false;
        for (java.util.Map.Entry<String, String> e : uncaptured.entrySet()) {
            cells.add(e.getKey() + (e.getValue() == null ? " (no capture of it was given)" : " (" + e.getValue() + ")"));
            failed |= e.getValue() != null;
        }
        return "not captured: " + String.join(", ", cells) + "; what happened there is inferred from the other cells, not seen"
                + (failed ? " (exit " + ExitCodes.NOT_ALL_WATCHED + ")" : "");
    }

    private TraceSettings settings() {
        long windowNanos;
        try {
            windowNanos = Durations.parseNanos(window);
        } catch (IllegalArgumentException e) {
            throw new UserException("--window: " + e.getMessage());
        }
        if (windowNanos <= 0) {
            throw new UserException("--window must be longer than zero");
        }
        if (capacity < 1) {
            throw new UserException("--capacity must be at least 1");
        }
        return TraceSettings.defaults().withWindow(Duration.ofNanos(windowNanos)).withCapacity(capacity);
    }

    private static CaptureFileSource captureOption(String text) {
        int eq = text.indexOf('=');
        if (eq <= 0 || eq == text.length() - 1 || text.substring(0, eq).indexOf(':') <= 0
                || text.substring(0, eq).endsWith(":")) {
            throw new UserException("--capture " + text + ": expected CELL:IFACE=FILE, e.g. cell1:eth0=cell1-eth0.pcap");
        }
        return new CaptureFileSource(Path.of(text.substring(eq + 1)), CapturePoint.parse(text.substring(0, eq)));
    }

    private static Foundation readTopology(Path file) {
        try {
            return TraceInput.readTopology(file);
        } catch (SourceException e) {
            throw new UserException("--topology " + e.getMessage());
        }
    }

    private void printSummary(PrintWriter out, FlowSummary flows) {
        if (!json) {
            flows.lines().forEach(l -> out.println(SafeText.line(l)));
            return;
        }
        for (FlowSummary.Row r : flows.rows()) {
            out.println(String.format(Locale.ROOT,
                    "{\"flow\":%s,\"delivered\":%d,\"dropped\":%d,\"in_flight\":%d,\"unknown\":%d}",
                    JsonLineFormatter.quote(r.flow(), new StringBuilder()), r.count(Verdict.DELIVERED), r.count(Verdict.DROPPED),
                    r.count(Verdict.IN_FLIGHT), r.count(Verdict.UNKNOWN)));
        }
    }

    private static void printFooter(PrintWriter out, long[] v, Tracer.Outcome o) {
        out.println();
        out.printf(Locale.ROOT, "%d journeys: %d delivered, %d dropped, %d in flight, %d unknown (not captured); %d frames, %d on the overlay%n",
                java.util.Arrays.stream(v).sum(), v[Verdict.DELIVERED.ordinal()], v[Verdict.DROPPED.ordinal()],
                v[Verdict.IN_FLIGHT.ordinal()], v[Verdict.UNKNOWN.ordinal()], o.stats().frames(), o.stats().overlayFrames());
        if (o.stats().lateSightings() > 0) {
            out.printf(Locale.ROOT, "%d late sightings: frames of packets already decided, from a stream that lagged "
                    + "(their journeys keep the verdict shown)%n", o.stats().lateSightings());
        }
        for (CellClock c : o.clocks()) {
            if (!c.cell().equals(c.reference())) {
                out.printf(Locale.ROOT, "clock of %s: %s%s vs %s (%d matched packets%s)%n", SafeText.line(c.cell()),
                        c.offsetNanos() >= 0 ? "+" : "", JourneyTable.duration(c.offsetNanos()), SafeText.line(c.reference()), c.samples(),
                        c.bothWays() ? ", one-way latency " + JourneyTable.duration(c.latencyNanos()) : ", one direction only");
            }
        }
    }
}
