package dev.silkscreen.model;

/**
 * Text from files and cells made safe to show to a person: every control character (C0, DEL,
 * C1), every bidirectional formatting character (which can reorder what a line seems to say) and
 * the Unicode line and paragraph separators are written as visible escapes. {@code ESC} becomes
 * {@code \x1b}, a newline {@code \n}, U+202E {@code \u202e}. A capture interface or an app name
 * can then neither set the terminal's title, clear the screen, forge an extra output line, nor
 * reverse a label in the desktop program.
 *
 * <p>Used at the output edge of every human-readable output (CLI tables, summaries, error lines;
 * the desktop program's labels and dialogs). JSON output does its own escaping. A line of text
 * that has nothing to escape is returned as it is, without allocating.
 */
public final class SafeText {
    private static final char[] HEX = "0123456789abcdef".toCharArray();

    private SafeText() {
    }

    /** True for a character that is written as an escape. */
    public static boolean needsEscape(char c) {
        if (c < 0x20 || c == 0x7f) {
            return true;
        }
        if (c < 0x80) {
            return false;
        }
        return c <= 0x9f                      // C1 controls (0x9b is a CSI on some terminals)
                || c == 0x061c                // Arabic letter mark
                || c == 0x200e || c == 0x200f // LRM, RLM
                || c >= 0x2028 && c <= 0x202e // line/paragraph separator, LRE RLE PDF LRO RLO
                || c >= 0x2066 && c <= 0x2069; // LRI RLI FSI PDI
    }

    /** The text with every character {@link #needsEscape} escaped; {@code null} stays null. */
    public static String line(String text) {
        if (text == null) {
            return null;
        }
        int i = 0;
        int n = text.length();
        while (i < n && !needsEscape(text.charAt(i))) {
            i++;
        }
        if (i == n) {
            return text;
        }
        StringBuilder sb = new StringBuilder(n + 16).append(text, 0, i);
        for (; i < n; i++) {
            append(text.charAt(i), sb);
        }
        return sb.toString();
    }

    /** {@link #line} on any object's {@code toString()}. */
    public static String line(Object o) {
        return o == null ? null : line(o.toString());
    }

    /**
     * Escapes, in place, every character of {@code sb} from {@code from} on (for a reused builder
     * on a hot path: nothing is allocated when there is nothing to escape).
     */
    public static void escape(StringBuilder sb, int from) {
        int i = from;
        int n = sb.length();
        while (i < n && !needsEscape(sb.charAt(i))) {
            i++;
        }
        if (i == n) {
            return;
        }
        String rest = sb.substring(i);
        sb.setLength(i);
        for (int k = 0; k < rest.length(); k++) {
            append(rest.charAt(k), sb);
        }
    }

    private static void append(char c, StringBuilder sb) {
        if (!needsEscape(c)) {
            sb.append(c);
            return;
        }
        switch (c) {
            case '\n' -> sb.append("\\n");
            case '\r' -> sb.append("\\r");
            case '\t' -> sb.append("\\t");
            default -> {
                if (c < 0x100) {
                    sb.append("\\x").append(HEX[c >> 4]).append(HEX[c & 0xf]);
                } else {
                    sb.append("\\u").append(HEX[c >> 12]).append(HEX[(c >> 8) & 0xf])
                            .append(HEX[(c >> 4) & 0xf]).append(HEX[c & 0xf]);
                }
            }
        }
    }
}
