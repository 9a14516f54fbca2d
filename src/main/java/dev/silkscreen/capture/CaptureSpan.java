package dev.silkscreen.capture;

import dev.silkscreen.model.CapturePoint;

/**
 * What a capture says of how long it captured one interface: a pcapng Interface Statistics Block's
 * {@code isb_starttime} and {@code isb_endtime} (or its own timestamp when it gives no end), in ns
 * since the epoch. {@code startNanos} is {@link Long#MAX_VALUE} when the block gives no start.
 */
public record CaptureSpan(CapturePoint point, long startNanos, long endNanos) {
}
