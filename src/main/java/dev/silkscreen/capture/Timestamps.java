package dev.silkscreen.capture;

/**
 * Converts a pcapng interface's timestamp ticks to nanoseconds since the epoch.
 * {@code if_tsresol}: high bit clear, ticks are 10^-n s; set, 2^-n s (default 6: microseconds).
 * {@code if_tsoffset}: seconds added to every timestamp.
 */
final class Timestamps {
    static final int DEFAULT_TSRESOL = 6;
    /** {@link #toNanos} of a time a {@code long} of ns since the epoch cannot hold (after 2262-04-11). */
    static final long UNREPRESENTABLE = Long.MIN_VALUE;
    private static final long NANOS_PER_SECOND = 1_000_000_000L;
    private static final long[] POW10 = new long[19];

    static {
        POW10[0] = 1;
        for (int i = 1; i < POW10.length; i++) {
            POW10[i] = POW10[i - 1] * 10;
        }
    }

    private final boolean powerOfTwo;
    private final int exponent;
    private final long offsetNanos;

    private Timestamps(boolean powerOfTwo, int exponent, long offsetNanos) {
        this.powerOfTwo = powerOfTwo;
        this.exponent = exponent;
        this.offsetNanos = offsetNanos;
    }

    /** The converter for an {@code if_tsresol} byte and {@code if_tsoffset}, or null when not representable. */
    static Timestamps of(int tsresol, long tsOffsetSeconds) {
        boolean pow2 = (tsresol & 0x80) != 0;
        int n = tsresol & 0x7f;
        if (pow2 ? n > 62 : n > 18) {
            return null;
        }
        if (Math.abs(tsOffsetSeconds) > Long.MAX_VALUE / NANOS_PER_SECOND / 2) {
            return null; // an offset of more than 146 years: no timestamp with it could be shown
        }
        return new Timestamps(pow2, n, tsOffsetSeconds * NANOS_PER_SECOND);
    }

    /**
     * Nanoseconds since the epoch of an (unsigned) tick count, or {@link #UNREPRESENTABLE} when they
     * overflow a {@code long}: never a wrapped-around value that would print as a 1970 date.
     */
    long toNanos(long ticks) {
        if (ticks < 0) {
            return UNREPRESENTABLE; // more than 2^63 ticks
        }
        long nanos;
        if (!powerOfTwo) {
            if (exponent <= 9) {
                long scale = POW10[9 - exponent];
                if (ticks > Long.MAX_VALUE / scale) {
                    return UNREPRESENTABLE;
                }
                nanos = ticks * scale;
            } else {
                nanos = ticks / POW10[exponent - 9];
            }
        } else {
            long seconds = ticks >>> exponent;
            long frac = ticks & ((1L << exponent) - 1);
            long fracNanos;
            if (exponent <= 33) {
                fracNanos = (frac * NANOS_PER_SECOND) >>> exponent;
            } else {
                long hi = Math.multiplyHigh(frac, NANOS_PER_SECOND);
                long lo = frac * NANOS_PER_SECOND;
                fracNanos = (hi << (64 - exponent)) | (lo >>> exponent);
            }
            if (seconds > (Long.MAX_VALUE - NANOS_PER_SECOND) / NANOS_PER_SECOND) {
                return UNREPRESENTABLE;
            }
            nanos = seconds * NANOS_PER_SECOND + fracNanos;
        }
        long total = nanos + offsetNanos;
        // the offset is at most about 73 years either way, so only a sum past Long.MAX_VALUE wraps
        return offsetNanos > 0 && total < 0 ? UNREPRESENTABLE : total;
    }
}
