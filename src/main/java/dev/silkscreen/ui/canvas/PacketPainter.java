package dev.silkscreen.ui.canvas;

import dev.silkscreen.model.Cell;
import dev.silkscreen.model.Foundation;
import dev.silkscreen.model.Journey;
import dev.silkscreen.model.SafeText;
import dev.silkscreen.model.SilkNames;
import dev.silkscreen.ui.playback.Schedule;
import dev.silkscreen.ui.theme.Palette;
import dev.silkscreen.ui.theme.Theme;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import javafx.geometry.VPos;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;
import javafx.scene.text.FontWeight;
import javafx.scene.text.TextAlignment;

/**
 * Draws the packets of one frame. Few packets: each one full size, with its label, its mark tag
 * (colour and text, e.g. {@code 0x0004 AppB}) and, between the cells, the underlay envelope
 * around it. Many packets: small chips, merged into one counted chip where they crowd, while the
 * followed and the selected packet stay full size on top.
 */
public final class PacketPainter {
    /** Above this many packets on screen, the others are drawn as chips. */
    public static final int CROWD = 12;
    static final double CHIP_W = 30;
    static final double CHIP_H = 18;
    static final double BUCKET = 44;
    /** Characters per line of a drop note (it is as wide as an envelope). */
    static final int NOTE_CHARS = 23;

    private final Theme theme;
    private final Foundation foundation;
    private final Map<String, Color> appColours;
    private final Font bold;
    private final Font text;
    private final Font small;
    private final double ts;
    private int[] bucketCount = new int[0];
    private int[] bucketFirst = new int[0];
    private boolean crowded;
    private Ink ink;

    PacketPainter(Theme theme, Foundation foundation, Map<String, Color> appColours) {
        this.theme = theme;
        this.foundation = foundation;
        this.appColours = appColours;
        this.ts = theme.textSize();
        this.bold = Font.font("DejaVu Sans", FontWeight.BOLD, ts);
        this.text = Font.font("DejaVu Sans", FontWeight.NORMAL, ts);
        this.small = Font.font("DejaVu Sans", FontWeight.NORMAL, theme.smallSize());
    }

    void ink(Ink ink) {
        this.ink = ink;
    }

    double packetW() {
        return ts * 9.5;
    }

    double packetH() {
        return ts * 2.8;
    }

    void draw(GraphicsContext g, Projector pr, Highlight hl) {
        int n = pr.count();
        crowded = n > CROWD;
        if (crowded) {
            drawChips(g, pr, hl);
        }
        Sprite followed = null;
        for (int i = 0; i < n; i++) {
            if (pr.sprite(i).journey == hl.followed()) {
                followed = pr.sprite(i);
            }
        }
        for (int pass = 0; pass < 2; pass++) {
            for (int i = 0; i < n; i++) {
                Sprite s = pr.sprite(i);
                boolean special = s.journey == hl.followed() || s.journey == hl.selectedJourney();
                if (pass == 0 && !crowded && !special) {
                    if (followed != null && near(s, followed, pr)) {
                        // at the followed packet's place: a chip beside it, never over its label
                        Journey j = pr.schedule().journey(s.journey);
                        ink.owner(s.journey, "chip");
                        Sprite at = parked(s, followed);
                        chip(g, at, j, CHIP_W, CHIP_H);
                    } else {
                        drawFull(g, pr, s, false, false);
                    }
                } else if (pass == 1 && special) {
                    drawFull(g, pr, s, s.journey == hl.selectedJourney(), true);
                }
            }
        }
    }

    private final Sprite parkedSprite = new Sprite();

    /** Whether a packet drawn full size at {@code s} would touch the followed one's box (envelope, drop note included). */
    private boolean near(Sprite s, Sprite f, Projector pr) {
        double w = Math.max(packetW(), f.envelope > 0 || s.envelope > 0 ? envelopeW() : 0);
        double h = packetH() + bandH() + (f.envelope > 0 || s.envelope > 0 ? theme.smallSize() * 2.75 + ts : 0);
        if (Math.abs(s.x - f.x) < w + 4 && Math.abs(s.y - f.y) < h + 4) {
            return true;
        }
        if (f.phase == Sprite.Phase.DROPPED) {
            double[] note = noteBox(pr, f, pr.schedule().journey(f.journey));
            double sw = s.envelope > 0 ? envelopeW() : packetW();
            double top = s.y - packetH() / 2 - (s.envelope > 0 ? theme.smallSize() * 2.75 : 0);
            double bottom = s.y + packetH() / 2 + bandH() + (s.envelope > 0 ? ts * 0.5 : 0);
            return s.x + sw / 2 > note[0] && s.x - sw / 2 < note[0] + note[2] && bottom > note[1] && top < note[1] + note[3];
        }
        return false;
    }

