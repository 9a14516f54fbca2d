package dev.silkscreen.live.stream;

/**
 * How late one capture point's frames reach Silkscreen, to say up to which capture time its stream
 * is complete while it is quiet. The smallest (arrival − capture) seen is the cell's clock
 * difference plus the quickest transit; how far a frame arrives past that is its lag, and the
 * largest lag of recent frames (frames of one point come over SSH in bursts) is kept as the
 * point's burst lag, capped so a stalled stream cannot hold every journey back for long.
 */
final class ArrivalLag {
    /** No point is waited for longer than this past its quickest delivery. */
    static final long MAX_LAG_NANOS = 5_000_000_000L;
    /** A burst lag is remembered for between one and two of these. */
    static final long MEMORY_NANOS = 10_000_000_000L;

    private long base = Long.MAX_VALUE;
    private long lag;
    private long previousLag;
    private long periodStart = Long.MIN_VALUE;
    private long lastCapture = Long.MIN_VALUE;

    /** A frame captured at {@code captureNanos} (the cell's clock) arrived at {@code arrivalNanos} (ours). */
    void frame(long captureNanos, long arrivalNanos) {
        long d = arrivalNanos - captureNanos;
        if (d < base) {
            if (base != Long.MAX_VALUE) {
                // Earlier frames were later than thought, by as much as the base went down.
                lag = Math.min(MAX_LAG_NANOS, lag + base - d);
                previousLag = Math.min(MAX_LAG_NANOS, previousLag + base - d);
            }
            base = d;
        }
        roll(arrivalNanos);
        lag = Math.max(lag, Math.min(MAX_LAG_NANOS, d - base));
        lastCapture = Math.max(lastCapture, captureNanos);
    }

    /** True once a frame has arrived, so the point's own figures are known. */
    boolean known() {
        return base != Long.MAX_VALUE;
    }

    /** Smallest arrival − capture seen (the cell's clock difference plus the quickest transit). */
    long base() {
        return base;
    }

    /** The largest lag of recent frames, as of {@code nowNanos}. */
    long burstLag(long nowNanos) {
        roll(nowNanos);
        return Math.max(lag, previousLag);
    }

    /**
     * The capture time up to which every frame of the point has arrived, as of {@code nowNanos}:
     * anything captured earlier would have come by now, given {@code base} and {@code burstLag}
     * (the point's own, or its cell's when it has sent nothing yet) and a {@code marginNanos}.
     */
    long completeTo(long nowNanos, long base, long burstLag, long marginNanos) {
        return Math.max(lastCapture, nowNanos - base - burstLag - marginNanos);
    }

    private void roll(long nowNanos) {
        if (periodStart == Long.MIN_VALUE) {
            periodStart = nowNanos;
        } else if (nowNanos - periodStart >= MEMORY_NANOS) {
            previousLag = nowNanos - periodStart >= 2 * MEMORY_NANOS ? 0 : lag;
            lag = 0;
            periodStart = nowNanos;
        }
    }
}
