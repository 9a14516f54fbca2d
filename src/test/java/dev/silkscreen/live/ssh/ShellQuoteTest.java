package dev.silkscreen.live.ssh;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class ShellQuoteTest {
    @TempDir
    Path dir;

    @Test
    void plainWordsAreSingleQuoted() {
        assertThat(ShellQuote.join(List.of("tcpdump", "-i", "eth0"))).isEqualTo("'tcpdump' '-i' 'eth0'");
    }

    @Test
    void aSingleQuoteIsClosedEscapedAndReopened() {
        assertThat(ShellQuote.quote("it's")).isEqualTo("'it'\\''s'");
    }

    @Test
    void nulIsRefused() {
        assertThatThrownBy(() -> ShellQuote.quote("a\0b")).isInstanceOf(IllegalArgumentException.class);
    }

    /** A real /bin/sh receives exactly the word, and nothing in it runs. */
    @ParameterizedTest
    @ValueSource(strings = {"; touch MARK", "$(touch MARK)", "`touch MARK`", "' ; touch MARK ; '", "\" ; touch MARK ; \"",
            "a\ntouch MARK", "\\'; touch MARK #", "* ? [a]", "${IFS}touch${IFS}MARK", "&& touch MARK || touch MARK", "| touch MARK"})
    void aRealShellGetsTheWordBackAndRunsNothing(String hostile) throws Exception {
        assumeTrue(Files.isExecutable(Path.of("/bin/sh")), "needs /bin/sh");
        String cmd = "printf '%s' " + ShellQuote.quote(hostile);
        Process p = new ProcessBuilder("/bin/sh", "-c", cmd).directory(dir.toFile()).start();
        assertThat(p.waitFor(10, TimeUnit.SECONDS)).isTrue();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(out).isEqualTo(hostile);
        assertThat(dir.resolve("MARK")).doesNotExist();
    }
}
