package dev.silkscreen.ui.playback;

import dev.silkscreen.model.Journey;
import dev.silkscreen.model.Verdict;
import dev.silkscreen.ui.theme.Palette;
import javafx.scene.AccessibleRole;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;

/**
 * A strip over all journeys: one column per slice of the timeline, its height the number of
 * journeys starting there, delivered stacked up (green) and dropped hanging down (vermillion,
 * below the line: shape as well as colour). The playhead shows the position; click or drag to
 * seek, ←/→ on the strip to nudge.
 */
public final class TimelineView extends Region {
    private final PlaybackModel playback;
    private final Canvas canvas = new Canvas();
    private int[] up = new int[0];
    private int[] down = new int[0];

    public TimelineView(PlaybackModel playback) {
        this.playback = playback;
        getChildren().add(canvas);
        setFocusTraversable(true);
        setAccessibleRole(AccessibleRole.SLIDER);
        setAccessibleText("Timeline over all journeys");
        getStyleClass().add("timeline");
        playback.positionProperty().addListener((o, a, b) -> draw());
        playback.scheduleProperty().addListener((o, a, b) -> draw());
        playback.followedProperty().addListener((o, a, b) -> draw());
        canvas.setOnMousePressed(e -> seekTo(e.getX()));
        canvas.setOnMouseDragged(e -> seekTo(e.getX()));
        setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.LEFT) {
                playback.seek(playback.position() - 1);
                e.consume();
            } else if (e.getCode() == KeyCode.RIGHT) {
                playback.seek(playback.position() + 1);
                e.consume();
            }
        });
    }

    private void seekTo(double x) {
        double end = Math.max(1, playback.schedule().end());
        playback.pause();
        playback.seek(x / Math.max(1, canvas.getWidth()) * end);
    }

    /** Counts journeys per column: delivered (and others) up, dropped down. Package-private for tests. */
    static void bucket(Schedule s, int columns, int[] up, int[] down) {
        java.util.Arrays.fill(up, 0, columns, 0);
        java.util.Arrays.fill(down, 0, columns, 0);
        double end = Math.max(1, s.end());
        for (int i = 0; i < s.size(); i++) {
            int c = Math.min(columns - 1, (int) (s.start(i) / end * columns));
            if (s.journey(i).verdict() == Verdict.DROPPED) {
                down[c]++;
            } else {
                up[c]++;
            }
        }
    }

    private void draw() {
        double w = canvas.getWidth();
        double h = canvas.getHeight();
        GraphicsContext g = canvas.getGraphicsContext2D();
        g.setFill(Color.web("#20262e"));
        g.fillRect(0, 0, w, h);
        Schedule s = playback.schedule();
        int cols = Math.max(1, (int) (w / 3));
        if (up.length < cols) {
            up = new int[cols];
            down = new int[cols];
        }
        bucket(s, cols, up, down);
        int max = 1;
        for (int c = 0; c < cols; c++) {
            max = Math.max(max, Math.max(up[c], down[c]));
        }
        double mid = h * 0.62;
        double scale = (mid - 4) / Math.log1p(max);
        for (int c = 0; c < cols; c++) {
            if (up[c] > 0) {
                double bh = Math.max(3, Math.log1p(up[c]) * scale);
                g.setFill(Palette.BLUISH_GREEN);
                g.fillRect(c * 3, mid - bh, 2, bh);
            }
            if (down[c] > 0) {
                double bh = Math.max(3, Math.log1p(down[c]) * (h - mid - 3) / Math.log1p(max));
                g.setFill(Palette.VERMILLION);
                g.fillRect(c * 3, mid + 1, 2, bh);
            }
        }
        g.setStroke(Color.web("#8896a6"));
        g.setLineWidth(1);
        g.strokeLine(0, mid + 0.5, w, mid + 0.5);
        double end = Math.max(1, s.end());
        Journey f = playback.followedJourney();
        if (f != null) {
            int fi = playback.followedProperty().get();
            double fx = s.start(fi) / end * w;
            double fw = Math.max(3, Schedule.extent(f) / end * w);
            g.setFill(Color.rgb(86, 180, 233, 0.35));
            g.fillRect(fx, 0, fw, h);
        }
        double x = playback.position() / end * w;
        g.setStroke(Color.WHITE);
        g.setLineWidth(2);
        g.strokeLine(x, 0, x, h);
        g.setFill(Color.WHITE);
        g.fillPolygon(new double[] {x - 6, x + 6, x}, new double[] {0, 0, 8}, 3);
    }

    @Override
    protected void layoutChildren() {
        canvas.setWidth(getWidth());
        canvas.setHeight(getHeight());
        draw();
    }

    @Override
    protected double computePrefHeight(double width) {
        return 40;
    }

    @Override
    protected double computePrefWidth(double height) {
        return 400;
    }
}
