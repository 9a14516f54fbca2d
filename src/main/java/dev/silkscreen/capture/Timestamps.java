package dev.silkscreen.capture;

/**
 * Converts a pcapng interface's timestamp ticks to nanoseconds since the epoch.
 * {@code if_tsresol}: high bit clear, ticks are 10^-n s; set, 2^-n s (default 6: microseconds).
 * {@code if_tsoffset}: seconds added to every timestamp.
 */
final class Timestamps {
    static final int DEFAULT_TSRESOL = 6;
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
        return new Timestamps(pow2, n, tsOffsetSeconds * NANOS_PER_SECOND);
    }

    long toNanos(long ticks) {
        long nanos;
        if (!powerOfTwo) {
            nanos = exponent <= 9 ? ticks * POW10[9 - exponent] : ticks / POW10[exponent - 9];
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
            nanos = seconds * NANOS_PER_SECOND + fracNanos;
        }
        return nanos + offsetNanos;
    }
}
