package dev.silkscreen.sim;

import java.util.PriorityQueue;

/** Discrete-event clock: actions run in time order (ties in scheduling order) up to an end time. */
final class EventLoop {
    private record Event(long time, long seq, Runnable action) implements Comparable<Event> {
        @Override
        public int compareTo(Event o) {
            int c = Long.compare(time, o.time);
            return c != 0 ? c : Long.compare(seq, o.seq);
        }
    }

    private final PriorityQueue<Event> queue = new PriorityQueue<>();
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
            queue.add(new Event(Math.max(time, now), seq++, action));
        }
    }

    /** Runs the next action; false when none is left. */
    boolean step() {
        Event e = queue.poll();
        if (e == null) {
            return false;
        }
        now = e.time;
        e.action.run();
        return true;
    }

    /** Time of the next action, or Long.MAX_VALUE. */
    long peekTime() {
        Event e = queue.peek();
        return e == null ? Long.MAX_VALUE : e.time;
    }
}
