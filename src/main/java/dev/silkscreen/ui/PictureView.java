package dev.silkscreen.ui;

import dev.silkscreen.model.SafeText;
import dev.silkscreen.ui.canvas.Highlight;
import dev.silkscreen.ui.canvas.Part;
import dev.silkscreen.ui.canvas.PartText;
import dev.silkscreen.ui.canvas.PictureLayout;
import dev.silkscreen.ui.canvas.PictureRenderer;
import dev.silkscreen.ui.canvas.Point;
import dev.silkscreen.ui.canvas.Projector;
import dev.silkscreen.ui.canvas.Sprite;
import dev.silkscreen.ui.canvas.Viewport;
import dev.silkscreen.ui.main.MainModel;
import dev.silkscreen.ui.playback.PlaybackModel;
import dev.silkscreen.ui.theme.Theme;
import javafx.animation.AnimationTimer;
import javafx.scene.AccessibleRole;
import javafx.scene.canvas.Canvas;
import javafx.scene.control.Tooltip;
import javafx.scene.input.MouseButton;
import javafx.scene.layout.Region;
import javafx.util.Duration;

/**
 * The picture: one {@link Canvas} redrawn by an {@link AnimationTimer}. Each pulse advances the
 * playback clock, projects the packets once and draws them; when nothing moves and nothing
 * changed, the pulse draws nothing. Click a packet or a part to select it; drag to pan; scroll to
 * zoom; hover for a tooltip.
 */
public final class PictureView extends Region {
    private final MainModel model;
    private final Canvas canvas = new Canvas();
    private final Viewport viewport = new Viewport();
    private final Tooltip tooltip = new Tooltip();
    private Projector projector;
    private PictureRenderer renderer;
    private boolean dirty = true;
    private long lastPulse = -1;
    private double dragX;
    private double dragY;
    private boolean dragged;
    /** True once the person zoomed or panned: the follow view leaves the camera alone. */
    private boolean userView;

    private final AnimationTimer timer = new AnimationTimer() {
        @Override
        public void handle(long now) {
            pulse(now);
        }
    };

    public PictureView(MainModel model) {
        this.model = model;
        getChildren().add(canvas);
        canvas.setFocusTraversable(true);
        canvas.setAccessibleRole(AccessibleRole.IMAGE_VIEW);
        canvas.setAccessibleText("Picture of the foundation: cells, containers and packets");
        tooltip.setShowDelay(Duration.millis(250));
        Tooltip.install(canvas, tooltip);
        PlaybackModel pb = model.playback();
        model.layoutProperty().addListener((o, a, b) -> rebuild());
        model.themeProperty().addListener((o, a, b) -> rebuild());
        pb.positionProperty().addListener((o, a, b) -> dirty = true);
        pb.followedProperty().addListener((o, a, b) -> dirty = true);
        model.selectedJourneyProperty().addListener((o, a, b) -> dirty = true);
        model.selectedPartProperty().addListener((o, a, b) -> dirty = true);
        wireMouse();
        rebuild();
        timer.start();
    }

    private void rebuild() {
        PictureLayout layout = model.layout();
        if (layout == null) {
            projector = null;
            renderer = null;
        } else {
            projector = new Projector(layout, model.playback().schedule());
            renderer = new PictureRenderer(model.themeProperty().get(), layout.foundation());
            viewport.setWorld(layout.width(), layout.height());
        }
        dirty = true;
    }

    private void pulse(long now) {
        double dt = lastPulse < 0 ? 0 : Math.min(0.1, (now - lastPulse) / 1e9);
        lastPulse = now;
        PlaybackModel pb = model.playback();
        if (pb.isPlaying()) {
            pb.tick(dt);
        }
        if (dirty) {
            redraw();
        }
    }

    /** Draws the current state now (used by the pulse, by snapshots and by tests). */
    public void redraw() {
        redraw(null);
    }

    /** Draws the current state now and returns what was drawn, in the canvas's pixels. */
    public dev.silkscreen.ui.canvas.SceneRecord describe() {
        dev.silkscreen.ui.canvas.SceneRecord record = new dev.silkscreen.ui.canvas.SceneRecord();
        redraw(record);
        return record;
    }

    private void redraw(dev.silkscreen.ui.canvas.SceneRecord record) {
        dirty = false;
        double w = canvas.getWidth();
        double h = canvas.getHeight();
        if (renderer == null || projector == null || projector.schedule() != model.playback().schedule()) {
            rebuild();
            dirty = false;
        }
        if (renderer == null) {
            canvas.getGraphicsContext2D().setFill(Theme.LIGHT.background());
            canvas.getGraphicsContext2D().fillRect(0, 0, w, h);
            return;
        }
        viewport.setCanvas(w, h);
        PlaybackModel pb = model.playback();
        followView(pb);
        projector.project(pb.position());
        Highlight hl = new Highlight(pb.followedProperty().get(), pb.currentStep(), model.selectedPartProperty().get(),
                model.selectedJourneyProperty().get());
        renderer.draw(canvas.getGraphicsContext2D(), w, h, viewport, projector, hl, record);
    }