    /** Where the drop note of a dropped packet goes: x, y, w, h in world units. */
    private double[] noteBox(Projector pr, Sprite s, Journey j) {
        double sm = theme.smallSize();
        int lines = Marks.wrap(dropHead(j), NOTE_CHARS).size() + Marks.wrap(dropReason(j), NOTE_CHARS).size();
        double bw = envelopeW();
        double bh = sm * 1.25 * lines + sm * 0.9;
        double h = packetH() + bandH();
        double y = s.y - packetH() / 2;
        double bx = Math.max(0, Math.min(pr.layout().width() - bw, s.x - bw / 2));
        double by = y + h + ts * 0.6;
        if (by + bh > pr.layout().height()) {
            double top = y - (s.envelope > 0 ? sm * 2.75 : 0);
            // above, but below the cells' headers
            by = Math.max(PictureLayout.CONTAINER_TOP - 20, top - ts * 0.6 - bh);
        }
        return new double[] {bx, by, bw, bh};
    }

    private static String dropHead(Journey j) {
        return Story.head(j);
    }

    private String dropReason(Journey j) {
        return Story.why(j, foundation);
    }

    /** Where a chip for {@code s} sits: above the followed packet's box, clear of its label and envelope. */
    private Sprite parked(Sprite s, Sprite f) {
        double above = packetH() / 2 + (f.envelope > 0 ? theme.smallSize() * 2.75 : 0) + CHIP_H;
        parkedSprite.set(s.journey, f.x + (s.journey % 5 - 2) * (CHIP_W + 6), f.y - above, s.step, s.fraction, s.phase,
                0, s.tag, s.alpha);
        return parkedSprite;
    }

    private void drawChips(GraphicsContext g, Projector pr, Highlight hl) {
        PictureLayout layout = pr.layout();
        int cols = (int) Math.ceil(layout.width() / BUCKET) + 1;
        int rows = (int) Math.ceil(layout.height() / BUCKET) + 1;
        if (bucketCount.length < cols * rows) {
            bucketCount = new int[cols * rows];
            bucketFirst = new int[cols * rows];
        }
        Arrays.fill(bucketCount, 0, cols * rows, 0);
        for (int i = 0; i < pr.count(); i++) {
            Sprite s = pr.sprite(i);
            if (s.journey == hl.followed() || s.journey == hl.selectedJourney()) {
                continue;
            }
            int b = bucket(s, cols, rows);
            if (bucketCount[b]++ == 0) {
                bucketFirst[b] = i;
            }
        }
        g.setTextAlign(TextAlignment.CENTER);
        g.setTextBaseline(VPos.CENTER);
        for (int b = 0; b < cols * rows; b++) {
            int c = bucketCount[b];
            if (c == 0) {
                continue;
            }
            Sprite s = pr.sprite(bucketFirst[b]);
            Journey j = pr.schedule().journey(s.journey);
            ink.owner(c == 1 ? s.journey : -1, c == 1 ? "chip" : "chip ×" + c);
            if (c == 1) {
                chip(g, s, j, CHIP_W, CHIP_H);
            } else {
                double w = CHIP_W + 14 + 8 * Math.log10(c) * 3;
                chip(g, s, j, w, CHIP_H * 1.5);
                g.setFill(Palette.textOn(fillFor(s, j)));
                g.setFont(small);
                ink.text(SafeText.line("×" + c), s.x, s.y);
            }
        }
    }

    private int bucket(Sprite s, int cols, int rows) {
        int cx = Math.max(0, Math.min(cols - 1, (int) (s.x / BUCKET)));
        int cy = Math.max(0, Math.min(rows - 1, (int) (s.y / BUCKET)));
        return cy * cols + cx;
    }

    private Color fillFor(Sprite s, Journey j) {
        if (s.phase == Sprite.Phase.DROPPED) {
            return theme.drop();
        }
        return s.tag > 0.5 ? appColour(j) : theme.componentFill();
    }

    private void chip(GraphicsContext g, Sprite s, Journey j, double w, double h) {
        g.setGlobalAlpha(Math.max(0.15, s.alpha));
        if (s.envelope > 0.5) {
            g.setFill(theme.envelope());
            g.fillRoundRect(s.x - w / 2 - 5, s.y - h / 2 - 5, w + 10, h + 10, 8, 8);
            g.setStroke(theme.envelopeStroke());
            g.setLineWidth(2);
            g.strokeRoundRect(s.x - w / 2 - 5, s.y - h / 2 - 5, w + 10, h + 10, 8, 8);
        }
        g.setFill(fillFor(s, j));
        g.fillRoundRect(s.x - w / 2, s.y - h / 2, w, h, h, h);
        ink.shape(SceneRecord.Kind.CHIP, s.x - w / 2, s.y - h / 2, w, h);
        g.setStroke(theme.text());
        g.setLineWidth(1.5);
        g.strokeRoundRect(s.x - w / 2, s.y - h / 2, w, h, h, h);
        if (s.phase == Sprite.Phase.DROPPED) {
            Marks.cross(g, s.x + w / 2, s.y - h / 2, 8, theme.drop());
        } else if (s.phase == Sprite.Phase.DELIVERED) {
            Marks.check(g, s.x + w / 2, s.y - h / 2, 8, theme.ok());
        }
        g.setGlobalAlpha(1);
    }

