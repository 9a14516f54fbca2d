package dev.silkscreen.ui.canvas;

import dev.silkscreen.model.App;
import dev.silkscreen.model.Cell;
import dev.silkscreen.model.Foundation;
import dev.silkscreen.model.Instance;
import dev.silkscreen.model.SafeText;
import dev.silkscreen.model.SilkNames;
import dev.silkscreen.ui.theme.Palette;
import dev.silkscreen.ui.theme.Theme;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javafx.geometry.VPos;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;
import javafx.scene.text.FontWeight;
import javafx.scene.text.TextAlignment;

/**
 * Draws the foundation (cells, containers, veth pairs, gates, VTEPs, NICs, the underlay) and hands
 * the packets to {@link PacketPainter}. Everything is drawn in world units under one transform, so
 * zoom and pan cost nothing extra.
 */
public final class PictureRenderer {
    static final Color ACCENT = Palette.BLUE;

    private final Theme theme;
    private final Foundation foundation;
    private final Map<String, Color> appColours = new HashMap<>();
    private final Font title;
    private final Font text;
    private final Font small;
    private final PacketPainter packets;
    private Ink ink;

    public PictureRenderer(Theme theme, Foundation foundation) {
        this.theme = theme;
        this.foundation = foundation;
        List<App> apps = foundation.apps();
        for (int i = 0; i < apps.size(); i++) {
            appColours.put(apps.get(i).name(), Palette.app(i));
        }
        this.title = Font.font("DejaVu Sans", FontWeight.BOLD, theme.titleSize());
        this.text = Font.font("DejaVu Sans", FontWeight.NORMAL, theme.textSize());
        this.small = Font.font("DejaVu Sans", FontWeight.NORMAL, theme.smallSize());
        this.packets = new PacketPainter(theme, foundation, appColours);
    }

    public Theme theme() {
        return theme;
    }

    public PacketPainter packets() {
        return packets;
    }

    /** Colour of an app's tag and container strip (Okabe–Ito, by the app's place in the list). */
    public Color appColour(String app) {
        return appColours.getOrDefault(app, theme.mutedText());
    }

    private String layoutTag(String app) {
        return foundation.app(app).map(a -> "0x" + a.tagHex()).orElse("");
    }

    /** Draws one frame: background, foundation, packets. */
    public void draw(GraphicsContext g, double width, double height, Viewport vp, Projector projector, Highlight hl) {
        draw(g, width, height, vp, projector, hl, null);
    }

    /** Draws one frame and, when {@code record} is not null, records every item drawn in it. */
    public void draw(GraphicsContext g, double width, double height, Viewport vp, Projector projector, Highlight hl,
                     SceneRecord record) {
        ink = new Ink(g, record);
        packets.ink(ink);
        g.setTransform(1, 0, 0, 1, 0, 0);
        g.setFill(theme.background());
        g.fillRect(0, 0, width, height);
        PictureLayout layout = projector.layout();
        g.setTransform(vp.scale(), 0, 0, vp.scale(), vp.offsetX(), vp.offsetY());
        Part active = activePart(projector, hl);
        ink.owner(-1, "underlay");
        drawUnderlay(g, layout, active, vp);
        for (Part p : layout.parts()) {
            ink.owner(-1, p.kind().name().toLowerCase(java.util.Locale.ROOT)
                    + (p.cell() != null ? ":" + p.cell().name() : "") + (p.instance() != null ? ":" + p.instance().ip() : ""));
            if (p.kind() != PartKind.UNDERLAY) {
                ink.shape(SceneRecord.Kind.COMPONENT, p.box().x(), p.box().y(), p.box().w(), p.box().h());
            }
            // a follow view's context: cells not wholly in view are drawn without their texts
            ink.mute(vp.focused() && p.cell() != null && !vp.shows(layout.cellBox(p.cell().name())));
            switch (p.kind()) {
                case CELL -> drawCell(g, layout, p, unreachable(projector, hl));
                case CONTAINER -> drawContainer(g, layout, p);
                case VETH -> drawVeth(g, layout, p);
                case GATE -> drawGate(g, layout, p, projector, hl);
                case VTEP -> drawDevice(g, layout, p, SilkNames.VTEP_IFACE
                                + (p.cell().underlayMtu() > 0 ? " · MTU " + p.cell().overlayMtu() : ""),
                        p.cell().vtepIp() + "/16 · VNI " + SilkNames.VNI + " · gbp");
                case NIC -> drawDevice(g, layout, p, p.cell().underlayNic(),
                        p.cell().underlayIp() + " · MTU " + p.cell().underlayMtu());
                default -> { }
            }
        }
        ink.mute(false);
        for (Part p : layout.parts()) {
            if (p.kind() != PartKind.CELL && p.kind() != PartKind.UNDERLAY && p == active) {
                Box b = p.box();
                if (p.kind() == PartKind.CONTAINER && !layout.compact(b)) {
                    // around the container and its eth0 end, never across the eth0 label
                    b = new Box(b.x(), b.y(), b.w(), b.h() + theme.textSize() * 0.75 + 2);
                }
                outline(g, b, ACCENT, theme.lineWidth() * 2.2, false);
            }
            if (hl.selectedPart() != null && p.equals(hl.selectedPart())) {
                outline(g, p.box(), Palette.REDDISH_PURPLE, theme.lineWidth() * 1.6, true);
            }
        }
        packets.draw(g, projector, hl);
        g.setTransform(1, 0, 0, 1, 0, 0);
    }