    /**
     * With more than two cells in a row the whole picture is too small to read: the camera shows the
     * cell where the followed packet is (its source cell up to step 7, then where it arrives) and a
     * neighbour, at readable size; the other cells are context off to the sides.
     */
    private void followView(PlaybackModel pb) {
        PictureLayout layout = projector.layout();
        int f = pb.followedProperty().get();
        if (userView || layout.columns() <= 2 || f < 0 || f >= projector.schedule().size()) {
            return;
        }
        var path = projector.path(f);
        boolean there = path.crossesCells() && pb.currentStep() >= 8;
        String cell = there ? path.dstCell() : path.srcCell();
        String other = there ? path.srcCell() : path.dstCell();
        var box = layout.focus(cell, other);
        if (box == null) {
            box = layout.focus(other, cell);
        }
        if (box != null) {
            viewport.fitTo(box.x(), box.y(), box.w(), box.h());
        }
    }

    public Viewport viewport() {
        return viewport;
    }

    public Canvas canvas() {
        return canvas;
    }

    /** The projector of the last frame (packets on screen), or null before a run is shown. */
    public Projector projector() {
        return projector;
    }

    /** Zoom in (factor &gt; 1) or out about the canvas centre. */
    public void zoom(double factor) {
        userView = true;
        viewport.zoomAt(factor, canvas.getWidth() / 2, canvas.getHeight() / 2);
        dirty = true;
    }

    public void resetView() {
        userView = false;
        viewport.reset();
        dirty = true;
    }

    /** Screen position (in this view) of the followed packet, for tests and the follow camera. */
    public Point screenOf(int journey) {
        if (projector == null) {
            return null;
        }
        for (int i = 0; i < projector.count(); i++) {
            Sprite s = projector.sprite(i);
            if (s.journey == journey) {
                return new Point(viewport.toScreenX(s.x), viewport.toScreenY(s.y));
            }
        }
        return null;
    }

    private void wireMouse() {
        canvas.setOnMousePressed(e -> {
            dragX = e.getX();
            dragY = e.getY();
            dragged = false;
            canvas.requestFocus();
        });
        canvas.setOnMouseDragged(e -> {
            userView = true;
            viewport.pan(e.getX() - dragX, e.getY() - dragY);
            dragged |= Math.abs(e.getX() - dragX) + Math.abs(e.getY() - dragY) > 2;
            dragX = e.getX();
            dragY = e.getY();
            dirty = true;
        });
        canvas.setOnMouseClicked(e -> {
            if (dragged || e.getButton() != MouseButton.PRIMARY || projector == null) {
                return;
            }
            if (e.getClickCount() == 2) {
                resetView();
                return;
            }
            clickAt(e.getX(), e.getY());
        });
        canvas.setOnScroll(e -> {
            userView = true;
            double f = e.getDeltaY() > 0 ? 1.15 : 1 / 1.15;
            viewport.zoomAt(f, e.getX(), e.getY());
            dirty = true;
        });
        canvas.setOnMouseMoved(e -> tooltip.setText(SafeText.line(describeAt(e.getX(), e.getY()))));
    }

    /** Selects what lies under screen point (x, y): a packet first, then a part. */
    public void clickAt(double x, double y) {
        double wx = viewport.toWorldX(x);
        double wy = viewport.toWorldY(y);
        int j = renderer.packets().journeyAt(projector, wx, wy);
        if (j >= 0) {
            model.selectJourney(j);
            return;
        }
        Part p = projector.layout().partAt(wx, wy);
        model.selectPart(p);
    }

    private String describeAt(double x, double y) {
        if (projector == null) {
            return "";
        }
        double wx = viewport.toWorldX(x);
        double wy = viewport.toWorldY(y);
        int j = renderer.packets().journeyAt(projector, wx, wy);
        if (j >= 0) {
            var jr = projector.schedule().journey(j);
            return jr.summary() + " · " + jr.flow().src() + " → " + jr.flow().dst() + ":" + jr.flow().dport()
                    + " · " + jr.verdict().word() + " · click to inspect";
        }
        Part p = projector.layout().partAt(wx, wy);
        return p == null ? "Drag to pan, scroll to zoom, double-click to fit" : PartText.tooltip(p);
    }

    @Override
    protected void layoutChildren() {
        double w = getWidth();
        double h = getHeight();
        if (canvas.getWidth() != w || canvas.getHeight() != h) {
            canvas.setWidth(w);
            canvas.setHeight(h);
            dirty = true;
        }
    }

    @Override
    protected double computePrefWidth(double height) {
        return 1200;
    }

    @Override
    protected double computePrefHeight(double width) {
        return 700;
    }

    @Override
    protected double computeMinWidth(double height) {
        return 200;
    }

    @Override
    protected double computeMinHeight(double width) {
        return 150;
    }

    /** Stops the animation timer (when the window closes or a snapshot is done). */
    public void stop() {
        timer.stop();
    }
}
