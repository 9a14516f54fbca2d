package dev.silkscreen.capture;

import dev.silkscreen.model.CapturePoint;

/** What a {@link RecordParser} reports to: frames out, problems up. */
interface FrameEmitter {

    /** Copies {@code capLen} bytes from {@code off} into a new frame and hands it on. */
    void emit(CapturePoint point, long timeNanos, int linkType, int origLen, byte[] b, int off, int capLen);

    /** Stops parsing with a corrupt-file problem at {@code relOffset} bytes past the current record start. */
    void corrupt(String what, int relOffset);

    /** Where a frame of an interface with this name was captured. */
    CapturePoint pointFor(String ifName);

    /** The capture says how long it captured an interface (pcapng interface statistics). */
    default void span(CaptureSpan span) {
    }
}
