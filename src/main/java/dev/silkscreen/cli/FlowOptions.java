package dev.silkscreen.cli;

import dev.silkscreen.live.scope.FlowEnd;
import dev.silkscreen.live.scope.ScopeException;
import picocli.CommandLine.Option;

/** {@code --from}/{@code --to}: watch one flow, only on the cells that host it. */
public final class FlowOptions {

    @Option(names = "--from", paramLabel = "APP[/INDEX]",
            description = {"With --live: watch only the flow from this app (name or GUID), one instance of it, or an overlay address,",
                    "capturing only on the cells that host the flow's ends, with filters that keep only its frames."})
    String from;

    @Option(names = "--to", paramLabel = "APP[:PORT]",
            description = "With --live and --from: the flow's destination (app, APP/INDEX or overlay address), optionally one port.")
    String to;

    boolean given() {
        return from != null || to != null;
    }

    FlowEnd fromEnd() {
        return parse("--from", from, false);
    }

    FlowEnd toEnd() {
        return parse("--to", to, true);
    }

    private static FlowEnd parse(String option, String text, boolean port) {
        if (text == null) {
            throw new UserException("--from and --to go together: give both (e.g. --from AppB/0 --to AppA:8080)");
        }
        try {
            return FlowEnd.parse(option, text, port);
        } catch (ScopeException e) {
            throw new UserException(e.getMessage());
        }
    }
}
