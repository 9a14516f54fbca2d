package dev.silkscreen.model;

/** IPv4 addresses as {@code int} (network order in the int's bits) and their dotted form. */
public final class Ipv4 {
    private Ipv4() {
    }

    /** Parses dotted-quad text; throws {@link IllegalArgumentException} with a readable message. */
    public static int parse(String text) {
        String[] parts = text.trim().split("\\.", -1);
        if (parts.length != 4) {
            throw new IllegalArgumentException("not an IPv4 address: " + text);
        }
        int v = 0;
        for (String p : parts) {
            int octet;
            try {
                octet = Integer.parseInt(p);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("not an IPv4 address: " + text);
            }
            if (octet < 0 || octet > 255 || p.isEmpty()) {
                throw new IllegalArgumentException("not an IPv4 address: " + text);
            }
            v = (v << 8) | octet;
        }
        return v;
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
