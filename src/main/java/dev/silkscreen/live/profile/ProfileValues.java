package dev.silkscreen.live.profile;

import java.util.regex.Pattern;

/**
 * The shapes a profile value may take. Everything that ends up on a cell's command line is
 * checked here first (and single-quoted later): control characters and newlines are refused
 * everywhere, hosts, users and interface names must look like what they claim to be, and a
 * filter may not pose as a tcpdump option.
 */
public final class ProfileValues {
    private static final Pattern HOST = Pattern.compile("[A-Za-z0-9](?:[A-Za-z0-9._-]{0,252}[A-Za-z0-9])?|[0-9A-Fa-f:.]{2,45}");
    private static final Pattern USER = Pattern.compile("[A-Za-z_][A-Za-z0-9._-]{0,31}");
    /** Linux interface names: at most 15 bytes (IFNAMSIZ - 1); we accept the characters real ones use. */
    private static final Pattern IFACE = Pattern.compile("[A-Za-z0-9_][A-Za-z0-9._-]{0,14}");
    public static final int MAX_FILTER = 1024;
    public static final int MAX_NAME = dev.silkscreen.model.CellNames.MAX;

    private ProfileValues() {
    }

    /** Refuses control characters (newlines included) and the Unicode line separators. */
    public static String printable(String field, String value) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c < 0x20 || c == 0x7f || (c >= 0x80 && c < 0xa0) || c == '\u2028' || c == '\u2029') {
                throw new ProfileException(field + ": control characters and newlines are not allowed (found U+"
                        + String.format("%04X", (int) c) + " at position " + i + ")");
            }
        }
        return value;
    }

    /** For messages: the value with control characters shown as escapes. */
    public static String printableOrEscaped(String value) {
        StringBuilder sb = new StringBuilder();
        for (char c : value.toCharArray()) {
            if (c < 0x20 || c == 0x7f) {
                sb.append(String.format("\\x%02x", (int) c));
            } else {
                sb.append(c);
            }
        }
        return sb.toString();
    }

    public static String host(String field, String value) {
        printable(field, value);
        if (!HOST.matcher(value).matches()) {
            throw new ProfileException(field + ": '" + value + "' is not a host name or IP address");
        }
        return value;
    }

    public static String user(String field, String value) {
        printable(field, value);
        if (!USER.matcher(value).matches()) {
            throw new ProfileException(field + ": '" + value + "' is not a user name (letters, digits, . _ -)");
        }
        return value;
    }

    public static String iface(String field, String value) {
        printable(field, value);
        if (!IFACE.matcher(value).matches()) {
            throw new ProfileException(field + ": '" + value + "' is not an interface name (at most 15 of A-Z a-z 0-9 . _ -)");
        }
        return value;
    }

    /** A cell's display name: printable, short, and without ':' (which separates CELL:IFACE). */
    public static String cellName(String field, String value) {
        printable(field, value);
        String problem = dev.silkscreen.model.CellNames.problem(value);
        if (problem != null) {
            throw new ProfileException(field + ": " + problem);
        }
        return value;
    }

    /** A BPF expression: printable, bounded, and not starting with '-' (tcpdump would read it as an option). */
    public static String filter(String field, String value) {
        printable(field, value);
        if (value.length() > MAX_FILTER) {
            throw new ProfileException(field + ": longer than " + MAX_FILTER + " characters");
        }
        if (value.strip().startsWith("-")) {
            throw new ProfileException(field + ": a filter may not start with '-' (it would be read as a tcpdump option)");
        }
        return value.strip();
    }

    public static int port(String field, int value) {
        if (value < 0 || value > 65535) {
            throw new ProfileException(field + ": " + value + " is not a TCP port");
        }
        return value;
    }
}
