package dev.silkscreen.ui.events;

import dev.silkscreen.model.Hop;
import dev.silkscreen.model.Journey;
import dev.silkscreen.model.Stage;

/**
 * One line of the event list: a sighting of a packet (time, point, step, summary) with what is
 * needed to filter it (apps, addresses, ports, verdict) and the journey it belongs to.
 *
 * @param journey index of the journey in the schedule
 * @param seconds time since the first event, in seconds
 * @param hop     the sighting itself (its frame, for display filters)
 */
public record EventRow(int journey, double seconds, String point, int step, String summary, Journey source, Hop hop) {

    public static EventRow of(int journey, Journey j, Hop h, long t0) {
        String what = Stage.of(h.stage()).title() + " · " + j.summary() + " " + j.flow().src() + ":" + j.flow().sport()
                + " → " + j.flow().dst() + ":" + j.flow().dport();
        return new EventRow(journey, (h.timeNanos() - t0) / 1e9, String.valueOf(h.point()), h.stage(), what, j, h);
    }
}
