package dev.silkscreen.live.stream;

import dev.silkscreen.model.CapturePoint;

/**
 * One capture point's counters, as a snapshot.
 *
 * @param drops   packets the kernel dropped, as tcpdump reported at exit; -1 until known
 * @param message the latest thing worth telling (an error explained, or null)
 */
public record PointStats(CapturePoint point, PointState state, long frames, long bytes, long drops, String message) {
}
