package dev.silkscreen.model;

/**
 * A {@link FrameSink} that is also told which points a source captures and for how long, so a
 * consumer can tell "not seen there" (the point was captured: the packet did not pass) from
 * "not captured" (nobody was looking). Times are ns since the epoch on the point's own cell clock.
 */
public interface CaptureSink extends FrameSink {

    /** The source captures {@code point} from {@code startNanos} on (frames may follow). */
    default void opened(CapturePoint point, long startNanos) {
    }

    /** The source stopped capturing {@code point} at {@code endNanos}: no frame of it follows. */
    default void closed(CapturePoint point, long endNanos) {
    }
}
