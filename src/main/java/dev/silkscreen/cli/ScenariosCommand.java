package dev.silkscreen.cli;

import dev.silkscreen.sim.Scenario;
import dev.silkscreen.sim.Scenarios;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code silkscreen scenarios}: the built-in scenarios, one line each. */
@Command(name = "scenarios", mixinStandardHelpOptions = true,
        description = "List the built-in simulator scenarios (run one with 'simulate --scenario NAME').")
public final class ScenariosCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        int width = Scenarios.BUILT_IN.stream().mapToInt(String::length).max().orElse(8);
        for (Scenario s : Scenarios.builtIn()) {
            out.printf("%-" + width + "s  %s%n", s.name(), s.description());
        }
        out.flush();
        return ExitCodes.OK;
    }
}
