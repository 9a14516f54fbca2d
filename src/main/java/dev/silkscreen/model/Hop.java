package dev.silkscreen.model;

/**
 * One sighting of a packet on its journey: the step it shows, where, and when (ns since the epoch,
 * on the corrected clock). {@code frame} is the frame seen there (for the inspector); may be null.
 */
public record Hop(int stage, CapturePoint point, long timeNanos, Frame frame) {
}
