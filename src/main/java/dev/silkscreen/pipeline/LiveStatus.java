package dev.silkscreen.pipeline;

import dev.silkscreen.live.stream.LiveListener;
import dev.silkscreen.live.stream.PointState;
import dev.silkscreen.live.stream.PointStats;
import dev.silkscreen.model.CapturePoint;
import dev.silkscreen.model.Foundation;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a live session has said so far, gathered from its threads for the status panel: the latest
 * counters of every capture point, each cell's connection state, and the last lines of messages.
 * The panel reads {@link #snapshot()} on a timer, so bursts of events cost one refresh.
 */
public final class LiveStatus implements LiveListener {
    /** Messages kept for the panel's log. */
    public static final int MAX_MESSAGES = 200;
    private final Map<CapturePoint, PointStats> points = new LinkedHashMap<>();
    private final Map<String, String> cells = new LinkedHashMap<>();
    private final List<String> messages = new ArrayList<>();
    private long version;

    /** One point's row: counters, state and the last thing tcpdump said on stderr. */
    public record Row(String point, String state, long frames, long bytes, String drops, String message) {
    }

    /** Everything the panel shows, at one moment. */
    public record Snapshot(long version, List<Row> rows, Map<String, String> cells, List<String> messages,
                           long frames, long bytes, long drops, int running) {
        /** One line: how many points run and the totals. */
        public String summary() {
            return running + " of " + rows.size() + " points capturing · " + frames + " frames · " + bytes + " bytes · "
                    + drops + " dropped by the kernel";
        }
    }

    @Override
    public synchronized void cell(String cell, String state, String message) {
        cells.put(cell, state + (message == null ? "" : ": " + message));
        log(cell + ": " + state + (message == null ? "" : " (" + message + ")"));
    }

    @Override
    public synchronized void point(PointStats stats) {
        points.put(stats.point(), stats);
        if (stats.state() == PointState.FAILED || stats.state() == PointState.LOST) {
            log(stats.point() + ": " + stats.state().name().toLowerCase() + (stats.message() == null ? "" : ": " + stats.message()));
        }
        version++;
    }

    @Override
    public synchronized void warning(String message) {
        log("warning: " + message);
    }

    @Override
    public synchronized void topology(Foundation foundation) {
        log("topology: " + foundation.cells().size() + " cells, " + foundation.instances().size() + " containers");
    }

    /** Replaces every point's counters with the session's own (e.g. the frames counted since the last event). */
    public synchronized void counters(List<PointStats> latest) {
        for (PointStats s : latest) {
            PointStats old = points.get(s.point());
            if (old == null || !old.equals(s)) {
                points.put(s.point(), s);
                version++;
            }
        }
    }

    public synchronized Snapshot snapshot() {
        List<Row> rows = new ArrayList<>();
        long frames = 0;
        long bytes = 0;
        long drops = 0;
        int running = 0;
        List<PointStats> sorted = new ArrayList<>(points.values());
        sorted.sort(Comparator.comparing((PointStats s) -> s.point().cell()).thenComparing(s -> s.point().iface()));
        for (PointStats s : sorted) {
            rows.add(new Row(s.point().toString(), s.state().name().toLowerCase(), s.frames(), s.bytes(),
                    s.drops() < 0 ? "?" : Long.toString(s.drops()), s.message() == null ? "" : s.message()));
            frames += s.frames();
            bytes += s.bytes();
            drops += Math.max(0, s.drops());
            if (s.state() == PointState.RUNNING) {
                running++;
            }
        }
        return new Snapshot(version, List.copyOf(rows), Map.copyOf(cells), List.copyOf(messages), frames, bytes, drops, running);
    }

    private void log(String line) {
        messages.add(line);
        if (messages.size() > MAX_MESSAGES) {
            messages.remove(0);
        }
        version++;
    }
}
