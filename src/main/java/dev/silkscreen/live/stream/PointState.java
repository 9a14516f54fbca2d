package dev.silkscreen.live.stream;

/** Where one capture point stands. */
public enum PointState {
    STARTING,
    RUNNING,
    /** tcpdump ended on its own: duration or packet cap reached. */
    ENDED,
    /** Stopped by the user. */
    STOPPED,
    /** tcpdump refused or failed (message says why); not retried. */
    FAILED,
    /** The connection went away; the cell is being reconnected. */
    LOST
}
