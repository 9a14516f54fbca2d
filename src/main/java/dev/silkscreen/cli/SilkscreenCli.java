package dev.silkscreen.cli;

import dev.silkscreen.model.SafeText;
import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * The {@code silkscreen} command: one thin picocli class per verb over services tested without
 * picocli. User errors ({@link UserException}) print one line and exit {@link ExitCodes#USAGE};
 * {@code --debug} adds the stack trace. Never loads a JavaFX class (except {@code snapshot},
 * which renders headless).
 */
@Command(name = "silkscreen",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = "Shows how a Cloud Foundry container-to-container packet travels through Silk.%n"
                + "With no verb: the desktop program.",
        subcommands = {
                CommandLine.HelpCommand.class,
                DecodeCommand.class,
                TraceCommand.class,
                ScenariosCommand.class,
                SimulateCommand.class,
                DiscoverCommand.class,
                LiveCommand.class,
                ProfileCommand.class,
                SnapshotCommand.class,
        })
public final class SilkscreenCli implements Runnable {

    @Option(names = "--debug", description = "Show stack traces for errors.", scope = CommandLine.ScopeType.INHERIT)
    boolean debug;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "missing verb (try --help)");
    }

    /** Runs the CLI and returns the exit code. */
    public static int run(String... args) {
        return run(new PrintWriter(System.out, true), new PrintWriter(System.err, true), args);
    }

    public static int run(PrintWriter out, PrintWriter err, String... args) {
        CommandLine cl = commandLine();
        cl.setOut(out);
        cl.setErr(err);
        return execute(cl, args);
    }

    /**
     * Runs a configured command line; an {@link OutOfMemoryError} from any verb ends with one line
     * and {@link ExitCodes#OUT_OF_MEMORY} (picocli hands errors through, so they are caught here).
     */
    static int execute(CommandLine cl, String... args) {
        try {
            return cl.execute(args);
        } catch (OutOfMemoryError e) {
            PrintWriter err = cl.getErr();
            err.println("silkscreen: out of memory (" + SafeText.line(e.getMessage())
                    + "): the input needs more than this Java heap; give more with JAVA_TOOL_OPTIONS=-Xmx4g, or less input");
            err.flush();
            return ExitCodes.OUT_OF_MEMORY;
        }
    }

    /** The configured command line (verbs, error handling); shared by {@link #run} and tests. */
    public static CommandLine commandLine() {
        SilkscreenCli root = new SilkscreenCli();
        CommandLine cl = new CommandLine(root);
        cl.setExecutionExceptionHandler((ex, commandLine, parseResult) -> {
            PrintWriter err = commandLine.getErr();
            boolean debug = parseResult.hasMatchedOption("--debug") || root.debug;
            if (ex instanceof UserException ue) {
                err.println("silkscreen: " + SafeText.line(ue.getMessage()));
                if (debug) {
                    ex.printStackTrace(err);
                }
                err.flush();
                return ue.exitCode();
            }
            err.println("silkscreen: internal error: " + SafeText.line(ex));
            if (debug) {
                ex.printStackTrace(err);
            } else {
                err.println("silkscreen: run again with --debug for details");
            }
            err.flush();
            return ExitCodes.SOFTWARE;
        });
        cl.setParameterExceptionHandler((ex, args) -> {
            PrintWriter err = ex.getCommandLine().getErr();
            err.println("silkscreen: " + SafeText.line(ex.getMessage()));
            err.println("Try '" + ex.getCommandLine().getCommandSpec().qualifiedName() + " --help'.");
            err.flush();
            return ExitCodes.USAGE;
        });
        return cl;
    }
}
