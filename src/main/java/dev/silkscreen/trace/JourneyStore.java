package dev.silkscreen.trace;

import dev.silkscreen.model.Journey;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * The finished journeys, newest last, bounded: past its capacity the oldest is evicted (and
 * counted). Listeners hear of each journey as it is added, on the correlator's thread; readers on
 * other threads (the UI) take {@link #snapshot()}s.
 */
public final class JourneyStore {
    private final Journey[] ring;
    private int start;
    private int size;
    private long added;
    private long evicted;
    private final List<Consumer<Journey>> listeners = new CopyOnWriteArrayList<>();

    public JourneyStore(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("a journey store holds at least 1 journey");
        }
        this.ring = new Journey[capacity];
    }

    /** Calls {@code listener} with every journey added from now on. */
    public void addListener(Consumer<Journey> listener) {
        listeners.add(listener);
    }

    public void add(Journey journey) {
        synchronized (this) {
            if (size == ring.length) {
                ring[start] = journey;
                start = (start + 1) % ring.length;
                evicted++;
            } else {
                ring[(start + size) % ring.length] = journey;
                size++;
            }
            added++;
        }
        for (Consumer<Journey> l : listeners) {
            l.accept(journey);
        }
    }

    /** The journeys held now, oldest first. */
    public synchronized List<Journey> snapshot() {
        List<Journey> out = new ArrayList<>(size);
        for (int i = 0; i < size; i++) {
            out.add(ring[(start + i) % ring.length]);
        }
        return out;
    }

    public int capacity() {
        return ring.length;
    }

    public synchronized int size() {
        return size;
    }

    /** Journeys ever added. */
    public synchronized long added() {
        return added;
    }

    /** Journeys dropped from the store to stay within its capacity. */
    public synchronized long evicted() {
        return evicted;
    }
}