    /** The part where the followed packet is at its current step. */
    static Part activePart(Projector projector, Highlight hl) {
        if (hl.followed() < 0 || hl.step() <= 0 || hl.followed() >= projector.schedule().size()) {
            return null;
        }
        dev.silkscreen.model.Journey j = projector.schedule().journey(hl.followed());
        int step = j.verdict() == dev.silkscreen.model.Verdict.DROPPED
                ? Math.min(hl.step(), dev.silkscreen.ui.playback.Schedule.lastStep(j)) : hl.step();
        return projector.path(hl.followed()).place(projector.layout(), step);
    }

    private void drawUnderlay(GraphicsContext g, PictureLayout layout, Part active, Viewport vp) {
        boolean on = active != null && active.kind() == PartKind.UNDERLAY;
        g.setStroke(on ? ACCENT : theme.line());
        g.setLineWidth(theme.lineWidth() * (on ? 3 : 2));
        for (Cell c : layout.foundation().cells()) {
            Box nic = layout.nic(c.name());
            double rail = layout.rail(c.name());
            g.strokeLine(rail, nic.bottom(), rail, layout.bus(c.name()).cy());
        }
        g.setFill(on ? ACCENT : theme.line());
        for (Box bus : layout.buses()) {
            g.fillRoundRect(bus.x(), bus.cy() - 7, bus.w(), 14, 14, 14);
        }
        Box trunk = layout.trunk();
        if (trunk != null) {
            g.fillRoundRect(trunk.cx() - 7, trunk.y() - 7, 14, trunk.h() + 14, 14, 14);
        }
        Box bus = layout.bus();
        g.setFill(theme.mutedText());
        g.setFont(small);
        g.setTextAlign(TextAlignment.LEFT);
        g.setTextBaseline(VPos.TOP);
        double left = vp.focused() ? Math.max(bus.x(), vp.toWorldX(0)) : bus.x();
        // under the first cell, left of its lane (where packets and their notes go)
        Cell first = layout.foundation().cells().isEmpty() ? null : layout.foundation().cells().get(0);
        double room = first == null ? bus.w() : layout.rail(first.name()) - packets.envelopeW() / 2 - 10 - (left + 24);
        if (vp.focused()) {
            room = Math.max(room, theme.smallSize() * 14);
        }
        ink.text(SafeText.line("underlay · VXLAN over UDP " + SilkNames.VXLAN_PORT), left + 24, bus.cy() + 14, room);
    }

    /** The cell the followed packet never reached over the underlay (lost at step 7), once it is lost; else null. */
    static String unreachable(Projector projector, Highlight hl) {
        if (hl.followed() < 0 || hl.followed() >= projector.schedule().size() || hl.step() < 7) {
            return null;
        }
        dev.silkscreen.model.Journey j = projector.schedule().journey(hl.followed());
        if (j.verdict() != dev.silkscreen.model.Verdict.DROPPED || j.dropStage() != 7) {
            return null;
        }
        return projector.path(hl.followed()).dstCell();
    }

