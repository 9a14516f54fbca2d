package dev.silkscreen.ui.canvas;

/** An axis-aligned rectangle in world units (the picture's own coordinates, before zoom and pan). */
public record Box(double x, double y, double w, double h) {

    public double cx() {
        return x + w / 2;
    }

    public double cy() {
        return y + h / 2;
    }

    public double right() {
        return x + w;
    }

    public double bottom() {
        return y + h;
    }

    public boolean contains(double px, double py) {
        return px >= x && px <= x + w && py >= y && py <= y + h;
    }

    public Point center() {
        return new Point(cx(), cy());
    }
}
