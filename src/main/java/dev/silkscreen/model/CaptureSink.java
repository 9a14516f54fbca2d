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

    /**
     * The source captures {@code point}, whether or not any frame of it follows: a capture file
     * named for the point, an interface a pcapng file declares. Silence there is evidence. When
     * {@link #opened}/{@link #closed} never give its span (the capture had no frame at all), the
     * point counts as captured for as long as the whole trace.
     */
    default void declared(CapturePoint point) {
    }

    /**
     * Every frame {@code point} captured before {@code nanos} (its cell's clock) has been
     * delivered: a live stream's progress while it is quiet or its frames come late, in bursts.
     * A consumer may wait for each such point to pass a time before deciding about that time.
     */
    default void advanced(CapturePoint point, long nanos) {
    }

    /**
     * The source meant to capture {@code cell} but cannot (it could not connect, a key file it
     * cannot read): nothing of that cell will come, so what happened there is not seen, only
     * inferred. {@code reason} says why, in full, for people.
     */
    default void uncaptured(String cell, String reason) {
    }
}