    private void drawCell(GraphicsContext g, PictureLayout layout, Part p, String unreachable) {
        Box b = p.box();
        boolean cut = p.cell().name().equals(unreachable);
        g.setFill(theme.cellFill());
        g.fillRoundRect(b.x(), b.y(), b.w(), b.h(), 28, 28);
        g.setStroke(cut ? theme.drop() : theme.line());
        g.setLineWidth(theme.lineWidth() * (cut ? 2.2 : 1.5));
        if (cut) {
            g.setLineDashes(18, 10);
        }
        g.strokeRoundRect(b.x(), b.y(), b.w(), b.h(), 28, 28);
        g.setLineDashes();
        g.setTextAlign(TextAlignment.LEFT);
        g.setTextBaseline(VPos.TOP);
        g.setFill(theme.text());
        g.setFont(title);
        ink.text(SafeText.line(p.cell().name()), b.x() + 24, b.y() + 16);
        g.setFill(cut ? theme.drop() : theme.mutedText());
        g.setFont(cut ? Font.font("DejaVu Sans", FontWeight.BOLD, theme.smallSize()) : small);
        g.setTextAlign(TextAlignment.RIGHT);
        ink.text(SafeText.line(cut ? "✗ unreachable: nothing arrived" : "Diego cell · overlay " + p.cell().subnet()),
                b.right() - 24, b.y() + 16 + (theme.titleSize() - theme.smallSize()) / 2);
        // host plumbing: veth → gate → vtep → NIC
        g.setStroke(theme.line());
        g.setLineWidth(theme.lineWidth());
        String cell = p.cell().name();
        double rail = layout.rail(cell);
        g.strokeLine(rail, layout.gate(cell).bottom(), rail, layout.vtep(cell).y());
        g.strokeLine(rail, layout.vtep(cell).bottom(), rail, layout.nic(cell).y());
    }

    private void drawContainer(GraphicsContext g, PictureLayout layout, Part p) {
        Box b = p.box();
        Instance inst = p.instance();
        Color colour = appColour(inst.app());
        if (layout.compact(b)) {
            g.setFill(theme.componentFill());
            g.fillRoundRect(b.x(), b.y(), b.w(), b.h(), 8, 8);
            g.setFill(colour);
            g.fillRect(b.x(), b.y(), 8, b.h());
            g.setStroke(theme.text());
            g.setLineWidth(theme.lineWidth() * 0.6);
            g.strokeRoundRect(b.x(), b.y(), b.w(), b.h(), 8, 8);
            g.setFill(theme.text());
            g.setFont(small);
            g.setTextAlign(TextAlignment.LEFT);
            g.setTextBaseline(VPos.CENTER);
            ink.text(SafeText.line(inst.app() + " " + inst.ip()), b.x() + 12, b.cy(), b.w() - 16);
            return;
        }
        g.setFill(theme.componentFill());
        g.fillRoundRect(b.x(), b.y(), b.w(), b.h(), 18, 18);
        g.setFill(colour);
        g.fillRoundRect(b.x(), b.y(), b.w(), 14, 18, 18);
        g.fillRect(b.x(), b.y() + 7, b.w(), 7);
        g.setStroke(theme.text());
        g.setLineWidth(theme.lineWidth());
        g.strokeRoundRect(b.x(), b.y(), b.w(), b.h(), 18, 18);
        g.setTextAlign(TextAlignment.CENTER);
        g.setTextBaseline(VPos.TOP);
        g.setFill(theme.text());
        g.setFont(title);
        ink.text(SafeText.line(inst.app()), b.cx(), b.y() + 22, b.w() - 16);
        g.setFont(text);
        g.setFill(theme.mutedText());
        ink.text(SafeText.line(inst.ip()), b.cx(), b.y() + 26 + theme.titleSize() * 1.15, b.w() - 16);
        g.setFont(small);
        String tag = layoutTag(inst.app());
        ink.text(SafeText.line("instance " + inst.index() + (tag.isEmpty() ? "" : " · tag " + tag)), b.cx(),
                b.y() + 30 + theme.titleSize() * 1.15 + theme.textSize() * 1.2, b.w() - 16);
        // the container end of the veth pair
        double tw = theme.textSize() * 3.2;
        double th = theme.textSize() * 1.5;
        g.setFill(theme.cellFill());
        g.fillRoundRect(b.cx() - tw / 2, b.bottom() - th / 2, tw, th, 10, 10);
        g.setStroke(theme.text());
        g.strokeRoundRect(b.cx() - tw / 2, b.bottom() - th / 2, tw, th, 10, 10);
        g.setFill(theme.text());
        g.setFont(small);
        g.setTextBaseline(VPos.CENTER);
        ink.text("eth0", b.cx(), b.bottom());
    }

