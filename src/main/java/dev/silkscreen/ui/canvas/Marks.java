package dev.silkscreen.ui.canvas;

import java.util.ArrayList;
import java.util.List;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.paint.Color;

/** Shapes that carry meaning beside colour: ✓ (allowed, delivered) and ✗ (rejected, dropped). */
final class Marks {
    private Marks() {
    }

    /** A filled disc with a white tick. */
    static void check(GraphicsContext g, double cx, double cy, double r, Color fill) {
        g.setFill(fill);
        g.fillOval(cx - r, cy - r, 2 * r, 2 * r);
        g.setStroke(Color.WHITE);
        g.setLineWidth(Math.max(2, r * 0.28));
        g.strokePolyline(new double[] {cx - r * 0.5, cx - r * 0.1, cx + r * 0.55},
                new double[] {cy + r * 0.02, cy + r * 0.42, cy - r * 0.4}, 3);
    }

    /** A filled octagon-like disc with a white cross. */
    static void cross(GraphicsContext g, double cx, double cy, double r, Color fill) {
        g.setFill(fill);
        double[] xs = new double[8];
        double[] ys = new double[8];
        for (int i = 0; i < 8; i++) {
            double a = Math.PI / 8 + i * Math.PI / 4;
            xs[i] = cx + r * Math.cos(a);
            ys[i] = cy + r * Math.sin(a);
        }
        g.fillPolygon(xs, ys, 8);
        g.setStroke(Color.WHITE);
        g.setLineWidth(Math.max(2, r * 0.28));
        double d = r * 0.42;
        g.strokeLine(cx - d, cy - d, cx + d, cy + d);
        g.strokeLine(cx - d, cy + d, cx + d, cy - d);
    }

    /** Splits {@code text} into lines of at most {@code maxChars} characters at spaces. */
    static List<String> wrap(String text, int maxChars) {
        List<String> lines = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        for (String word : text.split(" ")) {
            if (line.length() > 0 && line.length() + 1 + word.length() > maxChars) {
                lines.add(line.toString());
                line.setLength(0);
            }
            if (line.length() > 0) {
                line.append(' ');
            }
            line.append(word);
        }
        if (line.length() > 0) {
            lines.add(line.toString());
        }
        return lines;
    }
}
