package dev.silkscreen.model;

/** IPv4 addresses as {@code int} (network order in the int's bits) and their dotted form. */
public final class Ipv4 {
    private Ipv4() {
    }

    /**
     * Parses dotted-quad text (four decimal octets 0–255, ASCII digits only, surrounding white
     * space ignored); throws {@link IllegalArgumentException} with a readable message. Without
     * regular expressions or substrings: the tracer parses every journey's two addresses.
     */
    public static int parse(String text) {
        int end = text.length();
        int i = 0;
        while (i < end && Character.isWhitespace(text.charAt(i))) {
            i++;
        }
        while (end > i && Character.isWhitespace(text.charAt(end - 1))) {
            end--;
        }
        int v = 0;
        for (int part = 0; part < 4; part++) {
            if (part > 0) {
                if (i >= end || text.charAt(i) != '.') {
                    throw notAnAddress(text);
                }
                i++;
            }
            int start = i;
            int octet = 0;
            while (i < end && i - start < 4) {
                char c = text.charAt(i);
                if (c < '0' || c > '9') {
                    break;
                }
                octet = octet * 10 + (c - '0');
                i++;
            }
            if (i == start || i - start > 3 || octet > 255) {
                throw notAnAddress(text);
            }
            v = (v << 8) | octet;
        }
        if (i != end) {
            throw notAnAddress(text);
        }
        return v;
    }

    private static IllegalArgumentException notAnAddress(String text) {
        return new IllegalArgumentException("not an IPv4 address: " + text);
    }

    public static String format(int ip) {
        return ((ip >>> 24) & 0xff) + "." + ((ip >>> 16) & 0xff) + "." + ((ip >>> 8) & 0xff) + "." + (ip & 0xff);
    }

    /** True when {@code ip} lies in {@code network/prefix}. */
    public static boolean inSubnet(int ip, int network, int prefix) {
        if (prefix == 0) {
            return true;
        }
        int mask = -1 << (32 - prefix);
        return (ip & mask) == (network & mask);
    }
}
