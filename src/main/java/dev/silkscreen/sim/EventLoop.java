package dev.silkscreen.sim;

import java.util.PriorityQueue;

/** Discrete-event clock: actions run in time order (ties in scheduling order) up to an end time. */
final class EventLoop {
    private final PriorityQueue<Timed<Runnable>> queue = new PriorityQueue<>();
    private final long end;
    private long seq;
    private long now;

    EventLoop(long start, long end) {
        this.now = start;
        this.end = end;
    }

    long now() {
        return now;
    }

    long end() {
        return end;
    }

    /** Schedules an action; actions after the end are dropped. */
    void at(long time, Runnable action) {
        if (time <= end) {
            queue.add(new Timed<>(Math.max(time, now), seq++, action));
        }
    }

    /** Runs the next action; false when none is left. */
    boolean step() {
        Timed<Runnable> e = queue.poll();
        if (e == null) {
            return false;
        }
        now = e.time();
        e.item().run();
        return true;
    }

    /** Time of the next action, or Long.MAX_VALUE. */
    long peekTime() {
        Timed<Runnable> e = queue.peek();
        return e == null ? Long.MAX_VALUE : e.time();
    }
}
