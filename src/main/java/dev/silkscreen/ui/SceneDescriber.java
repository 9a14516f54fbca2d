package dev.silkscreen.ui;

import dev.silkscreen.ui.canvas.Projector;
import dev.silkscreen.ui.canvas.SceneRecord;
import dev.silkscreen.ui.classroom.CaptionBar;
import dev.silkscreen.ui.main.MainModel;
import dev.silkscreen.ui.playback.PlaybackModel;
import dev.silkscreen.ui.snapshot.SceneDescription;
import java.util.ArrayList;
import java.util.List;
import javafx.geometry.Bounds;
import javafx.geometry.Point2D;
import javafx.scene.control.Label;

/**
 * Describes the main view as drawn now: the picture's own record of its frame (moved into window
 * pixels) and the caption's labels as laid out. Runs on the FX thread; needs no window, only a
 * laid-out view.
 */
public final class SceneDescriber {
    private SceneDescriber() {
    }

    public static SceneDescription describe(MainView view, MainModel model, String scenario, int width, int height) {
        SceneRecord record = view.picture().describe();
        Point2D at = view.picture().canvas().localToScene(0, 0);
        List<SceneRecord.Item> items = new ArrayList<>();
        for (SceneRecord.Item i : record.items()) {
            items.add(new SceneRecord.Item(i.kind(), i.text(), i.fontPx(), i.x() + at.getX(), i.y() + at.getY(), i.w(),
                    i.h(), i.journey(), i.owner()));
        }
        CaptionBar caption = view.caption();
        boolean classroom = model.classroomProperty().get();
        if (classroom) {
            label(items, caption.numberLabel(), "caption");
            label(items, caption.textLabel(), "caption");
            label(items, caption.noteLabel(), "caption");
        }
        PlaybackModel pb = model.playback();
        int followed = pb.followedProperty().get();
        int drawn = 0;
        Projector p = view.picture().projector();
        for (int i = 0; p != null && i < p.count(); i++) {
            if (p.sprite(i).journey == followed) {
                drawn = p.sprite(i).step;
            }
        }
        return new SceneDescription(scenario, model.themeProperty().get().id(), width, height, items,
                classroom ? caption.captionText() : "", classroom ? caption.noteLabel().getText() : "",
                pb.currentStep(), caption.dotStates(), followed, pb.followedJourney(), drawn);
    }

    private static void label(List<SceneRecord.Item> items, Label l, String owner) {
        if (l.getText() == null || l.getText().isEmpty() || !l.isVisible() || l.getScene() == null) {
            return;
        }
        Bounds b = l.localToScene(l.getLayoutBounds());
        items.add(new SceneRecord.Item(SceneRecord.Kind.TEXT, l.getText(), l.getFont().getSize(), b.getMinX(), b.getMinY(),
                b.getWidth(), b.getHeight(), -1, owner));
    }
}
