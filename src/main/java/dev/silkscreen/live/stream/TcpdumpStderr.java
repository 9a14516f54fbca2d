package dev.silkscreen.live.stream;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads what tcpdump (or the shell, sudo, timeout) says on stderr: the kernel drop count printed at
 * exit, and the lines that explain a failure (no such device, permission denied, command not
 * found, sudo wanting a password). Pure functions over one line.
 */
public final class TcpdumpStderr {
    private static final Pattern DROPPED = Pattern.compile("(\\d+) packets? dropped by kernel");

    private TcpdumpStderr() {
    }

    /** The kernel drop count on a "N packets dropped by kernel" line, else -1. */
    public static long drops(String line) {
        Matcher m = DROPPED.matcher(line);
        return m.find() ? Long.parseLong(m.group(1)) : -1;
    }

    /** True for tcpdump's normal chatter (listening on…, packets captured/received/dropped). */
    public static boolean routine(String line) {
        String l = line.strip();
        return l.isEmpty() || l.startsWith("tcpdump: listening on") || l.contains("packets captured")
                || l.contains("packets received by filter") || DROPPED.matcher(l).find()
                || l.startsWith("tcpdump: verbose output suppressed");
    }

    /** A one-line explanation for a failure line, with the fix where there is one. */
    public static String explain(String line, int exitStatus) {
        String l = line.strip();
        if (exitStatus == 127 || l.contains("not found") && l.contains("tcpdump")) {
            return "tcpdump is not installed on the cell (" + l + ")";
        }
        if (l.contains("a password is required") || l.contains("a terminal is required")) {
            return "sudo needs a password on the cell; use a user with passwordless sudo, or connect as root with sudo: false (" + l + ")";
        }
        if (l.contains("Operation not permitted") || l.contains("ermission denied") || l.contains("You don't have permission")) {
            return "not allowed to capture: " + l + " (set sudo: true in the profile, or connect as root)";
        }
        if (l.contains("No such device")) {
            return "the interface is gone: " + l;
        }
        if (l.contains("syntax error") || l.contains("can't parse filter")) {
            return "tcpdump refused the filter: " + l;
        }
        return l;
    }
}
