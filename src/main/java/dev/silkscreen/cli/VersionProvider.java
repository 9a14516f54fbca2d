package dev.silkscreen.cli;

import dev.silkscreen.Version;
import picocli.CommandLine;

/** {@code --version}: the version from the pom (jar manifest or filtered resource). */
public final class VersionProvider implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
        return new String[] {"silkscreen " + Version.get()};
    }
}
