package dev.silkscreen;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MainTest {
    @TempDir
    Path dir;

    @Test
    void noArgumentsOpensTheDesktop() {
        assertThat(Main.opensDesktop(new String[0])).isTrue();
    }

    @Test
    void captureFilesFromAFileManagerOpenTheDesktop() throws Exception {
        Path a = Files.createFile(dir.resolve("cell1.pcapng"));
        Path b = Files.createFile(dir.resolve("cell2.PCAP"));
        assertThat(Main.opensDesktop(new String[] {a.toString(), b.toString()})).isTrue();
    }

    @Test
    void aVerbGoesToTheCli() {
        assertThat(Main.opensDesktop(new String[] {"decode", "x.pcapng"})).isFalse();
        assertThat(Main.opensDesktop(new String[] {"--version"})).isFalse();
    }

    @Test
    void aMissingCaptureFileGoesToTheCliWhichSaysSo() {
        assertThat(Main.opensDesktop(new String[] {dir.resolve("gone.pcapng").toString()})).isFalse();
    }
}
