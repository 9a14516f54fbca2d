package dev.silkscreen.cli;

import dev.silkscreen.capture.CaptureProblem;
import dev.silkscreen.cf.CfJourneyNames;
import dev.silkscreen.cf.CfNaming;
import dev.silkscreen.cf.CfPolicies;
import dev.silkscreen.decode.JsonLineFormatter;
import dev.silkscreen.filter.JourneyFilter;
import dev.silkscreen.model.CapturePoint;
import dev.silkscreen.model.Durations;
import dev.silkscreen.model.Foundation;
import dev.silkscreen.model.FrameSource;
import dev.silkscreen.model.Journey;
import dev.silkscreen.model.Policy;
import dev.silkscreen.model.SafeText;
import dev.silkscreen.model.Verdict;
import dev.silkscreen.pipeline.SourceException;
import dev.silkscreen.pipeline.TraceInput;
import dev.silkscreen.sim.ScenarioException;
import dev.silkscreen.sim.Scenarios;
import dev.silkscreen.trace.CaptureFileSource;
import dev.silkscreen.trace.CellClock;
import dev.silkscreen.trace.ConnectionTable;
import dev.silkscreen.trace.Connections;
import dev.silkscreen.trace.Diagnosis;
import dev.silkscreen.trace.FlowSummary;
import dev.silkscreen.trace.JourneyJson;
import dev.silkscreen.trace.JourneyTable;
import dev.silkscreen.trace.KernelLog;
import dev.silkscreen.trace.OneWindowSource;
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

    @Mixin
    FlowOptions flowOptions;

    @Mixin
    CfOptions cfOptions;

    @Option(names = "--topology", paramLabel = "FILE", description = "NAME.topology.json: app names, tags, policies and rules.")
    Path topology;

    @Option(names = "--json", description = "JSON Lines: one object per journey.")
    boolean json;

    @Option(names = "--summary", description = "Counts per flow and verdict instead of one line per journey.")
    boolean summary;

    @Option(names = "--connections", description = {"One line (or JSON object) per connection instead of per packet:",
            "a TCP handshake and what follows, a UDP request and its reply; established, never established (where the",
            "missing packet died), reset, stalled after N bytes; answered, lost, no reply."})
    boolean connections;

    @Option(names = "--captured-together", description = {"The capture files were started and stopped together, over one window:",
            "every point counts as captured from the first frame of any file to the last, so a point that fell silent",
            "is 'not seen' (a drop) rather than 'unknown (not captured)' after its own last frame."})
    boolean capturedTogether;

    @Option(names = "--cf-policies", paramLabel = "FILE",
            description = {"The policies CF holds, as 'cf curl /networking/v1/external/policies' prints them: packets a cell",
                    "rejected that one of them admits are diagnosed as a policy not applied on that cell yet."})
    Path cfPolicies;

    @Option(names = "--kernel-log", paramLabel = "CELL=FILE",
            description = {"A cell's kernel log (journalctl -k, kern.log or dmesg output; repeatable): its iptables LOG lines",
                    "(OK_<tag>_<guid>, DENY_C2C_<handle>) are shown with the journeys they are about, as evidence at step 3 or 10."})
    List<String> kernelLogs = new ArrayList<>();

    @Option(names = "--diagnose", description = "Only the diagnosis: the faults the whole trace shows, one line (or JSON object) each.")
    boolean diagnose;

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

    private static final Foundation EMPTY = new Foundation("none", List.of(), List.of(), List.of(), List.of(), java.util.Map.of());

    @Override
    public Integer call() throws IOException, InterruptedException {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        // Only a display filter may read payload bytes: without one, hops keep their frames' headers.
        TraceSettings settings = settings().withFrames(displayFilter != null);
        JourneyFilter only = displayFilter == null ? null : new JourneyFilter(FilterOption.compile(displayFilter, true));
        Foundation topo = topology == null ? null : readTopology(topology);
        List<CaptureFileSource> fileSources = new ArrayList<>();
        FrameSource source;
        if (capturedTogether && (live != null || scenario != null)) {
            throw new UserException("--captured-together is about capture files: give it with files, not --live or --scenario");
        }
        LiveTrace liveTrace = null;
        if (live != null) {
            if (scenario != null || !captures.isEmpty() || !files.isEmpty()) {
                throw new UserException("--live traces cells: give it without capture files or --scenario");
            }
            liveTrace = LiveTrace.open(live, liveOptions, flowOptions, cfOptions, err);
            if (topo == null) {
                topo = liveTrace.foundation();
            }
            source = liveTrace.source();
        } else if (flowOptions.given()) {
            throw new UserException("--from and --to choose a flow to capture live: give them with --live PROFILE");
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
            if (capturedTogether) {
                source = new OneWindowSource(source);
            }
        }

        CfJourneyNames names = null;
        if (cfOptions.given()) {
            CfNaming naming = new CfNaming(topo != null ? topo : EMPTY, cfOptions.directory(topo));
            topo = topo == null ? null : naming.renamed();
            names = new CfJourneyNames(naming);
        }
        CfJourneyNames cf = names;
        if ((connections ? 1 : 0) + (summary ? 1 : 0) + (diagnose ? 1 : 0) > 1) {
            throw new UserException("--connections, --summary and --diagnose each choose what to print: give one of them");
        }
        Diagnosis diagnosis = new Diagnosis();
        if (cfPolicies != null) {
            diagnosis.cfPolicies(readCfPolicies(cfPolicies));
        }
        source = diagnosis.watch(source);
        long[] connVerdicts = new long[Connections.Verdict.values().length];
        Consumer<Connections.Connection> printConnection = c -> {
            connVerdicts[c.verdict().ordinal()]++;
            out.println(json ? ConnectionTable.json(c) : SafeText.line(ConnectionTable.row(c)));
        };
        Connections allConnections = new Connections(settings.capacity(), topo, c -> {
            diagnosis.add(c);
            if (connections && only == null) {
                printConnection.accept(c);
            }
        });
        Connections keptConnections = connections && only != null ? new Connections(settings.capacity(), topo, printConnection) : null;
        KernelLog kernelLog = readKernelLogs(kernelLogs);
        FlowSummary flows = new FlowSummary();
        long[] verdicts = new long[Verdict.values().length];
        Consumer<Journey> sink = j -> {
            diagnosis.add(j);
            allConnections.add(j);
            if (only != null && !only.test(j)) {
                return;
            }
            verdicts[j.verdict().ordinal()]++;
            if (keptConnections != null) {
                keptConnections.add(j);
            } else if (connections || diagnose) {
                return;
            } else if (summary) {
                flows.add(j);
            } else if (json) {
                out.println(withKernelLog(JourneyJson.line(j, cf), kernelLog == null ? List.of() : kernelLog.evidenceFor(j)));
            } else {
                out.println(SafeText.line(JourneyTable.row(j)));
                if (cf != null) {
                    out.println("       " + SafeText.line(cf.tableLine(j)));
                }
                if (kernelLog != null) {
                    for (KernelLog.Evidence e : kernelLog.evidenceFor(j)) {
                        out.println(SafeText.line("       kernel log on " + e.entry().cell() + ", step " + e.step() + ": " + e.entry().text()));
                    }
                }
            }
        };
        if (!summary && !json && !diagnose) {
            out.println(connections ? ConnectionTable.header() : JourneyTable.header());
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
        allConnections.useTopology(outcome.foundation());
        allConnections.finish();
        if (keptConnections != null) {
            keptConnections.useTopology(outcome.foundation());
            keptConnections.finish();
        }
        List<Diagnosis.Finding> findings = diagnosis.findings(outcome.foundation());
        if (diagnose) {
            for (Diagnosis.Finding f : findings) {
                out.println(json ? findingJson(f) : SafeText.line("diagnosis: " + f.text()));
            }
        } else if (summary) {
            printSummary(out, flows);
        } else if (connections && !json) {
            out.println();
            StringBuilder sb = new StringBuilder();
            long total = 0;
            for (Connections.Verdict v : Connections.Verdict.values()) {
                total += connVerdicts[v.ordinal()];
                if (connVerdicts[v.ordinal()] > 0) {
                    sb.append(", ").append(connVerdicts[v.ordinal()]).append(' ').append(v.word());
                }
            }
            out.printf(Locale.ROOT, "%d connection%s%s%n", total, total == 1 ? "" : "s", sb.length() == 0 ? "" : ":" + sb.substring(1));
        } else if (!json) {
            printFooter(out, verdicts, outcome);
        }
        if (!diagnose && !json) {
            for (Diagnosis.Finding f : findings) {
                out.println(SafeText.line("diagnosis: " + f.text()));
            }
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

    /** Reads {@code CELL=FILE} kernel logs, at most 64 MiB each; null when none is given. */
    private static KernelLog readKernelLogs(List<String> options) {
        if (options.isEmpty()) {
            return null;
        }
        KernelLog log = new KernelLog();
        for (String o : options) {
            int eq = o.indexOf('=');
            if (eq <= 0 || eq == o.length() - 1) {
                throw new UserException("--kernel-log " + o + ": expected CELL=FILE, e.g. cell2=cell2-kern.log");
            }
            String cell = o.substring(0, eq);
            Path file = Path.of(o.substring(eq + 1));
            try (java.io.BufferedReader r = java.nio.file.Files.newBufferedReader(file, java.nio.charset.StandardCharsets.ISO_8859_1)) {
                long read = 0;
                String line;
                while ((line = r.readLine()) != null && read < (64L << 20)) {
                    read += line.length() + 1;
                    log.add(cell, line);
                }
            } catch (java.nio.file.NoSuchFileException e) {
                throw new UserException("--kernel-log " + o + ": no such file");
            } catch (IOException e) {
                throw new UserException("--kernel-log " + o + ": cannot read it (" + e.getMessage() + ")");
            }
        }
        return log;
    }

    /** A journey's JSON with {@code "kernel_log": [{"cell", "step", "line"}]} when the log has lines about it. */
    private static String withKernelLog(String journeyJson, List<KernelLog.Evidence> evidence) {
        if (evidence.isEmpty()) {
            return journeyJson;
        }
        StringBuilder sb = new StringBuilder(journeyJson.substring(0, journeyJson.length() - 1)).append(",\"kernel_log\":[");
        for (int i = 0; i < evidence.size(); i++) {
            KernelLog.Evidence e = evidence.get(i);
            sb.append(i == 0 ? "" : ",").append("{\"cell\":");
            JsonLineFormatter.quote(e.entry().cell(), sb).append(",\"step\":").append(e.step()).append(",\"line\":");
            JsonLineFormatter.quote(e.entry().text(), sb).append('}');
        }
        return sb.append("]}").toString();
    }

    /** The policies of a {@code cf curl} printout, as policies between app GUIDs. */
    private static List<Policy> readCfPolicies(Path file) {
        try {
            List<Policy> out = new ArrayList<>();
            for (CfPolicies.Policy p : CfPolicies.read(file).policies()) {
                out.add(new Policy(p.sourceId(), p.destinationId(), p.protocol(), p.portStart(), p.portEnd()));
            }
            return out;
        } catch (java.nio.file.NoSuchFileException e) {
            throw new UserException("--cf-policies " + file + ": no such file");
        } catch (IOException e) {
            throw new UserException("--cf-policies " + file + ": cannot read it (" + e.getMessage() + ")");
        } catch (IllegalArgumentException e) {
            throw new UserException("--cf-policies " + file + ": " + e.getMessage());
        }
    }

    private static String findingJson(Diagnosis.Finding f) {
        StringBuilder sb = new StringBuilder("{\"diagnosis\":");
        JsonLineFormatter.quote(f.kind(), sb);
        sb.append(",\"cells\":[");
        for (int i = 0; i < f.cells().size(); i++) {
            JsonLineFormatter.quote(f.cells().get(i), sb.append(i == 0 ? "" : ","));
        }
        sb.append("],\"text\":");
        JsonLineFormatter.quote(f.text(), sb);
        return sb.append('}').toString();
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
