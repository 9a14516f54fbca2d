package dev.silkscreen.ui.scene;

import dev.silkscreen.ui.canvas.SceneRecord;
import dev.silkscreen.ui.canvas.SceneRecord.Item;
import dev.silkscreen.ui.canvas.SceneRecord.Kind;
import dev.silkscreen.ui.snapshot.SceneDescription;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/** The rules every drawn scene keeps, as a list of broken ones (empty: the scene is clean). */
final class SceneRules {
    /** Pixels two boxes may share before they count as overlapping (anti-aliased edges). */
    static final double SLACK = 1.5;
    private static final Set<Kind> COVERS = EnumSet.of(Kind.PACKET, Kind.ENVELOPE, Kind.CHIP, Kind.DROP_NOTE);

    private SceneRules() {
    }

    static List<String> check(SceneDescription d, double minFontPx) {
        List<String> broken = new ArrayList<>();
        List<Item> texts = d.texts();
        for (int a = 0; a < texts.size(); a++) {
            Item t = texts.get(a);
            if (t.fontPx() + 0.5 < minFontPx) {
                broken.add("text below " + minFontPx + " px (" + Math.round(t.fontPx()) + "): " + t);
            }
            if (t.x() < -SLACK || t.y() < -SLACK || t.right() > d.width() + SLACK || t.bottom() > d.height() + SLACK) {
                broken.add("text off screen: " + t);
            }
            for (int b = a + 1; b < texts.size(); b++) {
                Item u = texts.get(b);
                if (t.overlaps(u, SLACK)) {
                    broken.add("text on text: " + t + " / " + u);
                }
            }
            for (Item s : d.items()) {
                if (COVERS.contains(s.kind()) && !sameThing(t, s) && t.overlaps(s, SLACK)) {
                    broken.add("text under " + s.kind().name().toLowerCase() + ": " + t + " / " + s);
                }
            }
        }
        if (d.followed() >= 0 && d.followedStep() != d.step()) {
            broken.add("caption says step " + d.step() + ", the followed packet is drawn at step " + d.followedStep());
        }
        return broken;
    }

    /**
     * A packet's own texts lie on it and on its envelope, its envelope's on the envelope, its drop
     * note's on the note; a note or an envelope header on its own packet is still a covered text.
     */
    private static boolean sameThing(Item text, Item shape) {
        if (text.journey() < 0 || text.journey() != shape.journey()) {
            return false;
        }
        return java.util.Objects.equals(text.owner(), shape.owner())
                || ("packet".equals(text.owner()) && shape.kind() == Kind.ENVELOPE);
    }

    static boolean anyText(SceneDescription d, String part) {
        return d.texts().stream().anyMatch(t -> t.text().contains(part));
    }

    static List<Item> kind(SceneDescription d, SceneRecord.Kind k) {
        return d.of(k);
    }
}
