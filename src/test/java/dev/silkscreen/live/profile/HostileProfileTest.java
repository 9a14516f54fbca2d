package dev.silkscreen.live.profile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Profile values that used to be rounded, guessed or silently overridden (issue 15). */
class HostileProfileTest {
    @TempDir
    Path dir;

    private static void refused(String yaml, String message) {
        assertThatThrownBy(() -> ProfileReader.parse(yaml)).isInstanceOf(ProfileException.class).hasMessageContaining(message);
    }

    @Test
    void aFractionalPortIsRefusedNotRoundedTo22() {
        refused("cells: [{host: h1, port: 22.7}]\n", "is not a number");
    }

    @Test
    void aHexPortIsRefusedNotReadAs22() {
        refused("cells: [{host: h1, port: 0x16}]\n", "write numbers in decimal, not 0x16");
    }

    @Test
    void aDecimalPortStillReads() {
        assertThat(ProfileReader.parse("cells: [{host: h1, port: 2222}]\n").cells().get(0).ssh().port()).isEqualTo(2222);
    }

    @Test
    void aFractionalSnapLengthIsRefused() {
        refused("capture: {snapLength: 300.5}\ncells: [{host: h1}]\n", "capture.snapLength");
    }

    @Test
    void aKeyGivenTwiceIsRefusedNotLastWins() {
        refused("cells: [{host: h1, host: h2}]\n", "Duplicate field 'host'");
    }

    @Test
    void aliasesAreRefused() {
        refused("defaults: &d {user: vcap}\ncells: [{host: h1, user: *d}]\n", "anchors and aliases");
    }

    @Test
    void aHugeProfileIsRefusedByItsSizeBeforeParsing() throws Exception {
        Path file = dir.resolve("big.yaml");
        Files.writeString(file, "cells: [{host: h1}]\n" + ("# " + "y".repeat(1000) + "\n").repeat(1100));

        assertThatThrownBy(() -> ProfileReader.read(file)).isInstanceOf(ProfileException.class).hasMessageContaining("larger than 1024 KiB");
    }

    @Test
    void anIpv6HostIsNoCellNameByDefault() {
        // found by ProfileYamlFuzzTest: the host became the cell's name, ':' and all
        refused("cells: [{host: 10.0.22:5}]\n", "cells[0].name (the host, when no name is given)");
        assertThat(ProfileReader.parse("cells: [{name: c1, host: \"fe80::1\"}]\n").cells().get(0).name()).isEqualTo("c1");
    }

    @Test
    void cellNamesFollowTheOneRule() {
        refused("cells: [{name: \"a:b\", host: h1}]\n", "has a ':'");
    }
}
