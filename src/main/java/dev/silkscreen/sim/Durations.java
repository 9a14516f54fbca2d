package dev.silkscreen.sim;

import java.util.Locale;

/** Parses durations as scenarios write them: {@code 250us}, {@code 3ms}, {@code 2s}, {@code 1m}, {@code -1ms}. */
public final class Durations {
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
        try {
            return Math.round(Double.parseDouble(num.trim()) * unit);
        } catch (NumberFormatException e) {
            throw new ScenarioException("not a duration: " + text + " (e.g. 250us, 3ms, 2s, 1m)");
        }
    }
}
