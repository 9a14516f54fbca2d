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
    static final double MARGIN = 30;
    /** Room left of the first column for the trunk joining the rows' buses. */
    static final double TRUNK_SPACE = 70;
    static final double CELL_GAP = 110;
    /** Room at a cell's right for the packets' lane: they rest there beside each part, never on its text. */
    static final double LANE = 300;
    /** Distance of the lane's centre line (the rail) from the cell's right edge. */
    static final double RAIL_FROM_RIGHT = 160;
    static final double MIN_CELL_WIDTH = 800;
    static final double CONTAINER_SLOT = 300;
    static final double CONTAINER_WIDTH = 280;
    /** Up to this many containers per cell are drawn full size; more go in a grid of small ones. */
    static final int MAX_FULL_CONTAINERS = 4;
    static final int COMPACT_PER_ROW = 3;
    static final double CELL_TOP = 16;
    static final double CONTAINER_TOP = 96;
    static final double CONTAINER_HEIGHT = 140;
    static final double VETH_TOP = 292;
    static final double VETH_HEIGHT = 52;
    static final double GATE_TOP = 392;
    static final double GATE_HEIGHT = 84;
    static final double VTEP_TOP = 560;
    static final double VTEP_HEIGHT = 76;
    static final double NIC_TOP = 676;
    static final double NIC_HEIGHT = 68;
    static final double CELL_BOTTOM = 770;
    static final double BUS_Y = 800;
    static final double WORLD_HEIGHT = 900;

    private final Foundation foundation;
    private final List<Part> parts = new ArrayList<>();
    private final Map<String, Box> cellBoxes = new LinkedHashMap<>();
    private final Map<String, Box> gates = new HashMap<>();
    private final Map<String, Box> vteps = new HashMap<>();
    private final Map<String, Box> nics = new HashMap<>();
    private final Map<String, Box> containers = new HashMap<>();
    private final Map<String, Box> veths = new HashMap<>();
    private final Map<String, Box> rowBus = new HashMap<>();
    private final List<Box> buses = new ArrayList<>();
    private final Box trunk;
    private final double width;
    private final double height;

    public PictureLayout(Foundation foundation) {
        this.foundation = foundation;
        List<Cell> cells = foundation.cells();
        int columns = columns(cells.size());
        double rowRight = 0;
        double left = cells.size() > columns ? TRUNK_SPACE : MARGIN;
        double x = left;
        int row = 0;
        List<String> rowCells = new ArrayList<>();
        for (int i = 0; i < cells.size(); i++) {
            Cell cell = cells.get(i);
            if (i > 0 && i % columns == 0) {
                closeRow(row, rowCells, x - CELL_GAP);
                rowRight = Math.max(rowRight, x - CELL_GAP);
                row++;
                x = left;
                rowCells.clear();
            }
            double top = row * WORLD_HEIGHT;
            List<Instance> here = foundation.instances().stream().filter(in -> in.cell().equals(cell.name())).toList();
            double w = here.size() > MAX_FULL_CONTAINERS ? MIN_CELL_WIDTH
                    : Math.max(MIN_CELL_WIDTH, here.size() * CONTAINER_SLOT + 40 + LANE);
            Box cellBox = new Box(x, top + CELL_TOP, w, CELL_BOTTOM - CELL_TOP);
            cellBoxes.put(cell.name(), cellBox);
            parts.add(new Part(PartKind.CELL, cellBox, cell, null));
            placeContainers(cell, cellBox, here);
            Box gate = new Box(x + 30, top + GATE_TOP, w - 60, GATE_HEIGHT);
            gates.put(cell.name(), gate);
            parts.add(new Part(PartKind.GATE, gate, cell, null));
            Box vtep = new Box(x + 30, top + VTEP_TOP, w - 60, VTEP_HEIGHT);
            vteps.put(cell.name(), vtep);
            parts.add(new Part(PartKind.VTEP, vtep, cell, null));
            Box nic = new Box(x + 30, top + NIC_TOP, w - 60, NIC_HEIGHT);
            nics.put(cell.name(), nic);
            parts.add(new Part(PartKind.NIC, nic, cell, null));
            rowCells.add(cell.name());
            x += w + CELL_GAP;
        }
        closeRow(row, rowCells, Math.max(x - CELL_GAP, left + MIN_CELL_WIDTH));
        rowRight = Math.max(rowRight, Math.max(x - CELL_GAP, left + MIN_CELL_WIDTH));
        width = rowRight + MARGIN;
        height = (row + 1) * WORLD_HEIGHT;
        trunk = row == 0 ? null : new Box(MARGIN - 14, buses.get(0).cy(), 28, buses.get(row).cy() - buses.get(0).cy());
        if (trunk != null) {
            parts.add(new Part(PartKind.UNDERLAY, trunk, null, null));
        }
    }

    /** Cells per row: all in one row up to three, else a grid about as wide as a screen. */
    static int columns(int cells) {
        return cells <= 3 ? Math.max(1, cells) : (int) Math.ceil(Math.sqrt(cells * 1.4));
    }

    private void closeRow(int row, List<String> rowCells, double right) {
        double y = row * WORLD_HEIGHT + BUS_Y;
        Box b = new Box(MARGIN - 14, y - 14, right - MARGIN + 28, 28);
        buses.add(b);
        for (String c : rowCells) {
            rowBus.put(c, b);
        }
        parts.add(new Part(PartKind.UNDERLAY, b, null, null));
    }

    private void placeContainers(Cell cell, Box cellBox, List<Instance> here) {
        if (here.isEmpty()) {
            return;
        }
        double top = cellBox.y() - CELL_TOP;
        double inner = cellBox.w() - 60;
        double gap = CONTAINER_SLOT - CONTAINER_WIDTH;
        if (here.size() <= MAX_FULL_CONTAINERS) {
            // full-size containers stand left of the packets' lane
            double cw = CONTAINER_WIDTH;
            double room = cellBox.w() - LANE - 40;
            double total = cw * here.size() + gap * (here.size() - 1);
            double x = cellBox.x() + 30 + Math.max(0, (room - total) / 2);
            for (Instance inst : here) {
                Box c = new Box(x, top + CONTAINER_TOP, cw, CONTAINER_HEIGHT);
                double vw = Math.min(cw, 250);
                place(cell, inst, c, new Box(c.cx() - vw / 2, top + VETH_TOP, vw, VETH_HEIGHT));
                x += cw + gap;
            }
            return;
        }
        // many containers: a grid of small ones, each with its veth just below
        int perRow = COMPACT_PER_ROW;
        int rows = (int) Math.ceil(here.size() / (double) perRow);
        double band = VETH_TOP + VETH_HEIGHT - CONTAINER_TOP;
        double slot = band / rows;
        double cg = 10;
        double cw = (inner - LANE - cg * (perRow - 1)) / perRow;
        for (int i = 0; i < here.size(); i++) {
            double x = cellBox.x() + 30 + (i % perRow) * (cw + cg);
            double y = top + CONTAINER_TOP + (i / perRow) * slot;
            Box c = new Box(x, y, cw, slot * 0.56);
            place(cell, here.get(i), c, new Box(x + cw * 0.1, y + slot * 0.62, cw * 0.8, slot * 0.3));
        }
    }

    private void place(Cell cell, Instance inst, Box container, Box veth) {
        containers.put(inst.ip(), container);
        parts.add(new Part(PartKind.CONTAINER, container, cell, inst));
        veths.put(inst.ip(), veth);
        parts.add(new Part(PartKind.VETH, veth, cell, inst));
    }

    /** Cells in the widest row. */
    public int columns() {
        return columns(foundation.cells().size());
    }

    /**
     * The follow view around {@code cell}: it and one neighbour in its row (toward {@code toward}
     * when that is in the same row), the row's full height; null when the cell is unknown.
     */
    public Box focus(String cell, String toward) {
        List<String> names = new ArrayList<>(cellBoxes.keySet());
        int i = names.indexOf(cell);
        if (i < 0) {
            return null;
        }
        int cols = columns();
        int row = i / cols;
        int first = row * cols;
        int last = Math.min(names.size(), first + cols) - 1;
        int t = toward == null ? -1 : names.indexOf(toward);
        int other;
        if (t >= first && t <= last && t != i) {
            other = t > i ? i + 1 : i - 1;
        } else {
            other = i < last ? i + 1 : i - 1;
        }
        Box a = cellBoxes.get(names.get(i));
        Box b = other >= first && other <= last ? cellBoxes.get(names.get(other)) : a;
        double left = Math.min(a.x(), b.x()) - CELL_GAP / 2;
        double right = Math.max(a.right(), b.right()) + CELL_GAP / 2;
        return new Box(left, row * WORLD_HEIGHT, right - left, WORLD_HEIGHT);
    }

    /** Whether containers on this foundation's cells are drawn small (many per cell). */
    public boolean compact(Box container) {
        return container.h() < CONTAINER_HEIGHT * 0.8;
    }

    public Foundation foundation() {
        return foundation;
    }

    public double width() {
        return width;
    }

    public double height() {
        return height;
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

    /** x of the cell's packet rail: the centre of its lane, through gate, silk-vtep and NIC. */
    public double rail(String cell) {
        return cellBoxes.get(cell).right() - RAIL_FROM_RIGHT;
    }

    /** The left edge of the cell's packet lane: parts keep their texts left of it. */
    public double laneLeft(String cell) {
        return cellBoxes.get(cell).right() - LANE;
    }

    /** The underlay bus of the first row (where packets from unknown places enter). */
    public Box bus() {
        return buses.get(0);
    }

    /** The underlay bus below the cell's row. */
    public Box bus(String cell) {
        return rowBus.getOrDefault(cell, buses.get(0));
    }

    /** Every row's bus. */
    public List<Box> buses() {
        return Collections.unmodifiableList(buses);
    }

    /** The vertical link joining the rows' buses, or null with one row. */
    public Box trunk() {
        return trunk;
    }

    /** The underlay route from one cell's NIC to another's: down to the bus, along, across rows, up. */
    public List<Point> underlayRoute(String from, String to) {
        List<Point> route = new ArrayList<>();
        Box a = bus(from);
        Box b = bus(to);
        route.add(new Point(rail(from), nic(from).cy()));
        route.add(new Point(rail(from), a.cy()));
        if (a != b) {
            double tx = trunk.cx();
            route.add(new Point(tx, a.cy()));
            route.add(new Point(tx, b.cy()));
        }
        route.add(new Point(rail(to), b.cy()));
        route.add(new Point(rail(to), nic(to).cy()));
        return route;
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
