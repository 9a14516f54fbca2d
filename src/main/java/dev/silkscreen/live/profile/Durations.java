package dev.silkscreen.live.profile;

import java.time.Duration;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Durations as people write them in profiles and on the command line: {@code 30s}, {@code 2m}, {@code 1h}, {@code 500ms}, {@code 45}. */
public final class Durations {
    private static final Pattern SHAPE = Pattern.compile("(\\d{1,9})\\s*(ms|s|m|h)?");

    private Durations() {
    }

    /** Parses; a bare number is seconds. Throws {@link IllegalArgumentException} with a readable message. */
    public static Duration parse(String text) {
        Matcher m = SHAPE.matcher(text.trim().toLowerCase(Locale.ROOT));
        if (!m.matches()) {
            throw new IllegalArgumentException("not a duration: '" + text + "' (try 30s, 2m, 1h)");
        }
        long n = Long.parseLong(m.group(1));
        String unit = m.group(2) == null ? "s" : m.group(2);
        return switch (unit) {
            case "ms" -> Duration.ofMillis(n);
            case "m" -> Duration.ofMinutes(n);
            case "h" -> Duration.ofHours(n);
            default -> Duration.ofSeconds(n);
        };
    }

    /** Whole seconds, rounded up, at least 1: what {@code timeout} on the cell is given. */
    public static long ceilSeconds(Duration d) {
        long s = d.getSeconds() + (d.getNano() > 0 ? 1 : 0);
        return Math.max(1, s);
    }

    public static String format(Duration d) {
        if (d.toMillis() % 1000 != 0) {
            return d.toMillis() + "ms";
        }
        long s = d.getSeconds();
        if (s % 3600 == 0) {
            return s / 3600 + "h";
        }
        return s % 60 == 0 ? s / 60 + "m" : s + "s";
    }
}
