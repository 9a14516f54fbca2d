package dev.silkscreen.decode;

/**
 * Big-endian (network order) reads from a byte array. Callers check bounds first: these methods
 * do not, so they stay small enough to inline on the hot path.
 */
final class Bytes {
    private Bytes() {
    }

    static int u8(byte[] b, int i) {
        return b[i] & 0xff;
    }

    static int u16(byte[] b, int i) {
        return ((b[i] & 0xff) << 8) | (b[i + 1] & 0xff);
    }

    static int i32(byte[] b, int i) {
        return (b[i] << 24) | ((b[i + 1] & 0xff) << 16) | ((b[i + 2] & 0xff) << 8) | (b[i + 3] & 0xff);
    }

    static long u32(byte[] b, int i) {
        return i32(b, i) & 0xffffffffL;
    }

    /** Six bytes as a MAC address in the low 48 bits of a long. */
    static long mac(byte[] b, int i) {
        return ((long) u16(b, i) << 32) | u32(b, i + 2);
    }
}
