package dev.silkscreen.live.discover;

import dev.silkscreen.model.ConntrackUse;

/**
 * How full a cell's conntrack table is, from {@code cat /proc/sys/net/netfilter/nf_conntrack_count
 * /proc/sys/net/netfilter/nf_conntrack_max} (two numbers, one a line; readable without root).
 */
public final class ConntrackFigures {
    /** The files read, in this order; reading them changes nothing. */
    public static final String COUNT = "/proc/sys/net/netfilter/nf_conntrack_count";
    public static final String MAX = "/proc/sys/net/netfilter/nf_conntrack_max";

    private ConntrackFigures() {
    }

    /** The two figures; {@link DiscoveryParseException} when the text is not two whole numbers. */
    public static ConntrackUse parse(String text) {
        String[] lines = text == null ? new String[0] : text.strip().split("\\s*\\n\\s*");
        if (lines.length != 2) {
            throw new DiscoveryParseException("conntrack figures: expected nf_conntrack_count and nf_conntrack_max, one a line, got "
                    + lines.length + " lines");
        }
        try {
            return new ConntrackUse(Long.parseLong(lines[0].strip()), Long.parseLong(lines[1].strip()));
        } catch (IllegalArgumentException e) {
            throw new DiscoveryParseException("conntrack figures: not two counts: " + excerpt(text));
        }
    }

    /** The first 40 characters of a printout, on one line, for a message. */
    private static String excerpt(String s) {
        String one = s.strip().replace('\n', ' ');
        return one.length() > 40 ? one.substring(0, 40) + "…" : one;
    }
}
