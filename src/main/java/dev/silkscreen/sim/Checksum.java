package dev.silkscreen.sim;

/** The Internet checksum (RFC 1071): one's complement of the one's complement sum of 16-bit words. */
final class Checksum {
    private Checksum() {
    }

    /** Adds {@code len} bytes from {@code off} to a running (unfolded) sum. */
    static long add(long sum, byte[] b, int off, int len) {
        int end = off + len;
        int i = off;
        for (; i + 1 < end; i += 2) {
            sum += ((b[i] & 0xff) << 8) | (b[i + 1] & 0xff);
        }
        if (i < end) {
            sum += (b[i] & 0xff) << 8;
        }
        return sum;
    }

    static int fold(long sum) {
        while ((sum >>> 16) != 0) {
            sum = (sum & 0xffff) + (sum >>> 16);
        }
        return (int) (~sum & 0xffff);
    }

    static int of(byte[] b, int off, int len) {
        return fold(add(0, b, off, len));
    }
}
