package dev.silkscreen.ui.canvas;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * What one frame of the picture put on screen, in screen pixels: every text (string, font size,
 * bounds), packet, envelope, chip, drop note and component box. Filled by the painters at the very
 * calls that paint (see {@link Ink}), so the description cannot drift from the pixels. Read by
 * {@code snapshot --describe} and by the scene tests.
 */
public final class SceneRecord {
    /** What a drawn item is. */
    public enum Kind {
        TEXT, PACKET, ENVELOPE, CHIP, DROP_NOTE, COMPONENT
    }

    /**
     * One drawn item.
     *
     * @param journey the journey it belongs to (packet, envelope, their texts), or -1
     * @param owner   what it belongs to: a part ({@code gate:cell1}), {@code packet}, {@code envelope}, ...
     */
    public record Item(Kind kind, String text, double fontPx, double x, double y, double w, double h, int journey,
                       String owner) {
        public double right() {
            return x + w;
        }

        public double bottom() {
            return y + h;
        }

        /** Whether the two boxes overlap by more than {@code slack} pixels both ways. */
        public boolean overlaps(Item o, double slack) {
            double ox = Math.min(right(), o.right()) - Math.max(x, o.x);
            double oy = Math.min(bottom(), o.bottom()) - Math.max(y, o.y);
            return ox > slack && oy > slack;
        }

        @Override
        public String toString() {
            return kind + (text == null ? "" : " '" + text + "'") + String.format(java.util.Locale.ROOT,
                    " [%.0f,%.0f %.0fx%.0f]", x, y, w, h) + (journey >= 0 ? " #" + (journey + 1) : "")
                    + (owner == null ? "" : " " + owner);
        }
    }

    private final List<Item> items = new ArrayList<>();

    void add(Item item) {
        items.add(item);
    }

    public List<Item> items() {
        return Collections.unmodifiableList(items);
    }

    public List<Item> of(Kind kind) {
        return items.stream().filter(i -> i.kind() == kind).toList();
    }
}
