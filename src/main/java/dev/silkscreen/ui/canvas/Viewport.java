package dev.silkscreen.ui.canvas;

/**
 * Maps world units to screen pixels: the picture is fitted to the canvas, then zoomed about a
 * point and panned. Pure maths, so zoom and pan are tested without a window.
 */
public final class Viewport {
    public static final double MIN_ZOOM = 0.5;
    public static final double MAX_ZOOM = 6;

    private double canvasW = 1;
    private double canvasH = 1;
    private double worldW = 1;
    private double worldH = 1;
    private double zoom = 1;
    private double panX;
    private double panY;
    private boolean focused;

    public void setCanvas(double w, double h) {
        canvasW = Math.max(1, w);
        canvasH = Math.max(1, h);
    }

    public void setWorld(double w, double h) {
        worldW = Math.max(1, w);
        worldH = Math.max(1, h);
    }

    /** Back to the whole picture, centred. */
    public void reset() {
        focused = false;
        zoom = 1;
        panX = 0;
        panY = 0;
    }

    public double zoom() {
        return zoom;
    }

    /** Pixels per world unit. */
    public double scale() {
        return Math.min(canvasW / worldW, canvasH / worldH) * zoom;
    }

    public double offsetX() {
        return (canvasW - worldW * scale()) / 2 + panX;
    }

    public double offsetY() {
        return (canvasH - worldH * scale()) / 2 + panY;
    }

    public double toScreenX(double wx) {
        return offsetX() + wx * scale();
    }

    public double toScreenY(double wy) {
        return offsetY() + wy * scale();
    }

    public double toWorldX(double sx) {
        return (sx - offsetX()) / scale();
    }

    public double toWorldY(double sy) {
        return (sy - offsetY()) / scale();
    }

    /** Zooms and pans so that the world box (x, y, w, h) fills the canvas, centred. */
    public void fitTo(double x, double y, double w, double h) {
        double base = Math.min(canvasW / worldW, canvasH / worldH);
        double s = Math.min(canvasW / Math.max(1, w), canvasH / Math.max(1, h));
        zoom = Math.max(MIN_ZOOM, Math.min(MAX_ZOOM, s / base));
        panX = 0;
        panY = 0;
        panX = canvasW / 2 - toScreenX(x + w / 2);
        panY = canvasH / 2 - toScreenY(y + h / 2);
        focused = true;
    }

    /** True while a follow view ({@link #fitTo}) is on: cells not wholly in view are context. */
    public boolean focused() {
        return focused;
    }

    /** Whether the world box lies wholly in view. */
    public boolean shows(Box b) {
        return toScreenX(b.x()) >= -0.5 && toScreenY(b.y()) >= -0.5 && toScreenX(b.right()) <= canvasW + 0.5
                && toScreenY(b.bottom()) <= canvasH + 0.5;
    }

    public void pan(double dx, double dy) {
        focused = false;
        panX += dx;
        panY += dy;
    }

    /** Zooms by {@code factor} keeping the world point under screen point (sx, sy) in place. */
    public void zoomAt(double factor, double sx, double sy) {
        double wx = toWorldX(sx);
        double wy = toWorldY(sy);
        focused = false;
        zoom = Math.max(MIN_ZOOM, Math.min(MAX_ZOOM, zoom * factor));
        panX += sx - toScreenX(wx);
        panY += sy - toScreenY(wy);
    }
}
