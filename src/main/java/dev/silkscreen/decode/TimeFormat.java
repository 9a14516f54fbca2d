package dev.silkscreen.decode;

import java.time.LocalDateTime;
import java.time.ZoneOffset;

/** Formats frame times (ns since the epoch, UTC) for output. */
public final class TimeFormat {
    private TimeFormat() {
    }

    /** ISO-8601 UTC with nanoseconds, e.g. {@code 2026-11-24T23:27:55.000123456Z}. */
    public static StringBuilder iso(long nanos, StringBuilder sb) {
        long seconds = Math.floorDiv(nanos, 1_000_000_000L);
        int frac = (int) Math.floorMod(nanos, 1_000_000_000L);
        LocalDateTime t = LocalDateTime.ofEpochSecond(seconds, 0, ZoneOffset.UTC);
        int year = t.getYear();
        if (year < 0 || year > 9999) {
            return sb.append(t).append('.').append(pad(frac, 9)).append('Z');
        }
        sb.append(pad(year, 4)).append('-').append(pad(t.getMonthValue(), 2)).append('-').append(pad(t.getDayOfMonth(), 2));
        sb.append('T').append(pad(t.getHour(), 2)).append(':').append(pad(t.getMinute(), 2)).append(':').append(pad(t.getSecond(), 2));
        return sb.append('.').append(pad(frac, 9)).append('Z');
    }

    public static String iso(long nanos) {
        return iso(nanos, new StringBuilder(30)).toString();
    }

    private static String pad(int value, int width) {
        String s = Integer.toString(value);
        return s.length() >= width ? s : "0".repeat(width - s.length()) + s;
    }
}
