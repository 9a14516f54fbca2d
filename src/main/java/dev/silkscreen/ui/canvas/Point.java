package dev.silkscreen.ui.canvas;

/** A position in world units. */
public record Point(double x, double y) {

    /** The point {@code t} of the way from this one to {@code to} (0 = here, 1 = there). */
    public Point toward(Point to, double t) {
        return new Point(x + (to.x - x) * t, y + (to.y - y) * t);
    }

    public double distance(Point o) {
        return Math.hypot(o.x - x, o.y - y);
    }
}
