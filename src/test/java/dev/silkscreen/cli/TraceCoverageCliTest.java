package dev.silkscreen.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.silkscreen.capture.PcapngWriter;
import dev.silkscreen.model.CapturePoint;
import dev.silkscreen.model.Frame;
import dev.silkscreen.model.TopologyJson;
import dev.silkscreen.pipeline.ScenarioSource;
import dev.silkscreen.sim.Scenarios;
import dev.silkscreen.sim.SimResult;
import dev.silkscreen.sim.Simulator;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code trace} says when not everything was watched: the footer names each cell the topology
 * has but no capture covers (the live case, a cell that could not be reached, exits 5: see
 * {@code LiveCoverageCliTest}).
 */
class TraceCoverageCliTest {
    @TempDir
    Path dir;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(List<String> args) {
        return SilkscreenCli.run(new PrintWriter(out), new PrintWriter(err), args.toArray(String[]::new));
    }

    /** trace arguments for the scenario's captures of every point not on {@code leftOut}, with its topology. */
    private List<String> traceWithout(String scenario, String leftOut) throws Exception {
        SimResult r = Simulator.run(Scenarios.resolve(scenario), 3, 0, null);
        Path topo = dir.resolve(scenario + ".topology.json");
        try (OutputStream os = Files.newOutputStream(topo)) {
            TopologyJson.write(r.foundation(), os);
        }
        List<String> args = new ArrayList<>(List.of("trace", "--topology", topo.toString()));
        for (CapturePoint p : ScenarioSource.points(r.foundation())) {
            if (p.cell().equals(leftOut)) {
                continue;
            }
            Path f = dir.resolve(scenario + "-" + p.name().replace(':', '_') + ".pcapng");
            try (OutputStream os = Files.newOutputStream(f); PcapngWriter w = new PcapngWriter(os, null)) {
                w.interfaceFor(p, dev.silkscreen.model.LinkType.ETHERNET, null);
                for (Frame fr : r.frames()) {
                    if (fr.point().equals(p)) {
                        w.accept(fr);
                    }
                }
            }
            args.add("--capture");
            args.add(p.name() + "=" + f);
        }
        return args;
    }

    @Test
    void aCellTheTopologyHasButNoCaptureCoversIsNamedAndItsDropsAreInferred() throws Exception {
        List<String> args = traceWithout("no-policy", "cell2");

        assertThat(run(args)).as("a cell left out by choice changes no exit code").isZero();
        assertThat(out.toString()).contains("not captured: cell2 (no capture of it was given); what happened there is inferred")
                .contains("rejected by policy at step 10 on cell2 (not captured; inferred from its ICMP reject)")
                .doesNotContain("on cell1: ICMP");
    }

    @Test
    void jsonOutputStaysJsonAndTheCoverageLineGoesToStderr() throws Exception {
        List<String> args = traceWithout("seed", "cell2");
        args.add("--json");

        assertThat(run(args)).isZero();
        assertThat(out.toString().lines()).allSatisfy(l -> assertThat(l).startsWith("{"));
        assertThat(err.toString()).contains("not captured: cell2");
    }

    @Test
    void everyCellCapturedExitsZero() {
        assertThat(run(List.of("trace", "--scenario", "seed"))).isEqualTo(ExitCodes.OK);
        assertThat(out.toString()).doesNotContain("not captured: cell");
    }
}
