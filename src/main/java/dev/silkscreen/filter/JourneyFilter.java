package dev.silkscreen.filter;

import dev.silkscreen.decode.FrameDecoder;
import dev.silkscreen.model.Hop;
import dev.silkscreen.model.Journey;

/**
 * A display filter over journeys: a journey matches when one of its sightings does (its frame
 * decoded, with the sighting's step and cell and the journey's own {@code silk.*} fields), so
 * {@code silk.step == 9 && silk.cell == "cell2"} finds packets seen decapsulated on cell2 and
 * {@code silk.verdict == dropped} every dropped one. A sighting without its frame has only its
 * step, point and journey fields; a journey without sightings is tested once on its own fields. Not thread-safe: one per thread (it reuses its decoder).
 */
public final class JourneyFilter {
    private final DisplayFilter filter;
    private final FrameDecoder decoder;
    private final Subject subject = new Subject();

    public JourneyFilter(DisplayFilter filter) {
        this(filter, new FrameDecoder());
    }

    public JourneyFilter(DisplayFilter filter, FrameDecoder decoder) {
        this.filter = filter;
        this.decoder = decoder;
    }

    public DisplayFilter filter() {
        return filter;
    }

    public boolean test(Journey j) {
        for (Hop h : j.hops()) {
            if (testSighting(j, h)) {
                return true;
            }
        }
        if (!j.hops().isEmpty()) {
            return false;
        }
        subject.decoded.clear();
        subject.frame = null;
        subject.point = null;
        subject.number = 0;
        subject.step = -1;
        subject.journey = j;
        return filter.test(subject);
    }

    /** One sighting of a journey: its frame, step and point, with the journey's fields. */
    public boolean testSighting(Journey j, Hop h) {
        if (h.frame() != null) {
            decoder.decode(h.frame(), subject.decoded);
        } else {
            subject.decoded.clear();
        }
        subject.frame = h.frame();
        subject.point = h.point();
        subject.number = 0;
        subject.step = h.stage();
        subject.journey = j;
        return filter.test(subject);
    }
}
