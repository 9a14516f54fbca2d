package dev.silkscreen.trace;

import dev.silkscreen.model.Frame;

/**
 * One frame of a journey at one capture point, with the facts the verdict needs (the outer
 * header of a VXLAN frame, its GBP tag) and the frame's part of the packet's sequence range.
 * The step it shows is worked out when the journey is decided, when the topology is best known.
 */
final class Sighting {
    final PointState point;
    /** Capture time on the point's own cell clock. */
    final long rawNanos;
    /** The frame seen (only its headers unless the trace keeps whole frames: {@link TraceSettings#keepFrames}); null in some tests. */
    final Frame frame;
    final boolean encapsulated;
    final int outerSrc;
    final int outerDst;
    /** The inner Ethernet destination of an encapsulated frame (the VTEP MAC the FDB was asked about), -1 otherwise. */
    long innerDstMac = -1;
    /** GBP policy ID of a VXLAN frame, -1 when absent. */
    final int gbp;
    final long lo;
    final long hi;
    final int ipId;
    int stage;
    /** Capture time on the corrected clock, set when the journey is judged. */
    long corrected;

    Sighting(PointState point, long rawNanos, Frame frame, boolean encapsulated, int outerSrc, int outerDst,
             int gbp, long lo, long hi, int ipId) {
        this.point = point;
        this.rawNanos = rawNanos;
        this.frame = frame;
        this.encapsulated = encapsulated;
        this.outerSrc = outerSrc;
        this.outerDst = outerDst;
        this.gbp = gbp;
        this.lo = lo;
        this.hi = hi;
        this.ipId = ipId;
    }
}
