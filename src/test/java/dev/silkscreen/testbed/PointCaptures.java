package dev.silkscreen.testbed;

import dev.silkscreen.model.CapturePoint;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What {@code testbed.sh capture} wrote: one pcap per capture point, listed in {@code points.tsv}
 * ({@code CELL:IFACE <tab> file}), and the traffic's result lines.
 */
record PointCaptures(Path dir, Map<CapturePoint, Path> files, List<String> traffic) {

    static PointCaptures read(Path dir, List<String> traffic) {
        Map<CapturePoint, Path> files = new LinkedHashMap<>();
        try {
            for (String line : Files.readAllLines(dir.resolve("points.tsv"))) {
                String[] cols = line.split("\t");
                if (cols.length == 2) {
                    files.put(CapturePoint.parse(cols[0]), dir.resolve(cols[1]));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + dir.resolve("points.tsv"), e);
        }
        return new PointCaptures(dir, Map.copyOf(files), List.copyOf(traffic));
    }

    /** The traffic line of one exchange ({@code http AppB/0 AppA/0 ok ...}), or an empty string. */
    String result(String kind, String from) {
        return traffic.stream().filter(l -> l.startsWith(kind + " " + from + " ")).findFirst().orElse("");
    }

    /** The file of one point ({@code cell1:eth0}); fails the test when the run has no such point. */
    Path file(String point) {
        Path f = files.get(CapturePoint.parse(point));
        if (f == null) {
            throw new AssertionError("no capture point " + point + " in " + dir + " (have " + files.keySet() + ")");
        }
        return f;
    }
}
