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
 */
public record TraceSettings(long windowNanos, int capacity, int maxOpen) {

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

    public static TraceSettings defaults() {
        return new TraceSettings(DEFAULT_WINDOW.toNanos(), DEFAULT_CAPACITY, DEFAULT_MAX_OPEN);
    }

    public TraceSettings withWindow(Duration window) {
        return new TraceSettings(window.toNanos(), capacity, maxOpen);
    }

    public TraceSettings withCapacity(int newCapacity) {
        return new TraceSettings(windowNanos, newCapacity, maxOpen);
    }

    public TraceSettings withMaxOpen(int newMaxOpen) {
        return new TraceSettings(windowNanos, capacity, newMaxOpen);
    }
}
