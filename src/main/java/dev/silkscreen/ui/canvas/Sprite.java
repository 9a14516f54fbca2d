package dev.silkscreen.ui.canvas;

/**
 * One packet as drawn in one animation frame. Mutable and pooled by {@link Projector}: thousands of
 * packets are a few reused objects, never scene-graph nodes.
 */
public final class Sprite {
    /** What the packet is doing in this frame. */
    public enum Phase {
        /** On its way (or resting at a step). */
        MOVING,
        /** Arrived in the destination container: drawn with a ✓. */
        DELIVERED,
        /** Dead where it stopped: drawn with a ✗ and the reason. */
        DROPPED
    }

    public int journey;
    public double x;
    public double y;
    public int step;
    /** Progress inside the step, 0-1. */
    public double fraction;
    public Phase phase;
    /** Underlay envelope size, 0 (none) to 1 (fully wrapped). */
    public double envelope;
    /** Mark tag visibility, 0-1. */
    public double tag;
    public double alpha;

    void set(int journey, double x, double y, int step, double fraction, Phase phase, double envelope, double tag,
             double alpha) {
        this.journey = journey;
        this.x = x;
        this.y = y;
        this.step = step;
        this.fraction = fraction;
        this.phase = phase;
        this.envelope = envelope;
        this.tag = tag;
        this.alpha = alpha;
    }
}
