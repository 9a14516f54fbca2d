package dev.silkscreen.ui.canvas;

import dev.silkscreen.model.Journey;
import dev.silkscreen.model.SafeText;
import dev.silkscreen.model.SilkNames;
import dev.silkscreen.model.Verdict;
import dev.silkscreen.ui.theme.Theme;
import javafx.geometry.VPos;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.text.Font;
import javafx.scene.text.FontWeight;
import javafx.scene.text.TextAlignment;

/**
 * What a gate says about the followed packet: at step 3 on the source cell, the mark it sets;
 * from step 10 on the destination cell, whether the policy check opened the gate or rejected.
 */
final class GateVerdict {
    private GateVerdict() {
    }

    /** Draws the gate's verdict line for the followed packet, if any; true when it did (it replaces the detail line). */
    static boolean draw(Ink ink, Theme theme, Projector projector, Highlight hl, Part gate, double room) {
        if (hl.followed() < 0 || hl.followed() >= projector.schedule().size()) {
            return false;
        }
        GraphicsContext g = ink.g();
        Journey j = projector.schedule().journey(hl.followed());
        PacketPath path = projector.path(hl.followed());
        String cell = gate.cell().name();
        Box b = gate.box();
        double sm = theme.smallSize();
        double x = b.x() + 72;
        double y = b.y() + 18 + theme.textSize() * 1.2;
        g.setTextBaseline(VPos.TOP);
        g.setTextAlign(TextAlignment.LEFT);
        g.setFont(Font.font("DejaVu Sans", FontWeight.BOLD, sm));
        if (hl.step() == 3 && cell.equals(path.srcCell())) {
            g.setFill(theme.text());
            ink.text(SafeText.line("MARK " + markText(j) + " (" + (j.srcApp() == null ? "source app" : j.srcApp()) + ")"), x, y, room);
            return true;
        }
        if (hl.step() >= 10 && cell.equals(path.dstCell()) && reachedPolicy(j)) {
            cover(g, theme, b);
            double r = sm * 0.75;
            if (j.verdict() == Verdict.DROPPED && j.dropStage() == 10) {
                Marks.cross(g, b.x() + 36, b.cy(), r * 1.4, theme.drop());
                g.setFill(theme.drop());
                ink.text(SafeText.line("REJECT: mark " + markText(j) + " not admitted"), x, y, room);
            } else {
                Marks.check(g, b.x() + 36, b.cy(), r * 1.4, theme.ok());
                g.setFill(theme.ok().darker());
                ink.text(SafeText.line("ACCEPT: policy allows " + markText(j)), x, y, room);
            }
            return true;
        }
        return false;
    }

    /** Blanks the gate's bars so the verdict's mark replaces them. */
    private static void cover(GraphicsContext g, Theme theme, Box b) {
        g.setFill(theme.componentFill());
        g.fillRect(b.x() + 10, b.y() + 10, 56, b.h() - 20);
    }

    static String markText(Journey j) {
        return j.tag() < 0 ? "(none)" : "0x" + SilkNames.tagHex(j.tag());
    }

    /** Whether a journey got as far as the policy check. */
    static boolean reachedPolicy(Journey j) {
        return j.verdict() == Verdict.DELIVERED || (j.verdict() == Verdict.DROPPED && j.dropStage() >= 10)
                || j.stage() >= 10;
    }
}
