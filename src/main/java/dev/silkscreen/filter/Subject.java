package dev.silkscreen.filter;

import dev.silkscreen.decode.DecodedFrame;
import dev.silkscreen.model.CapturePoint;
import dev.silkscreen.model.Frame;
import dev.silkscreen.model.Journey;

/**
 * What a display filter looks at: one decoded frame, and what is known around it (its number in
 * its file, the capture point, the step it showed and the journey it belongs to). A reusable
 * holder, filled in place: filtering allocates nothing per frame. Fields that do not apply stay
 * at their "unknown" value (null, 0 or -1) and the filter sees them as absent.
 */
public final class Subject {
    /** The decoded frame; {@link DecodedFrame#clear() cleared} when there is no frame (a journey alone). */
    public final DecodedFrame decoded;
    /** The frame itself (its capture point), null when unknown. */
    public Frame frame;
    /** Where it was captured, null when unknown. */
    public CapturePoint point;
    /** Frame number in its file, from 1; 0 when unknown. */
    public long number;
    /** The step (1-11) this sighting showed, -1 when unknown. */
    public int step = -1;
    /** The journey the frame belongs to, null when unknown. */
    public Journey journey;

    public Subject() {
        this(new DecodedFrame());
        decoded.clear();
    }

    /** A subject over an existing flyweight (e.g. the one a printer decodes into). */
    public Subject(DecodedFrame decoded) {
        this.decoded = decoded;
    }

    /** Points at one decoded frame of a file, with no journey. */
    public Subject frame(Frame f, long frameNumber) {
        this.frame = f;
        this.point = f.point();
        this.number = frameNumber;
        this.step = -1;
        this.journey = null;
        return this;
    }
}
