package dev.silkscreen.live.stream;

import static org.assertj.core.api.Assertions.assertThat;

import dev.silkscreen.model.Cell;
import dev.silkscreen.model.Foundation;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SessionRecorderTest {
    @TempDir
    Path dir;

    private static Foundation foundation() {
        return new Foundation("live", List.of(new Cell("cell1", "10.0.16.11", "eth0", 1500, "10.255.77.0/24")),
                List.of(), List.of(), List.of(), Map.of());
    }

    @Test
    void discoveredTopologyIsRecordedBesideTheFramesAndPassedOn() throws Exception {
        List<String> told = new ArrayList<>();
        try (SessionRecorder rec = new SessionRecorder(dir.resolve("s.pcapng"), "test", 256)) {
            LiveListener listener = rec.recordingTopology(new LiveListener() {
                @Override
                public void topology(Foundation f) {
                    told.add(f.name());
                }
            });
            listener.topology(foundation());
        }
        assertThat(told).containsExactly("live");
        assertThat(Files.readString(dir.resolve("s.topology.json"))).contains("cell1").contains("10.255.77.0/24");
    }

    @Test
    void aTopologyThatCannotBeWrittenIsAWarningAndTheSessionGoesOn() throws Exception {
        List<String> warnings = new ArrayList<>();
        List<String> told = new ArrayList<>();
        try (SessionRecorder rec = new SessionRecorder(dir.resolve("s.pcapng"), "test", 256)) {
            Files.createDirectories(dir.resolve("s.topology.json.tmp")); // the write cannot happen
            LiveListener listener = rec.recordingTopology(new LiveListener() {
                @Override
                public void topology(Foundation f) {
                    told.add(f.name());
                }

                @Override
                public void warning(String message) {
                    warnings.add(message);
                }
            });
            listener.topology(foundation());
        }
        assertThat(warnings).singleElement().asString().startsWith("the topology could not be recorded");
        assertThat(told).containsExactly("live");
    }
}
