package dev.silkscreen.trace;

/**
 * One cell's estimated capture-clock offset.
 *
 * @param cell         the cell
 * @param reference    the cell whose clock the offset is relative to
 * @param offsetNanos  how far the cell's clock is ahead of the reference's (subtract to correct)
 * @param latencyNanos estimated one-way latency of the hop the estimate used, -1 when only one
 *                     direction was seen (then the latency was taken as zero)
 * @param samples      matched packets the estimate rests on
 * @param bothWays     true when packets in both directions were matched
 */
public record CellClock(String cell, String reference, long offsetNanos, long latencyNanos, int samples, boolean bothWays) {
}
