package dev.silkscreen.model;

import java.time.Duration;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The one duration grammar of scenarios, profiles and every verb's options: a number (a fraction
 * and a minus sign allowed) and a unit, {@code ns}, {@code us} (or {@code µs}), {@code ms},
 * {@code s}, {@code m} or {@code h}; a bare number is seconds. {@code 250us}, {@code 1.5s},
 * {@code -2ms}, {@code 30}, {@code 5m}, {@code 1h}. Whether zero or a negative duration makes sense
 * is for the caller to say.
 */
public final class Durations {
    /**
     * About 100 years: longer durations are refused, so that a time plus a duration (a run's end,
     * a clock offset) stays far from overflowing a {@code long} of ns since the epoch.
     */
    static final double MAX_NANOS = 100 * 365.25 * 86_400 * 1e9;

    private static final Pattern SHAPE = Pattern.compile("(-?(?:\\d+(?:\\.\\d*)?|\\.\\d+)(?:e[-+]?\\d+)?)\\s*(ns|us|µs|ms|s|m|h)?");

    private static final String EXAMPLES = "(e.g. 250us, 500ms, 30s, 5m, 1h)";

    private Durations() {
    }

    /** Parses; throws {@link IllegalArgumentException} with a message a person understands. */
    public static Duration parse(String text) {
        return Duration.ofNanos(parseNanos(text));
    }

    /** Parses to nanoseconds; throws {@link IllegalArgumentException} with a message a person understands. */
    public static long parseNanos(String text) {
        if (text == null) {
            throw new IllegalArgumentException("no duration given " + EXAMPLES);
        }
        Matcher m = SHAPE.matcher(text.trim().toLowerCase(Locale.ROOT));
        if (!m.matches()) {
            throw new IllegalArgumentException("not a duration: '" + text + "' " + EXAMPLES);
        }
        long unit = switch (m.group(2) == null ? "s" : m.group(2)) {
            case "ns" -> 1L;
            case "us", "µs" -> 1_000L;
            case "ms" -> 1_000_000L;
            case "m" -> 60_000_000_000L;
            case "h" -> 3_600_000_000_000L;
            default -> 1_000_000_000L;
        };
        double nanos = Double.parseDouble(m.group(1)) * unit;
        if (!(Math.abs(nanos) <= MAX_NANOS)) {
            throw new IllegalArgumentException("the duration '" + text + "' is longer than 100 years");
        }
        return Math.round(nanos);
    }

    /** Whole seconds, rounded up, at least 1: what {@code timeout} on a cell is given. */
    public static long ceilSeconds(Duration d) {
        long s = d.getSeconds() + (d.getNano() > 0 ? 1 : 0);
        return Math.max(1, s);
    }

    /** The shortest text {@link #parse} reads back as {@code d} to the millisecond: {@code 90s}, {@code 2m}, {@code 1h}, {@code 250ms}. */
    public static String format(Duration d) {
        if (d.toMillis() % 1000 != 0) {
            return d.toMillis() + "ms";
        }
        long s = d.getSeconds();
        if (s != 0 && s % 3600 == 0) {
            return s / 3600 + "h";
        }
        return s != 0 && s % 60 == 0 ? s / 60 + "m" : s + "s";
    }
}
