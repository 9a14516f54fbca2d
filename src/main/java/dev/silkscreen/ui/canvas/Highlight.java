package dev.silkscreen.ui.canvas;

/**
 * Which parts the picture emphasises in a frame: the part acting in the current step of the
 * followed packet, the part the person selected, and the followed packet itself.
 *
 * @param followed     index of the followed journey, -1 for none
 * @param step         current step of the followed packet, 0 for none
 * @param selectedPart part clicked by the person, or null
 * @param selectedJourney journey clicked by the person, -1 for none
 */
public record Highlight(int followed, int step, Part selectedPart, int selectedJourney) {
    public static final Highlight NONE = new Highlight(-1, 0, null, -1);
}
