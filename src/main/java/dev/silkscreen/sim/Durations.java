package dev.silkscreen.sim;

import java.util.Locale;

/** Parses durations as scenarios write them: {@code 250us}, {@code 3ms}, {@code 2s}, {@code 1m}, {@code -1ms}. */
public final class Durations {
    /**
     * About 100 years: longer durations are refused, so that a time plus a duration (a run's end,
     * a clock offset) stays far from overflowing a {@code long} of ns since the epoch.
     */
    static final double MAX_NANOS = 100 * 365.25 * 86_400 * 1e9;

    private Durations() {
    }

    public static long parseNanos(String text) {
        String t = text.trim().toLowerCase(Locale.ROOT);
        long unit;
        String num;
        if (t.endsWith("ns")) {
            unit = 1;
            num = t.substring(0, t.length() - 2);
        } else if (t.endsWith("us") || t.endsWith("µs")) {
            unit = 1_000;
            num = t.substring(0, t.length() - 2);
        } else if (t.endsWith("ms")) {
            unit = 1_000_000;
            num = t.substring(0, t.length() - 2);
        } else if (t.endsWith("s")) {
            unit = 1_000_000_000L;
            num = t.substring(0, t.length() - 1);
        } else if (t.endsWith("m")) {
            unit = 60_000_000_000L;
            num = t.substring(0, t.length() - 1);
        } else {
            throw new ScenarioException("not a duration: " + text + " (e.g. 250us, 3ms, 2s, 1m)");
        }
        double nanos;
        try {
            nanos = Double.parseDouble(num.trim()) * unit;
        } catch (NumberFormatException e) {
            throw new ScenarioException("not a duration: " + text + " (e.g. 250us, 3ms, 2s, 1m)");
        }
        if (Math.abs(nanos) > MAX_NANOS) {
            throw new ScenarioException("duration " + text + " is longer than 100 years");
        }
        return Math.round(nanos);
    }
}
