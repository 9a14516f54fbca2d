package dev.silkscreen.sim;

/**
 * Something due at a time, for the simulator's time-ordered queues (events, frames waiting to be
 * released). Items due at the same time keep the order they were queued in ({@code seq}).
 */
record Timed<T>(long time, long seq, T item) implements Comparable<Timed<T>> {
    @Override
    public int compareTo(Timed<T> o) {
        int c = Long.compare(time, o.time);
        return c != 0 ? c : Long.compare(seq, o.seq);
    }
}
