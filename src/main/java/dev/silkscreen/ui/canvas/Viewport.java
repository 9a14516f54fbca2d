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

    public void pan(double dx, double dy) {
        panX += dx;
        panY += dy;
    }

    /** Zooms by {@code factor} keeping the world point under screen point (sx, sy) in place. */
    public void zoomAt(double factor, double sx, double sy) {
        double wx = toWorldX(sx);
        double wy = toWorldY(sy);
        zoom = Math.max(MIN_ZOOM, Math.min(MAX_ZOOM, zoom * factor));
        panX += sx - toScreenX(wx);
        panY += sy - toScreenY(wy);
    }
}