    private void drawVeth(GraphicsContext g, PictureLayout layout, Part p) {
        Box v = p.box();
        Box c = layout.container(p.instance().ip());
        if (layout.compact(c)) {
            g.setStroke(theme.line());
            g.setLineWidth(theme.lineWidth() * 0.6);
            g.strokeLine(v.cx(), c.bottom(), v.cx(), v.y());
            g.setFill(theme.cellFill());
            g.fillRect(v.x(), v.y(), v.w(), v.h());
            g.strokeRect(v.x(), v.y(), v.w(), v.h());
            return;
        }
        double top = c.bottom() + theme.textSize() * 0.75;
        g.setStroke(theme.text());
        g.setLineWidth(theme.lineWidth());
        g.strokeLine(v.cx() - 6, top, v.cx() - 6, v.y());
        g.strokeLine(v.cx() + 6, top, v.cx() + 6, v.y());
        g.strokeLine(v.cx(), v.bottom(), v.cx(), layout.gate(p.cell().name()).y());
        g.setFill(theme.componentFill());
        g.fillRoundRect(v.x(), v.y(), v.w(), v.h(), 12, 12);
        g.strokeRoundRect(v.x(), v.y(), v.w(), v.h(), 12, 12);
        g.setFill(theme.text());
        g.setFont(small);
        g.setTextAlign(TextAlignment.CENTER);
        g.setTextBaseline(VPos.CENTER);
        ink.text(SafeText.line(p.instance().vethName()), v.cx(), v.cy(), v.w() - 8);
        g.setFill(theme.mutedText());
        g.setTextAlign(TextAlignment.LEFT);
        ink.text("veth", v.cx() + 14, (top + v.y()) / 2);
    }

    private void drawGate(GraphicsContext g, PictureLayout layout, Part p, Projector projector, Highlight hl) {
        Box b = p.box();
        g.setFill(theme.componentFill());
        g.fillRoundRect(b.x(), b.y(), b.w(), b.h(), 14, 14);
        g.setStroke(theme.text());
        g.setLineWidth(theme.lineWidth());
        g.strokeRoundRect(b.x(), b.y(), b.w(), b.h(), 14, 14);
        // gate bars: the rules every packet passes
        g.setLineWidth(theme.lineWidth() * 1.5);
        for (int i = 0; i < 5; i++) {
            double x = b.x() + 18 + i * 9;
            g.strokeLine(x, b.y() + 16, x, b.bottom() - 16);
        }
        g.setFill(theme.text());
        g.setFont(text);
        g.setTextAlign(TextAlignment.LEFT);
        g.setTextBaseline(VPos.TOP);
        g.setFont(Font.font("DejaVu Sans", FontWeight.BOLD, theme.textSize()));
        double room = textRoom(layout, p, b.x() + 72);
        ink.text("iptables FORWARD", b.x() + 72, b.y() + 12, room);
        if (!GateVerdict.draw(ink, theme, projector, hl, p, room)) {
            g.setFill(theme.mutedText());
            g.setFont(small);
            ink.text("out: mark by app · in: policy", b.x() + 72, b.y() + 18 + theme.textSize() * 1.2, room);
        }
    }

    /** Room for a part's text from {@code x} to the packets' lane (clear of a packet or an envelope on the rail). */
    double textRoom(PictureLayout layout, Part p, double x) {
        double half = p.kind() == PartKind.GATE ? packets.packetW() / 2 : packets.envelopeW() / 2;
        return layout.rail(p.cell().name()) - half - 10 - x;
    }

    private void drawDevice(GraphicsContext g, PictureLayout layout, Part p, String name, String detail) {
        Box b = p.box();
        g.setFill(theme.componentFill());
        g.fillRoundRect(b.x(), b.y(), b.w(), b.h(), 14, 14);
        g.setStroke(theme.text());
        g.setLineWidth(theme.lineWidth());
        g.strokeRoundRect(b.x(), b.y(), b.w(), b.h(), 14, 14);
        g.setTextAlign(TextAlignment.LEFT);
        g.setTextBaseline(VPos.TOP);
        g.setFill(theme.text());
        g.setFont(Font.font("DejaVu Sans", FontWeight.BOLD, theme.textSize()));
        double room = textRoom(layout, p, b.x() + 16);
        ink.text(SafeText.line(name), b.x() + 16, b.y() + 8, room);
        g.setFill(theme.mutedText());
        g.setFont(small);
        ink.text(SafeText.line(detail), b.x() + 16, b.y() + 14 + theme.textSize() * 1.15, room);
        g.setStroke(theme.line());
        g.setLineWidth(theme.lineWidth() * 0.75);
        g.setLineDashes(6, 6);
        double lane = b.x() + 16 + room + 6;
        g.strokeLine(lane, b.y() + 8, lane, b.bottom() - 8);
        g.setLineDashes();
    }

    private static void outline(GraphicsContext g, Box b, Color c, double width, boolean dashed) {
        g.setStroke(c);
        g.setLineWidth(width);
        if (dashed) {
            g.setLineDashes(12, 8);
        }
        g.strokeRoundRect(b.x() - 5, b.y() - 5, b.w() + 10, b.h() + 10, 20, 20);
        g.setLineDashes();
    }
}
