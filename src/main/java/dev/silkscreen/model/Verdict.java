package dev.silkscreen.model;

import java.util.Locale;

/** What became of one overlay packet. */
public enum Verdict {
    /** Seen at the destination container's veth. */
    DELIVERED,
    /** Died on the way: rejected by policy, no route, stale FDB, MTU, underlay loss. */
    DROPPED,
    /** Its window is still open: it may yet be seen further on. */
    IN_FLIGHT,
    /** The capture did not cover the next point ("not captured"): never a drop. */
    UNKNOWN;

    /** The lowercase word used in JSON and tables: {@code delivered}, {@code in-flight} ... */
    public String word() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
