package dev.silkscreen.cli;

import dev.silkscreen.live.profile.BoshVmsImport;
import dev.silkscreen.live.profile.CaptureSettings;
import dev.silkscreen.live.profile.CellTarget;
import dev.silkscreen.live.profile.FoundationProfile;
import dev.silkscreen.live.profile.ProfileException;
import dev.silkscreen.live.profile.ProfileValues;
import dev.silkscreen.live.profile.ProfileWriter;
import dev.silkscreen.live.ssh.AuthMethod;
import dev.silkscreen.live.ssh.SshTarget;
import dev.silkscreen.pipeline.IoReasons;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code silkscreen profile import-bosh VMS.json}: a foundation profile from {@code bosh -d cf vms --json}. */
@Command(name = "profile", description = "Make foundation profiles.", mixinStandardHelpOptions = true,
        subcommands = ProfileCommand.ImportBosh.class)
public final class ProfileCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        throw new picocli.CommandLine.ParameterException(spec.commandLine(), "missing subcommand (try: profile import-bosh --help)");
    }

    /** The import itself. */
    @Command(name = "import-bosh",
            description = {"Write a profile with the Diego cells listed by 'bosh -d cf vms --json' (FILE, or - for stdin).",
                    "Every cell gets the same login; edit the YAML afterwards as needed."},
            mixinStandardHelpOptions = true)
    static final class ImportBosh implements Callable<Integer> {
        @Parameters(index = "0", paramLabel = "VMS.json")
        String input;

        @Option(names = "--name", defaultValue = "cf", description = "Profile name (default ${DEFAULT-VALUE}).")
        String name;

        @Option(names = "--user", defaultValue = "vcap", description = "Login user on the cells (default ${DEFAULT-VALUE}).")
        String user;

        @Option(names = "--auth", defaultValue = "agent", description = "agent, key or password (default ${DEFAULT-VALUE}).")
        String auth;

        @Option(names = "--key-file", paramLabel = "FILE", description = "Private key for --auth key.")
        String keyFile;

        @Option(names = "--no-sudo", description = "Do not run tcpdump and iptables-save through sudo -n.")
        boolean noSudo;

        @Option(names = "--group", paramLabel = "REGEX", description = "Instance groups to import (default: diego-cell, compute, isolated-diego-cell).")
        String group;

        @Option(names = {"-o", "--output"}, paramLabel = "FILE", description = "Write here instead of stdout.")
        Path output;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            String json;
            try {
                json = input.equals("-") ? new String(System.in.readAllBytes(), StandardCharsets.UTF_8) : Files.readString(Path.of(input));
            } catch (IOException e) {
                throw new UserException(input + ": cannot read: " + IoReasons.of(e));
            }
            AuthMethod method = AuthMethod.parse(auth);
            if (method == null) {
                throw new UserException("--auth: '" + auth + "' is not one of agent, key, password");
            }
            Pattern groups;
            try {
                groups = group == null ? BoshVmsImport.DEFAULT_GROUPS : Pattern.compile(group);
            } catch (PatternSyntaxException e) {
                throw new UserException("--group: not a regular expression: " + e.getDescription());
            }
            String yaml;
            try {
                SshTarget template = new SshTarget("template", 0, ProfileValues.user("--user", user), method,
                        keyFile == null ? null : ProfileValues.printable("--key-file", keyFile));
                List<CellTarget> cells = BoshVmsImport.cells(json, groups, template, !noSudo);
                yaml = ProfileWriter.toYaml(new FoundationProfile(ProfileValues.cellName("--name", name), null, cells, CaptureSettings.defaults()));
            } catch (ProfileException e) {
                throw new UserException(input + ": " + e.getMessage());
            }
            String text = "# Foundation profile imported from 'bosh vms' (" + input + "); format: assets/profiles/example.yaml\n" + yaml;
            if (output == null) {
                PrintWriter out = spec.commandLine().getOut();
                out.print(text);
                out.flush();
            } else {
                try {
                    Files.writeString(output, text);
                } catch (IOException e) {
                    throw new UserException(output + ": cannot write: " + IoReasons.of(e));
                }
            }
            return ExitCodes.OK;
        }
    }
}