    private void drawFull(GraphicsContext g, Projector pr, Sprite s, boolean selected, boolean noted) {
        Journey j = pr.schedule().journey(s.journey);
        PacketPath path = pr.path(s.journey);
        double w = packetW();
        double h = packetH();
        double band = s.tag > 0 ? bandH() : 0;
        g.setGlobalAlpha(Math.max(0, Math.min(1, s.alpha)));
        ink.owner(s.journey, "envelope");
        if (s.envelope > 0) {
            drawEnvelope(g, s, path, j, w, h + bandH());
        }
        boolean icmpError = isIcmpError(j);
        double x = s.x - w / 2;
        double y = s.y - h / 2;
        ink.owner(s.journey, "packet");
        ink.shape(SceneRecord.Kind.PACKET, x, y, w, h + band);
        g.setFill(theme.cellFill());
        g.fillRoundRect(x, y, w, h + band, 14, 14);
        if (band > 0) {
            Color c = appColour(j);
            double keep = g.getGlobalAlpha();
            g.setGlobalAlpha(keep * s.tag);
            g.setFill(c);
            g.fillRoundRect(x, y + h, w, band, 14, 14);
            g.fillRect(x, y + h, w, band / 2);
            g.setFill(Palette.textOn(c));
            g.setFont(small);
            g.setTextAlign(TextAlignment.CENTER);
            g.setTextBaseline(VPos.CENTER);
            ink.text(SafeText.line(tagText(j)), s.x, y + h + band / 2, w - 10);
            g.setGlobalAlpha(keep);
        }
        g.setStroke(icmpError ? theme.drop() : theme.text());
        g.setLineWidth(theme.lineWidth() * 1.2);
        if (icmpError) {
            g.setLineDashes(8, 5);
        }
        g.strokeRoundRect(x, y, w, h + band, 14, 14);
        g.setLineDashes();
        if (selected) {
            g.setStroke(Palette.REDDISH_PURPLE);
            g.setLineWidth(theme.lineWidth() * 1.5);
            g.strokeRoundRect(x - 6, y - 6, w + 12, h + band + 12, 18, 18);
        }
        g.setTextAlign(TextAlignment.CENTER);
        g.setTextBaseline(VPos.TOP);
        g.setFill(theme.text());
        g.setFont(bold);
        ink.text(SafeText.line(summary(j)), s.x, y + ts * 0.3, w - 10);
        g.setFont(small);
        g.setFill(theme.mutedText());
        ink.text(SafeText.line("to " + destination(j)), s.x, y + ts * 1.5, w - 10);
        if (s.phase == Sprite.Phase.DROPPED) {
            Marks.cross(g, x + w, y, ts * 0.9, theme.drop());
            if (noted) {
                drawDrop(g, pr, s, j, x, y, w, h + band);
            }
        } else if (s.phase == Sprite.Phase.DELIVERED) {
            Marks.check(g, x + w, y, ts * 0.8, theme.ok());
        }
        g.setGlobalAlpha(1);
    }

    /** Width of the underlay envelope around a packet. */
    double envelopeW() {
        return Math.max(packetW() + ts, theme.smallSize() * 15.5);
    }

    double bandH() {
        return theme.smallSize() * 1.45;
    }

    private void drawEnvelope(GraphicsContext g, Sprite s, PacketPath path, Journey j, double w, double h) {
        double e = s.envelope;
        double sm = theme.smallSize();
        double pad = ts * 0.5;
        double head = sm * 2.75;
        double below = pad;
        double ew = envelopeW();
        double eh = head + h + below;
        double cx = s.x;
        double cy = s.y - h / 2 - head + eh / 2;
        double sw = ew * (0.55 + 0.45 * e);
        double sh = eh * (0.55 + 0.45 * e);
        double ox = cx - sw / 2;
        double oy = cy - sh / 2;
        double keep = g.getGlobalAlpha();
        g.setGlobalAlpha(keep * Math.min(1, e * 1.5));
        g.setFill(theme.envelope());
        g.fillRoundRect(ox, oy, sw, sh, 18, 18);
        ink.shape(SceneRecord.Kind.ENVELOPE, ox, oy, sw, sh);
        g.setStroke(theme.envelopeStroke());
        g.setLineWidth(theme.lineWidth() * 1.3);
        g.strokeRoundRect(ox, oy, sw, sh, 18, 18);
        if (e > 0.6) {
            g.setFill(theme == Theme.DARK ? Color.WHITE : Color.BLACK);
            g.setTextAlign(TextAlignment.CENTER);
            g.setTextBaseline(VPos.TOP);
            g.setFont(small);
            ink.text(SafeText.line(underlayText(path)), cx, oy + sm * 0.2, sw - 12);
            ink.text(SafeText.line("VXLAN · GBP " + (j.tag() < 0 ? "none" : j.tag()) + " · UDP " + SilkNames.VXLAN_PORT), cx,
                    oy + sm * 1.42, sw - 12);
        }
        g.setGlobalAlpha(keep);
    }

