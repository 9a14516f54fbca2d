package dev.silkscreen.testbed;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What tshark reports for each frame of a capture: the asked fields, every occurrence (outer,
 * inner and ICMP-quoted headers alike, comma-separated in protocol order).
 */
final class TsharkFields {
    private TsharkFields() {
    }

    /** One map per frame, field name to its value ("" when absent), in frame order. */
    static List<Map<String, String>> of(Path file, String... fields) {
        List<String> cmd = new ArrayList<>(List.of("tshark", "-n", "-r", file.toString(), "-o", "ip.defragment:FALSE",
                "-T", "fields", "-E", "separator=|", "-E", "occurrence=a", "-E", "aggregator=,"));
        for (String f : fields) {
            cmd.add("-e");
            cmd.add(f);
        }
        TestbedRig.Result r = TestbedRig.run(Duration.ofSeconds(60), cmd);
        if (r.exit() != 0) {
            throw new AssertionError("tshark failed on " + file + ": " + r.err().strip());
        }
        List<Map<String, String>> frames = new ArrayList<>();
        for (String line : r.lines()) {
            String[] cells = line.split("\\|", -1);
            Map<String, String> frame = new LinkedHashMap<>();
            for (int i = 0; i < fields.length; i++) {
                frame.put(fields[i], i < cells.length ? cells[i] : "");
            }
            frames.add(frame);
        }
        return frames;
    }
}
