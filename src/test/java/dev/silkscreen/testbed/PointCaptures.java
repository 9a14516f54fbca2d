package dev.silkscreen.testbed;

import dev.silkscreen.capture.CaptureException;
import dev.silkscreen.capture.CaptureReader;
import dev.silkscreen.capture.PcapngWriter;
import dev.silkscreen.model.CapturePoint;
import dev.silkscreen.model.Frame;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
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

    /** The topology ({@code silkscreen-topology/1}) in force during the capture. */
    Path topology() {
        return dir.resolve("topology.json");
    }

    /** {@code --capture CELL:IFACE=FILE} for every point, as the trace verb takes them. */
    List<String> captureOptions() {
        List<String> args = new ArrayList<>();
        files.entrySet().stream().sorted(Map.Entry.comparingByKey())
                .forEach(e -> args.addAll(List.of("--capture", e.getKey().name() + "=" + e.getValue())));
        return args;
    }

    /** The traffic line of one exchange ({@code http AppB/0 AppA/0 ok ...}), or an empty string. */
    String result(String kind, String from) {
        return traffic.stream().filter(l -> l.startsWith(kind + " " + from + " ")).findFirst().orElse("");
    }

    /** Every frame of every point, in time order (per point, capture order). */
    List<Frame> frames() {
        List<Frame> all = new ArrayList<>();
        files.entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(e -> {
            try {
                all.addAll(CaptureReader.readAll(e.getValue(), e.getKey()));
            } catch (IOException ex) {
                throw new UncheckedIOException("cannot read " + e.getValue(), ex);
            } catch (CaptureException ex) {
                throw new AssertionError(e.getValue() + ": " + ex.getMessage(), ex);
            }
        });
        all.sort(Comparator.comparingLong(Frame::timeNanos));
        return all;
    }

    /**
     * All points merged into one pcapng whose interfaces are named {@code CELL:IFACE}, as
     * Silkscreen records them; {@code note} goes into the section header.
     */
    Path mergeTo(Path out, String note) {
        try (OutputStream os = Files.newOutputStream(out); PcapngWriter w = new PcapngWriter(os, note)) {
            for (Frame f : frames()) {
                w.accept(f);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + out, e);
        }
        return out;
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
