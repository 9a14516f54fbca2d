package dev.silkscreen.trace;

import java.time.Duration;

/**
 * How long a journey may wait for its next sighting and how much is kept.
 *
 * @param windowNanos how long after its last sighting a journey stays open (longer than the
 *                    largest clock skew between cells plus the slowest hop plus capture bursts)
 * @param capacity    how many finished journeys the {@link JourneyStore} keeps (oldest evicted); the CLI's
 *                    {@code --capacity} and the desktop program default to {@link #DEFAULT_CAPACITY}
 * @param maxOpen     how many journeys may be open at once; past it the oldest is decided early
 * @param keepFrames  whether each hop keeps its whole frame (for the inspector and display filters
 *                    that read payloads); without, a hop keeps the frame cut after its headers (256
 *                    bytes, the original length kept), all that verdicts, connections and diagnoses
 *                    read, so memory grows far less with the journeys open
 */
public record TraceSettings(long windowNanos, int capacity, int maxOpen, boolean keepFrames) {

    public static final Duration DEFAULT_WINDOW = Duration.ofSeconds(2);
    public static final int DEFAULT_CAPACITY = 20_000;
    public static final int DEFAULT_MAX_OPEN = 1_000_000;

    public TraceSettings {
        if (windowNanos <= 0) {
            throw new IllegalArgumentException("the window must be longer than zero");
        }
        if (capacity < 1) {
            throw new IllegalArgumentException("the capacity must be at least 1 journey");
        }
        if (maxOpen < 1) {
            throw new IllegalArgumentException("at least 1 journey must be allowed open");
        }
    }

    /** Settings that keep every hop's frame. */
    public TraceSettings(long windowNanos, int capacity, int maxOpen) {
        this(windowNanos, capacity, maxOpen, true);
    }

    public static TraceSettings defaults() {
        return new TraceSettings(DEFAULT_WINDOW.toNanos(), DEFAULT_CAPACITY, DEFAULT_MAX_OPEN);
    }

    public TraceSettings withWindow(Duration window) {
        return new TraceSettings(window.toNanos(), capacity, maxOpen, keepFrames);
    }

    public TraceSettings withCapacity(int newCapacity) {
        return new TraceSettings(windowNanos, newCapacity, maxOpen, keepFrames);
    }

    public TraceSettings withMaxOpen(int newMaxOpen) {
        return new TraceSettings(windowNanos, capacity, newMaxOpen, keepFrames);
    }

    /** The same settings with hops keeping whole frames or only their headers ({@link #keepFrames}). */
    public TraceSettings withFrames(boolean keep) {
        return new TraceSettings(windowNanos, capacity, maxOpen, keep);
    }
}
