package dev.silkscreen.cli;

import dev.silkscreen.pipeline.IoReasons;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IoReasonsTest {

    @Test
    void fileExceptionsThatCarryOnlyTheFileNameAreSaidInWords() {
        assertThat(IoReasons.of(new AccessDeniedException("/etc/shadow"))).isEqualTo("permission denied");
        assertThat(IoReasons.of(new FileSystemException("/x", null, "Is a directory"))).isEqualTo("Is a directory");
        assertThat(IoReasons.of(new IOException("No space left on device"))).isEqualTo("No space left on device");
    }

    @Test
    void aMissingInputFileIsNamedOnceWithTheReason(@TempDir Path dir) {
        StringWriter err = new StringWriter();
        String missing = dir.resolve("vms.json").toString();
        int exit = SilkscreenCli.run(new PrintWriter(new StringWriter(), true), new PrintWriter(err, true),
                "profile", "import-bosh", missing);
        assertThat(exit).isEqualTo(ExitCodes.USAGE);
        assertThat(err.toString().strip()).isEqualTo("silkscreen: " + missing + ": cannot read: no such file or directory");
    }
}
