package dev.silkscreen.live.profile;

import java.time.Duration;

/**
 * What every tcpdump in a live session is limited to. Small defaults on purpose: a live capture
 * is a guest on a production cell.
 *
 * @param filter     BPF filter expression (passed to tcpdump as one quoted argument), empty for none
 * @param snapLength bytes kept per packet ({@code -s})
 * @param duration   hard cap on each tcpdump's life (enforced on the cell by {@code timeout})
 * @param packetCap  packets per capture point before tcpdump stops by itself ({@code -c})
 */
public record CaptureSettings(String filter, int snapLength, Duration duration, long packetCap) {
    public static final int DEFAULT_SNAP_LENGTH = 256;
    public static final Duration DEFAULT_DURATION = Duration.ofMinutes(2);
    public static final long DEFAULT_PACKET_CAP = 100_000;
    /** No single capture may outlive this, whatever the profile says. */
    public static final Duration MAX_DURATION = Duration.ofHours(1);

    public static CaptureSettings defaults() {
        return new CaptureSettings("", DEFAULT_SNAP_LENGTH, DEFAULT_DURATION, DEFAULT_PACKET_CAP);
    }

    public CaptureSettings withDuration(Duration d) {
        return new CaptureSettings(filter, snapLength, d, packetCap);
    }

    public CaptureSettings withFilter(String f) {
        return new CaptureSettings(f, snapLength, duration, packetCap);
    }
}
