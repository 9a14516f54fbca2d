package dev.silkscreen.capture;

/** Reads of capture-file fields, whose byte order is the writer's. Callers check bounds. */
final class EndianBytes {
    private EndianBytes() {
    }

    static int i32(byte[] b, int i, boolean littleEndian) {
        if (littleEndian) {
            return (b[i] & 0xff) | ((b[i + 1] & 0xff) << 8) | ((b[i + 2] & 0xff) << 16) | (b[i + 3] << 24);
        }
        return (b[i] << 24) | ((b[i + 1] & 0xff) << 16) | ((b[i + 2] & 0xff) << 8) | (b[i + 3] & 0xff);
    }

    static long u32(byte[] b, int i, boolean littleEndian) {
        return i32(b, i, littleEndian) & 0xffffffffL;
    }

    static int u16(byte[] b, int i, boolean littleEndian) {
        if (littleEndian) {
            return (b[i] & 0xff) | ((b[i + 1] & 0xff) << 8);
        }
        return ((b[i] & 0xff) << 8) | (b[i + 1] & 0xff);
    }

    static long i64(byte[] b, int i, boolean littleEndian) {
        long first = u32(b, i, littleEndian);
        long second = u32(b, i + 4, littleEndian);
        return littleEndian ? (second << 32) | first : (first << 32) | second;
    }
}
