package dev.silkscreen.model;

/**
 * How full a cell's connection-tracking table is, as {@code /proc/sys/net/netfilter/} says:
 * {@code nf_conntrack_count} entries of at most {@code nf_conntrack_max}. When it is full the
 * kernel drops every packet that would start a new connection ("nf_conntrack: table full,
 * dropping packet"), with no ICMP.
 *
 * @param count entries in use
 * @param max   the table's limit
 */
public record ConntrackUse(long count, long max) {
    public ConntrackUse {
        if (count < 0 || max <= 0) {
            throw new IllegalArgumentException("conntrack count must be 0 or more and max more than 0, not " + count + " of " + max);
        }
    }

    /** No room for a new entry. */
    public boolean full() {
        return count >= max;
    }

    /** "262144 of 262144 (nf_conntrack_count of nf_conntrack_max)". */
    public String describe() {
        return count + " of " + max + " (nf_conntrack_count of nf_conntrack_max)";
    }
}
