package dev.silkscreen.ui.controls;

import javafx.scene.control.Button;
import javafx.scene.control.Tooltip;

/**
 * Buttons as every bar and dialog of the program makes them: one help line serves as the
 * accessible text (read by screen readers) and as the tooltip, so neither is ever missing.
 */
public final class Buttons {

    private Buttons() {
    }

    public static Button button(String text, String help, Runnable action) {
        Button b = new Button(text);
        b.setAccessibleText(help);
        b.setTooltip(new Tooltip(help));
        b.setOnAction(e -> action.run());
        return b;
    }
}
