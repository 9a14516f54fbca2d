package dev.silkscreen.live.ssh;

import java.util.List;

/**
 * Quoting for the POSIX shell that runs an SSH exec request on the cell. Every argument becomes one
 * single-quoted word ({@code '} inside is written {@code '\''}), so nothing in it is expanded:
 * not {@code $(…)}, backticks, {@code ;}, globs or whitespace. NUL cannot be passed through a
 * shell at all and is refused.
 */
public final class ShellQuote {
    private ShellQuote() {
    }

    public static String quote(String arg) {
        if (arg.indexOf('\0') >= 0) {
            throw new IllegalArgumentException("NUL cannot be passed to a remote command");
        }
        StringBuilder sb = new StringBuilder(arg.length() + 2).append('\'');
        for (int i = 0; i < arg.length(); i++) {
            char c = arg.charAt(i);
            if (c == '\'') {
                sb.append("'\\''");
            } else {
                sb.append(c);
            }
        }
        return sb.append('\'').toString();
    }

    /** The words quoted and joined by spaces: a command line that runs exactly {@code argv}. */
    public static String join(List<String> argv) {
        StringBuilder sb = new StringBuilder();
        for (String a : argv) {
            if (sb.length() > 0) {
                sb.append(' ');
            }
            sb.append(quote(a));
        }
        return sb.toString();
    }
}
