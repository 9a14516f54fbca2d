package dev.silkscreen.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class HelpTextTest {

    /** {@code silkscreen --help} lists each verb by the first line of its description alone. */
    @Test
    void everyVerbsFirstDescriptionLineIsAWholeSentence() {
        Map<String, CommandLine> verbs = SilkscreenCli.commandLine().getSubcommands();
        assertThat(verbs).isNotEmpty();
        verbs.forEach((name, verb) -> {
            String[] description = verb.getCommandSpec().usageMessage().description();
            assertThat(description).as(name).isNotEmpty();
            assertThat(description[0]).as("first description line of " + name).endsWith(".");
        });
    }
}
