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
    /** Cells with a point that ran at some time (captured, if only for a while). */
    private final java.util.Set<String> everCaptured = new java.util.HashSet<>();
    /** The last failure of each cell ("failed: …", "unreachable: …"), kept after its state moves on to "done". */
    private final Map<String, String> problems = new LinkedHashMap<>();
    private final List<String> messages = new ArrayList<>();
    private long version;

    /** One point's row: counters, state and the last thing tcpdump said on stderr. */
    public record Row(String point, String state, long frames, long bytes, String drops, String message) {
    }

    /** Everything the panel shows, at one moment. */
    public record Snapshot(long version, List<Row> rows, Map<String, String> cells, List<String> messages,
                           long frames, long bytes, long drops, int running, Coverage coverage) {
        /** One line: how many points run and the totals, then how many cells are watched. */
        public String summary() {
            return running + " of " + rows.size() + " points capturing · " + frames + " frames · " + bytes + " bytes · "
                    + drops + " dropped by the kernel · " + coverage.line();
        }
    }

    /**
     * Which cells and points are watched: capturing (a point running), failed (with the reason in
     * full), never connected (still connecting), and cells that are neither (connected, not yet
     * capturing, or done). {@code notCaptured} is each cell no point was ever captured on, with why.
     */
    public record Coverage(int cellsCapturing, int cellsFailed, int cellsNeverConnected, int cells,
                           int pointsCapturing, int pointsFailed, int points, Map<String, String> notCaptured) {
        /** "cells: 1 of 2 capturing, 1 failed, 0 never connected · points: 3 capturing, 0 failed". */
        public String line() {
            return "cells: " + cellsCapturing + " of " + cells + " capturing, " + cellsFailed + " failed, " + cellsNeverConnected
                    + " never connected · points: " + pointsCapturing + " of " + points + " capturing, " + pointsFailed + " failed";
        }

        /** "Not captured: cell2 (failed: vcap@…: cannot read key file …)", or null when every cell is. */
        public String warning() {
            if (notCaptured.isEmpty()) {
                return null;
            }
            List<String> parts = new ArrayList<>();
            notCaptured.forEach((cell, why) -> parts.add(cell + " (" + why + ")"));
            return "Not captured: " + String.join("; ", parts) + ". What happened there is inferred from the other cells, not seen.";
        }
    }

    @Override
    public synchronized void cell(String cell, String state, String message) {
        cells.put(cell, state + (message == null ? "" : ": " + message));
        version++;
        if ("failed".equals(state) || "unreachable".equals(state)) {
            problems.put(cell, state + (message == null ? "" : ": " + message));
        }
        boolean endedBlind = ("done".equals(state) || "stopped".equals(state)) && !everCaptured.contains(cell);
        log(cell + ": " + state + (message == null ? "" : " (" + message + ")")
                + (endedBlind ? " — never captured" + (problems.containsKey(cell) ? ": " + problems.get(cell) : "") : ""));
    }

    @Override
    public synchronized void point(PointStats stats) {
        points.put(stats.point(), stats);
        if (stats.state() == PointState.RUNNING) {
            everCaptured.add(stats.point().cell());
        }
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
        return new Snapshot(version, List.copyOf(rows), Map.copyOf(cells), List.copyOf(messages), frames, bytes, drops, running,
                coverage(sorted, running));
    }

    private Coverage coverage(List<PointStats> sorted, int running) {
        java.util.Set<String> capturingCells = new java.util.HashSet<>();
        int failedPoints = 0;
        for (PointStats s : sorted) {
            if (s.state() == PointState.RUNNING) {
                capturingCells.add(s.point().cell());
            } else if (s.state() == PointState.FAILED) {
                failedPoints++;
            }
        }
        int failed = 0;
        int never = 0;
        Map<String, String> notCaptured = new java.util.TreeMap<>();
        java.util.Set<String> all = new java.util.TreeSet<>(cells.keySet());
        sorted.forEach(s -> all.add(s.point().cell()));
        for (String cell : all) {
            if (capturingCells.contains(cell)) {
                continue;
            }
            String state = cells.getOrDefault(cell, "");
            String problem = problems.get(cell);
            boolean hasFailed = state.startsWith("failed") || (problem != null && problem.startsWith("failed"));
            if (hasFailed) {
                failed++;
            } else if (!everCaptured.contains(cell) && (state.startsWith("connecting") || problem != null)) {
                never++;
            }
            if (!everCaptured.contains(cell) && (hasFailed || problem != null || state.startsWith("connecting"))) {
                notCaptured.put(cell, problem != null ? problem : "never connected");
            }
        }
        return new Coverage(capturingCells.size(), failed, never, all.size(), running, failedPoints, sorted.size(),
                java.util.Collections.unmodifiableMap(notCaptured));
    }

    private void log(String line) {
        messages.add(line);
        if (messages.size() > MAX_MESSAGES) {
            messages.remove(0);
        }
        version++;
    }
}
