package dev.silkscreen.cli;

import dev.silkscreen.live.profile.FoundationProfile;
import dev.silkscreen.live.stream.LiveSession;
import dev.silkscreen.model.App;
import dev.silkscreen.model.Cell;
import dev.silkscreen.model.Foundation;
import dev.silkscreen.model.Instance;
import dev.silkscreen.model.Policy;
import dev.silkscreen.model.SafeText;
import dev.silkscreen.model.TopologyJson;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code silkscreen discover PROFILE}: connects to every cell, reads it with read-only commands, prints the foundation. */
@Command(name = "discover",
        description = {"Read every cell of a foundation profile over SSH and print what Silk looks like there.",
                "Read-only (ip, bridge, iptables-save, the container metadata store); shows cells, containers,",
                "tags and policies."},
        mixinStandardHelpOptions = true)
public final class DiscoverCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "PROFILE.yaml", description = "Foundation profile (see assets/profiles/example.yaml).")
    Path profileFile;

    @Option(names = "--json", description = "Print NAME.topology.json instead of a summary.")
    boolean json;

    @Mixin
    LiveOptions live;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        FoundationProfile profile = live.profile(profileFile);
        Foundation f;
        try (LiveSession session = new LiveSession(profile, live.client(err), live.sshConfigLookup(), frame -> { },
                LiveOptions.stderrListener(err), LiveOptions.defaultUser())) {
            f = session.discover();
        }
        if (json) {
            out.println(TopologyJson.toJson(f));
        } else {
            print(out, f);
        }
        out.flush();
        if (f.cells().isEmpty()) {
            throw new UserException("no cell could be discovered (see the messages above)");
        }
        return f.cells().size() < profile.cells().size() ? ExitCodes.PARTIAL : ExitCodes.OK;
    }

    static void print(PrintWriter out, Foundation f) {
        out.println("foundation " + SafeText.line(f.name()));
        for (Cell c : f.cells()) {
            out.printf("cell %s  underlay %s on %s (MTU %d)  lease %s  vtep %s%n", SafeText.line(c.name()), SafeText.line(c.underlayIp()), SafeText.line(c.underlayNic()),
                    c.underlayMtu(), SafeText.line(c.subnet()), c.vtepIp());
            var t = f.tablesOf(c.name());
            out.printf("  %d routes, %d silk-vtep neighbours, %d FDB entries, %d policy rules%n", t.routes().size(),
                    t.neighbours().size(), t.fdb().size(), f.rules().getOrDefault(c.name(), java.util.List.of()).size());
            for (Instance i : f.instances()) {
                if (i.cell().equals(c.name())) {
                    out.printf("  container %-15s %-16s app %s%n", SafeText.line(i.ip()), SafeText.line(i.vethName()), SafeText.line(i.app()));
                }
            }
        }
        for (App a : f.apps()) {
            out.printf("app %s  tag %s%n", SafeText.line(a.name()), a.tag() == 0 ? "(none)" : "0x" + a.tagHex());
        }
        for (Policy p : f.policies()) {
            out.printf("policy %s -> %s %s %s%n", SafeText.line(p.srcApp()), SafeText.line(p.dstApp()), SafeText.line(p.protocol()), p.protocol().equals("icmp") ? "" : p.portText());
        }
    }
}
