package dev.silkscreen.ui.canvas;

import dev.silkscreen.model.Journey;
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

    static void draw(GraphicsContext g, Theme theme, Projector projector, Highlight hl, Part gate) {
        if (hl.followed() < 0 || hl.followed() >= projector.schedule().size()) {
            return;
        }
        Journey j = projector.schedule().journey(hl.followed());
        PacketPath path = projector.path(hl.followed());
        String cell = gate.cell().name();
        Box b = gate.box();
        double r = theme.textSize() * 0.9;
        g.setFont(Font.font("DejaVu Sans", FontWeight.BOLD, theme.textSize()));
        g.setTextBaseline(VPos.CENTER);
        g.setTextAlign(TextAlignment.RIGHT);
        if (hl.step() == 3 && cell.equals(path.srcCell())) {
            g.setFill(theme.text());
            g.fillText("MARK " + markText(j), b.right() - 16, b.bottom() - r);
            return;
        }
        if (hl.step() >= 10 && cell.equals(path.dstCell())) {
            if (!reachedPolicy(j)) {
                return;
            }
            double y = b.bottom() - r - 4;
            double x = b.right() - 16;
            if (j.verdict() == Verdict.DROPPED && j.dropStage() == 10) {
                g.setFill(theme.drop());
                g.fillText("REJECT · no policy for tag " + markText(j), x - 2.4 * r, y);
                Marks.cross(g, x - r, y, r, theme.drop());
            } else {
                g.setFill(theme.ok());
                g.fillText("ACCEPT · policy allows " + markText(j), x - 2.4 * r, y);
                Marks.check(g, x - r, y, r, theme.ok());
            }
        }
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