    private String underlayText(PacketPath path) {
        String from = foundation.cell(String.valueOf(path.srcCell())).map(Cell::underlayIp).orElse("?");
        String to = foundation.cell(String.valueOf(path.dstCell())).map(Cell::underlayIp).orElse("?");
        return from + " → " + to;
    }

    /**
     * The followed packet's drop note: in its lane, below it (above it when the picture ends below),
     * as wide as an envelope so it never reaches the parts' texts.
     */
    private void drawDrop(GraphicsContext g, Projector pr, Sprite s, Journey j, double x, double y, double w, double h) {
        List<String> heads = Marks.wrap(dropHead(j), NOTE_CHARS);
        List<String> lines = Marks.wrap(dropReason(j), NOTE_CHARS);
        double sm = theme.smallSize();
        double lh = sm * 1.25;
        double[] box = noteBox(pr, s, j);
        double bx = box[0];
        double by = box[1];
        double bw = box[2];
        double bh = box[3];
        g.setFill(theme.cellFill());
        g.fillRoundRect(bx, by, bw, bh, 12, 12);
        ink.owner(s.journey, "drop note");
        ink.shape(SceneRecord.Kind.DROP_NOTE, bx, by, bw, bh);
        g.setStroke(theme.drop());
        g.setLineWidth(theme.lineWidth() * 1.5);
        g.strokeRoundRect(bx, by, bw, bh, 12, 12);
        g.setTextAlign(TextAlignment.LEFT);
        g.setTextBaseline(VPos.TOP);
        g.setFill(theme.drop());
        g.setFont(Font.font("DejaVu Sans", FontWeight.BOLD, sm));
        for (int i = 0; i < heads.size(); i++) {
            ink.text(SafeText.line(heads.get(i)), bx + 10, by + sm * 0.4 + lh * i, bw - 20);
        }
        g.setFill(theme.text());
        g.setFont(small);
        for (int i = 0; i < lines.size(); i++) {
            ink.text(SafeText.line(lines.get(i)), bx + 10, by + sm * 0.5 + lh * (i + heads.size()), bw - 20);
        }
    }

    /** The journey's packet under world point (wx, wy) in the last drawn frame, or -1. */
    public int journeyAt(Projector pr, double wx, double wy) {
        for (int i = pr.count() - 1; i >= 0; i--) {
            Sprite s = pr.sprite(i);
            double w = crowded ? CHIP_W + 16 : packetW();
            double h = crowded ? CHIP_H + 16 : packetH() + bandH();
            double top = crowded ? s.y - h / 2 : s.y - packetH() / 2;
            if (Math.abs(wx - s.x) <= w / 2 && wy >= top && wy <= top + h) {
                return s.journey;
            }
        }
        return -1;
    }

    Color appColour(Journey j) {
        String app = j.srcApp() != null ? j.srcApp()
                : foundation.appByTag(j.tag()).map(a -> a.name()).orElse(null);
        return app == null ? theme.mutedText() : appColours.getOrDefault(app, theme.mutedText());
    }

    /** The tag as the packet carries it: {@code 0x0004 AppB}. */
    public static String tagText(Journey j) {
        String hex = j.tag() < 0 ? "no mark" : "0x" + SilkNames.tagHex(j.tag());
        return j.srcApp() == null ? hex : hex + " " + j.srcApp();
    }

    /** An ICMP error (e.g. the port-unreachable of a rejection): drawn with a dashed vermillion edge. */
    static boolean isIcmpError(Journey j) {
        return Schedule.isIcmpError(j);
    }

    private static String summary(Journey j) {
        return j.summary() == null || j.summary().isBlank() ? j.flow().proto().toUpperCase() : j.summary();
    }

    private static String destination(Journey j) {
        String who = nameOr(j.dstApp(), j.flow().dst());
        return j.flow().dport() > 0 ? who + " :" + j.flow().dport() : who;
    }

    private static String nameOr(String name, String ip) {
        return name == null ? ip : name;
    }
}
