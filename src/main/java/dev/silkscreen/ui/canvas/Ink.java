package dev.silkscreen.ui.canvas;

import javafx.geometry.Bounds;
import javafx.geometry.Point2D;
import javafx.geometry.VPos;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.text.Font;
import javafx.scene.text.Text;
import javafx.scene.transform.Affine;

/**
 * The painters' pen for what a scene is made of: it paints texts and shapes on the graphics context
 * and, when a {@link SceneRecord} is attached, records each one with its bounds in screen pixels
 * under the current transform. Without a record it costs nothing beyond the paint itself.
 */
final class Ink {
    private final GraphicsContext g;
    private final SceneRecord record;
    private final Text measure;
    private int journey = -1;
    private String owner;
    private boolean muted;

    Ink(GraphicsContext g, SceneRecord record) {
        this.g = g;
        this.record = record;
        this.measure = record == null ? null : new Text();
    }

    GraphicsContext g() {
        return g;
    }

    boolean recording() {
        return record != null;
    }

    /** What the next items belong to. */
    void owner(int journey, String owner) {
        this.journey = journey;
        this.owner = owner;
    }

    /** While muted, texts are neither painted nor recorded (context drawn as shapes only). */
    void mute(boolean on) {
        muted = on;
    }

    void text(String s, double x, double y) {
        if (muted) {
            return;
        }
        g.fillText(s, x, y);
        if (record != null) {
            recordText(s, x, y, Double.NaN);
        }
    }

    /** Text squeezed to {@code maxWidth} (as {@link GraphicsContext#fillText(String, double, double, double)}). */
    void text(String s, double x, double y, double maxWidth) {
        if (muted) {
            return;
        }
        g.fillText(s, x, y, maxWidth);
        if (record != null) {
            recordText(s, x, y, maxWidth);
        }
    }

    /** Records a shape drawn in world units (the caller paints it). */
    void shape(SceneRecord.Kind kind, double x, double y, double w, double h) {
        if (record == null) {
            return;
        }
        double[] r = toScreen(x, y, w, h);
        if (visible(r)) {
            record.add(new SceneRecord.Item(kind, null, 0, r[0], r[1], r[2], r[3], journey, owner));
        }
    }

    private void recordText(String s, double x, double y, double maxWidth) {
        Font font = g.getFont();
        measure.setFont(font);
        measure.setText(s);
        Bounds b = measure.getLayoutBounds();
        double w = Double.isNaN(maxWidth) ? b.getWidth() : Math.min(b.getWidth(), maxWidth);
        double ascent = -b.getMinY();
        double h = b.getHeight();
        double left = switch (g.getTextAlign()) {
            case CENTER -> x - w / 2;
            case RIGHT -> x - w;
            default -> x;
        };
        VPos base = g.getTextBaseline();
        double top = switch (base) {
            case TOP -> y;
            case CENTER -> y - h / 2;
            case BOTTOM -> y - h;
            default -> y - ascent;
        };
        double[] r = toScreen(left, top, w, h);
        double scale = g.getTransform().getMxx();
        if (!visible(r)) {
            return;
        }
        record.add(new SceneRecord.Item(SceneRecord.Kind.TEXT, s, font.getSize() * scale, r[0], r[1], r[2], r[3],
                journey, owner));
    }

    /** Whether a screen box shows at least partly on the canvas. */
    private boolean visible(double[] r) {
        double cw = g.getCanvas().getWidth();
        double ch = g.getCanvas().getHeight();
        return r[0] + r[2] > 0 && r[1] + r[3] > 0 && r[0] < cw && r[1] < ch;
    }

    private double[] toScreen(double x, double y, double w, double h) {
        Affine t = g.getTransform();
        Point2D a = t.transform(x, y);
        Point2D b = t.transform(x + w, y + h);
        return new double[] {Math.min(a.getX(), b.getX()), Math.min(a.getY(), b.getY()),
            Math.abs(b.getX() - a.getX()), Math.abs(b.getY() - a.getY())};
    }
}
