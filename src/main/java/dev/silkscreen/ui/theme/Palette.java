package dev.silkscreen.ui.theme;

import javafx.scene.paint.Color;

/**
 * The Okabe–Ito colour-blind-safe palette (Okabe &amp; Ito, "Color Universal Design"). Apps get
 * these colours in order; every colour is always paired with a text label or a shape, never
 * used alone.
 */
public final class Palette {
    public static final Color ORANGE = Color.web("#E69F00");
    public static final Color SKY_BLUE = Color.web("#56B4E9");
    public static final Color BLUISH_GREEN = Color.web("#009E73");
    public static final Color YELLOW = Color.web("#F0E442");
    public static final Color BLUE = Color.web("#0072B2");
    public static final Color VERMILLION = Color.web("#D55E00");
    public static final Color REDDISH_PURPLE = Color.web("#CC79A7");

    /** Colours handed to apps, in order (yellow last: weakest on white). */
    private static final Color[] APP_COLOURS = {BLUE, ORANGE, BLUISH_GREEN, REDDISH_PURPLE, SKY_BLUE, VERMILLION, YELLOW};

    private Palette() {
    }

    /** Colour of the app at {@code index} in the foundation's app list (cycles). */
    public static Color app(int index) {
        return APP_COLOURS[Math.floorMod(index, APP_COLOURS.length)];
    }

    /** Black or white, whichever reads better on {@code background}. */
    public static Color textOn(Color background) {
        double l = 0.2126 * background.getRed() + 0.7152 * background.getGreen() + 0.0722 * background.getBlue();
        return l > 0.55 ? Color.BLACK : Color.WHITE;
    }
}
