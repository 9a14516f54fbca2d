package dev.silkscreen.ui.canvas;

import dev.silkscreen.model.Cell;
import dev.silkscreen.model.Foundation;
import dev.silkscreen.model.Instance;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Where every part of a foundation goes in the picture, in world units. Cells stand side by side
 * as large boxes; inside each, from top to bottom: the containers, their veth pairs, the iptables
 * gate, {@code silk-vtep} and the underlay NIC. The underlay network runs below all cells.
 *
 * <p>World units are chosen so that two cells fill a 1920×1080 screen at a scale close to 1: text
 * sized in world units then reads at that size on a projector.
 */
public final class PictureLayout {
    static final double MARGIN = 40;
    static final double CELL_GAP = 180;
    static final double MIN_CELL_WIDTH = 800;
    static final double CONTAINER_SLOT = 300;
    static final double CELL_TOP = 16;
    static final double CONTAINER_TOP = 96;
    static final double CONTAINER_HEIGHT = 140;
    static final double VETH_TOP = 292;
    static final double VETH_HEIGHT = 52;
    static final double GATE_TOP = 392;
    static final double GATE_HEIGHT = 84;
    static final double VTEP_TOP = 536;
    static final double VTEP_HEIGHT = 76;
    static final double NIC_TOP = 664;
    static final double NIC_HEIGHT = 70;
    static final double CELL_BOTTOM = 770;
    static final double BUS_Y = 822;
    static final double WORLD_HEIGHT = 880;
    static final double DEVICE_WIDTH = 680;
    /** Distance of the packet rail from a device's right edge: packets rest right, labels read left. */
    static final double RAIL_INSET = 130;

    private final Foundation foundation;
    private final List<Part> parts = new ArrayList<>();
    private final Map<String, Box> cellBoxes = new LinkedHashMap<>();
    private final Map<String, Box> gates = new HashMap<>();
    private final Map<String, Box> vteps = new HashMap<>();
    private final Map<String, Box> nics = new HashMap<>();
    private final Map<String, Box> containers = new HashMap<>();
    private final Map<String, Box> veths = new HashMap<>();
    private final Box bus;
    private final double width;

    public PictureLayout(Foundation foundation) {
        this.foundation = foundation;
        double x = MARGIN;
        for (Cell cell : foundation.cells()) {
            List<Instance> here = foundation.instances().stream().filter(i -> i.cell().equals(cell.name())).toList();
            double w = Math.max(MIN_CELL_WIDTH, here.size() * CONTAINER_SLOT + 60);
            Box cellBox = new Box(x, CELL_TOP, w, CELL_BOTTOM - CELL_TOP);
            cellBoxes.put(cell.name(), cellBox);
            parts.add(new Part(PartKind.CELL, cellBox, cell, null));
            placeContainers(cell, cellBox, here);
            Box gate = new Box(x + 30, GATE_TOP, w - 60, GATE_HEIGHT);
            gates.put(cell.name(), gate);
            parts.add(new Part(PartKind.GATE, gate, cell, null));
            Box vtep = new Box(cellBox.cx() - DEVICE_WIDTH / 2, VTEP_TOP, DEVICE_WIDTH, VTEP_HEIGHT);
            vteps.put(cell.name(), vtep);
            parts.add(new Part(PartKind.VTEP, vtep, cell, null));
            Box nic = new Box(cellBox.cx() - DEVICE_WIDTH / 2, NIC_TOP, DEVICE_WIDTH, NIC_HEIGHT);
            nics.put(cell.name(), nic);
            parts.add(new Part(PartKind.NIC, nic, cell, null));
            x += w + CELL_GAP;
        }
        width = Math.max(x - CELL_GAP + MARGIN, 2 * MARGIN + MIN_CELL_WIDTH);
        bus = new Box(MARGIN, BUS_Y - 14, width - 2 * MARGIN, 28);
        parts.add(new Part(PartKind.UNDERLAY, bus, null, null));
    }

    private void placeContainers(Cell cell, Box cellBox, List<Instance> here) {
        if (here.isEmpty()) {
            return;
        }
        double inner = cellBox.w() - 60;
        double gap = 24;
        double cw = Math.min(360, (inner - gap * (here.size() - 1)) / here.size());
        double total = cw * here.size() + gap * (here.size() - 1);
        double x = cellBox.cx() - total / 2;
        for (Instance inst : here) {
            Box c = new Box(x, CONTAINER_TOP, cw, CONTAINER_HEIGHT);
            containers.put(inst.ip(), c);
            parts.add(new Part(PartKind.CONTAINER, c, cell, inst));
            double vw = Math.min(cw, 250);
            Box v = new Box(c.cx() - vw / 2, VETH_TOP, vw, VETH_HEIGHT);
            veths.put(inst.ip(), v);
            parts.add(new Part(PartKind.VETH, v, cell, inst));
            x += cw + gap;
        }
    }

    public Foundation foundation() {
        return foundation;
    }

    public double width() {
        return width;
    }

    public double height() {
        return WORLD_HEIGHT;
    }

    /** Every part, cells first (drawing order: later parts lie on top). */
    public List<Part> parts() {
        return Collections.unmodifiableList(parts);
    }

    public Box cellBox(String cell) {
        return cellBoxes.get(cell);
    }

    public Box gate(String cell) {
        return gates.get(cell);
    }

    public Box vtep(String cell) {
        return vteps.get(cell);
    }

    public Box nic(String cell) {
        return nics.get(cell);
    }

    /** The container box of the instance with this overlay IP, or null. */
    public Box container(String ip) {
        return containers.get(ip);
    }

    /** The host-side veth box of the instance with this overlay IP, or null. */
    public Box veth(String ip) {
        return veths.get(ip);
    }

    /** x of the cell's packet rail through gate, silk-vtep and NIC. */
    public double rail(String cell) {
        return vteps.get(cell).right() - RAIL_INSET;
    }

    public Box bus() {
        return bus;
    }

    /** The top-most part under a world point (containers before their cell), or null. */
    public Part partAt(double x, double y) {
        for (int i = parts.size() - 1; i >= 0; i--) {
            Part p = parts.get(i);
            if (p.box().contains(x, y)) {
                return p;
            }
        }
        return null;
    }
}
