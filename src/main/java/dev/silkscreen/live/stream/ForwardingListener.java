package dev.silkscreen.live.stream;

import dev.silkscreen.model.Foundation;

/**
 * A {@link LiveListener} that passes every event on to the next one: the base for listeners that
 * do something with one kind of event (record the topology, open and close points) and let the
 * owner see them all.
 */
public class ForwardingListener implements LiveListener {
    private final LiveListener next;

    public ForwardingListener(LiveListener next) {
        this.next = next;
    }

    @Override
    public void cell(String cell, String state, String message) {
        next.cell(cell, state, message);
    }

    @Override
    public void topology(Foundation foundation) {
        next.topology(foundation);
    }

    @Override
    public void point(PointStats stats) {
        next.point(stats);
    }

    @Override
    public void warning(String message) {
        next.warning(message);
    }
}
