package dev.silkscreen.pipeline;

import dev.silkscreen.model.Foundation;
import dev.silkscreen.model.Journey;
import java.util.List;

/**
 * What the picture shows: a foundation and the journeys seen on it, from a simulated scenario or
 * from capture files, with a title for the window and a note on anything left out (e.g. frames
 * that could not be read, journeys beyond the store's bound).
 */
public record Run(String title, Origin origin, Foundation foundation, List<Journey> journeys, String note) {

    /** Where the journeys came from. */
    public enum Origin { SCENARIO, CAPTURE, LIVE }

    public Run {
        journeys = List.copyOf(journeys);
        note = note == null ? "" : note;
    }
}
