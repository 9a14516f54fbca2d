package dev.silkscreen.cli;

import dev.silkscreen.capture.PcapngWriter;
import dev.silkscreen.model.CapturePoint;
import dev.silkscreen.model.Cell;
import dev.silkscreen.model.Durations;
import dev.silkscreen.model.Foundation;
import dev.silkscreen.model.Instance;
import dev.silkscreen.model.LinkType;
import dev.silkscreen.model.SilkNames;
import dev.silkscreen.model.TopologyJson;
import dev.silkscreen.model.Verdict;
import dev.silkscreen.pipeline.IoReasons;
import dev.silkscreen.sim.Scenario;
import dev.silkscreen.sim.ScenarioException;
import dev.silkscreen.sim.ScenarioLimits;
import dev.silkscreen.sim.Scenarios;
import dev.silkscreen.sim.Simulator;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code silkscreen simulate}: runs a scenario and writes {@code DIR/NAME.pcapng} (one interface
 * per capture point, {@code CELL:IFACE}: every container's host veth, each silk-vtep, each
 * underlay NIC) and {@code DIR/NAME.topology.json}.
 */
@Command(name = "simulate", mixinStandardHelpOptions = true,
        description = "Simulate a Silk foundation and write the capture every interface would record, "
                + "plus the foundation as NAME.topology.json.")
public final class SimulateCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--scenario", required = true, paramLabel = "NAME|FILE",
            description = "A built-in scenario (see 'silkscreen scenarios') or a scenario YAML file.")
    String scenario;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "Directory to write into (created if missing).")
    Path out;

    @Option(names = "--seed", defaultValue = "1", paramLabel = "N", description = "Random seed; the same seed gives the same capture (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--packets", defaultValue = "0", paramLabel = "N",
            description = "Stop after N overlay packets (default: no limit).")
    long packets;

    @Option(names = "--duration", paramLabel = "D", description = "Simulated time to run, e.g. 500ms, 5s (default: the scenario's).")
    String duration;

    @Override
    public Integer call() {
        Scenario s;
        Duration d = null;
        try {
            s = Scenarios.resolve(scenario);
            if (duration != null) {
                try {
                    d = Durations.parse(duration);
                } catch (IllegalArgumentException e) {
                    throw new UserException("--duration: " + e.getMessage());
                }
                if (d.isNegative() || d.isZero()) {
                    throw new UserException("--duration must be positive, not " + duration);
                }
                ScenarioLimits.checkDuration("--duration", d.toNanos());
            }
        } catch (ScenarioException e) {
            throw new UserException(e.getMessage());
        }
        if (packets < 0) {
            throw new UserException("--packets must not be negative");
        }
        try {
            Files.createDirectories(out);
        } catch (FileAlreadyExistsException e) {
            throw new UserException("--out " + out + ": not a directory");
        } catch (IOException e) {
            throw new UserException("cannot create " + out + ": " + IoReasons.of(e));
        }
        Path pcap = out.resolve(s.name() + ".pcapng");
        Path topo = out.resolve(s.name() + ".topology.json");
        Foundation f = Simulator.foundation(s, seed);
        long[] dropped = {0};
        long[] truths = {0};
        long frames;
        try (OutputStream os = Files.newOutputStream(pcap);
             PcapngWriter w = new PcapngWriter(os, "silkscreen simulate --scenario " + s.name() + " --seed " + seed)) {
            declareInterfaces(w, f);
            Simulator.stream(s, seed, packets, d, w, t -> {
                truths[0]++;
                if (t.verdict() == Verdict.DROPPED) {
                    dropped[0]++;
                }
            });
            frames = w.framesWritten();
        } catch (ScenarioException e) {
            throw new UserException(e.getMessage());
        } catch (IOException e) {
            throw cannotWrite(pcap, e);
        }
        try (OutputStream os = Files.newOutputStream(topo)) {
            TopologyJson.write(f, os);
        } catch (IOException e) {
            throw cannotWrite(topo, e);
        }
        PrintWriter o = spec.commandLine().getOut();
        o.printf("%s: %d frames of %d overlay packets (%d dropped) -> %s, %s%n", s.name(), frames, truths[0], dropped[0], pcap, topo);
        o.flush();
        return ExitCodes.OK;
    }

    private static UserException cannotWrite(Path file, IOException e) {
        return new UserException("cannot write " + file + ": " + IoReasons.of(e));
    }

    /** One interface per capture point, in cell order: host veths, silk-vtep, the underlay NIC. */
    static void declareInterfaces(PcapngWriter w, Foundation f) {
        for (Cell c : f.cells()) {
            for (Instance i : f.instances()) {
                if (i.cell().equals(c.name())) {
                    w.interfaceFor(new CapturePoint(c.name(), i.vethName()), LinkType.ETHERNET,
                            "host veth of " + i.app() + "/" + i.index() + " (" + i.ip() + ")");
                }
            }
            w.interfaceFor(new CapturePoint(c.name(), SilkNames.VTEP_IFACE), LinkType.ETHERNET,
                    "VXLAN-GBP VTEP " + c.vtepIp() + " of lease " + c.subnet());
            w.interfaceFor(new CapturePoint(c.name(), c.underlayNic()), LinkType.ETHERNET,
                    "underlay NIC " + c.underlayIp());
        }
    }
}
