package dev.silkscreen.model;

/**
 * One captured frame: where, when (ns since the epoch, UTC), link type, original length on the
 * wire and the captured bytes (possibly cut by the snap length, so {@code data.length <= origLen}).
 * Sources (simulator, capture files, live streams) all produce these; the decoder reads
 * {@code data} in place.
 */
public record Frame(CapturePoint point, long timeNanos, int linkType, int origLen, byte[] data) {

    public int capLen() {
        return data.length;
    }

    public boolean truncated() {
        return data.length < origLen;
    }
}
