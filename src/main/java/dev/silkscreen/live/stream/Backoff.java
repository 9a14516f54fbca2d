package dev.silkscreen.live.stream;

import java.time.Duration;

/** Exponential backoff between reconnect attempts: first, doubling, capped; {@link #reset()} after a success. */
public final class Backoff {
    private final Duration first;
    private final Duration max;
    private Duration next;

    public Backoff(Duration first, Duration max) {
        this.first = first;
        this.max = max;
        this.next = first;
    }

    /** The wait before the next attempt; the one after is twice as long, up to the cap. */
    public Duration next() {
        Duration d = next;
        Duration doubled = next.multipliedBy(2);
        next = doubled.compareTo(max) > 0 ? max : doubled;
        return d;
    }

    public void reset() {
        next = first;
    }
}
