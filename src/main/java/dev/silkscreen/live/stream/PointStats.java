package dev.silkscreen.live.stream;

import dev.silkscreen.model.CapturePoint;

/**
 * One capture point's counters, as a snapshot.
 *
 * @param bytes   bytes on the wire of the frames seen (original lengths)
 * @param drops   packets the kernel dropped, as tcpdump reported at exit; -1 until known
 * @param message the latest thing worth telling (an error explained, or null)
 * @param pid     the capture's process id on the cell, -1 before it started
 */
public record PointStats(CapturePoint point, PointState state, long frames, long bytes, long drops, String message, long pid) {
}
