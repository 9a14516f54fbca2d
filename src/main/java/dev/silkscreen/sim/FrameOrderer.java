package dev.silkscreen.sim;

import dev.silkscreen.model.Frame;
import dev.silkscreen.model.FrameSink;
import java.util.PriorityQueue;

/**
 * Puts frames into true-time order. The data path emits a packet's frames when it is sent, with
 * times in the near future; an event at time T can only emit frames at T or later, so every
 * frame before the next event's time can be released.
 */
final class FrameOrderer {
    private final PriorityQueue<Timed<Frame>> pending = new PriorityQueue<>();
    private final FrameSink out;
    private long seq;

    FrameOrderer(FrameSink out) {
        this.out = out;
    }

    void add(long trueTime, Frame f) {
        pending.add(new Timed<>(trueTime, seq++, f));
    }

    /** Releases every frame earlier than {@code time}. */
    void releaseBefore(long time) {
        while (!pending.isEmpty() && pending.peek().time() < time) {
            out.accept(pending.poll().item());
        }
    }

    void flush() {
        releaseBefore(Long.MAX_VALUE);
    }
}
