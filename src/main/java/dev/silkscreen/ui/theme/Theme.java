package dev.silkscreen.ui.theme;

import java.util.Locale;
import javafx.scene.paint.Color;

/**
 * How the picture and the controls look: canvas colours, text sizes and line widths, plus the
 * stylesheet for the controls. {@link #CLASSROOM} is the projector theme: white ground, black
 * text, thick lines and text of at least 24 px at 1920×1080.
 */
public enum Theme {
    LIGHT("light", Color.web("#f7f7f4"), Color.WHITE, Color.web("#eef3f8"), Color.web("#1d2733"),
            Color.web("#4a5563"), Color.web("#8896a6"), 28, 20, 16, 2.0),
    DARK("dark", Color.web("#15191f"), Color.web("#1f252d"), Color.web("#27303a"), Color.web("#e8edf2"),
            Color.web("#aab4c0"), Color.web("#6d7a88"), 28, 20, 16, 2.0),
    CLASSROOM("classroom", Color.WHITE, Color.WHITE, Color.web("#f1f1f1"), Color.BLACK,
            Color.web("#222222"), Color.web("#333333"), 32, 24, 24, 4.0);

    private final String id;
    private final Color background;
    private final Color cellFill;
    private final Color componentFill;
    private final Color text;
    private final Color mutedText;
    private final Color line;
    private final double titleSize;
    private final double textSize;
    private final double smallSize;
    private final double lineWidth;

    Theme(String id, Color background, Color cellFill, Color componentFill, Color text, Color mutedText,
          Color line, double titleSize, double textSize, double smallSize, double lineWidth) {
        this.id = id;
        this.background = background;
        this.cellFill = cellFill;
        this.componentFill = componentFill;
        this.text = text;
        this.mutedText = mutedText;
        this.line = line;
        this.titleSize = titleSize;
        this.textSize = textSize;
        this.smallSize = smallSize;
        this.lineWidth = lineWidth;
    }

    public String id() {
        return id;
    }

    public Color background() {
        return background;
    }

    public Color cellFill() {
        return cellFill;
    }

    public Color componentFill() {
        return componentFill;
    }

    public Color text() {
        return text;
    }

    public Color mutedText() {
        return mutedText;
    }

    public Color line() {
        return line;
    }

    /** Size of names (cells, apps) in world units. */
    public double titleSize() {
        return titleSize;
    }

    /** Size of other text in world units. */
    public double textSize() {
        return textSize;
    }

    /** Size of details (addresses, notes) in world units; never below 24 px in the classroom. */
    public double smallSize() {
        return smallSize;
    }

    public double lineWidth() {
        return lineWidth;
    }

    /** Colour of "allowed / delivered" marks (always with a ✓ shape). */
    public Color ok() {
        return Palette.BLUISH_GREEN;
    }

    /** Colour of "dropped / rejected" marks (always with a ✗ shape and a reason). */
    public Color drop() {
        return Palette.VERMILLION;
    }

    /** Colour of the underlay envelope (outer headers). */
    public Color envelope() {
        return this == DARK ? Color.web("#5b4a1f") : Color.web("#fff1c7");
    }

    public Color envelopeStroke() {
        return Color.web("#9a6b00");
    }

    /** The stylesheets for the controls, classpath resources: the shared base, then this theme's. */
    public java.util.List<String> stylesheets() {
        return java.util.List.of(Theme.class.getResource("base.css").toExternalForm(),
                Theme.class.getResource(id + ".css").toExternalForm());
    }

    /** Parses {@code light}, {@code dark} or {@code classroom}. */
    public static Theme of(String id) {
        for (Theme t : values()) {
            if (t.id.equals(id.toLowerCase(Locale.ROOT))) {
                return t;
            }
        }
        throw new IllegalArgumentException("unknown theme '" + id + "' (light, dark or classroom)");
    }
}
