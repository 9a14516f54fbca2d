package dev.silkscreen.ui.snapshot;

import dev.silkscreen.ui.theme.Theme;
import java.nio.file.Path;

/**
 * What to render: a scenario (or, when {@code captures} is not empty, those capture files) at a step of its first packet (or of journey {@code journey}), at a
 * size, in a theme; {@code inspect} opens the inspector on that packet.
 *
 * @param journey index of the journey to follow in time order (0: the first)
 * @param describe where to write the scene as drawn (JSON), or null
 * @param select  a part to open in the inspector, {@code KIND} or {@code KIND:CELL} (e.g. {@code gate:cell2}), or null
 */
public record SnapshotRequest(String scenario, java.util.List<Path> captures, int step, Path out, int width, int height,
                              Theme theme, boolean inspect, int journey, String select, Path describe) {

    public SnapshotRequest(String scenario, java.util.List<Path> captures, int step, Path out, int width, int height,
                           Theme theme, boolean inspect, int journey, String select) {
        this(scenario, captures, step, out, width, height, theme, inspect, journey, select, null);
    }

    public SnapshotRequest {
        captures = captures == null ? java.util.List.of() : java.util.List.copyOf(captures);
        if (step < 1 || step > 11) {
            throw new IllegalArgumentException("--step must be 1-11, was " + step);
        }
        if (width < 320 || height < 240 || width > 7680 || height > 4320) {
            throw new IllegalArgumentException("--size must be between 320x240 and 7680x4320, was " + width + "x" + height);
        }
        if (select != null && !select.matches("(?i)(cell|container|veth|gate|vtep|nic|underlay)(:.+)?")) {
            throw new IllegalArgumentException("--select must read KIND[:CELL], KIND one of cell, container, veth, gate, vtep,"
                    + " nic, underlay; was " + select);
        }
        if (out == null && describe == null) {
            throw new IllegalArgumentException("give --out FILE.png, --describe FILE.json or both");
        }
        if (journey < 0) {
            throw new IllegalArgumentException("--journey must be 0 or more");
        }
    }
}
