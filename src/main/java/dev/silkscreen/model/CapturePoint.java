package dev.silkscreen.model;

import java.util.Objects;

/**
 * Where a frame was captured: one interface on one cell, named {@code CELL:IFACE}
 * (e.g. {@code cell1:silk-vtep}, {@code cell2:s-010255002007}, {@code cell1:eth0}).
 */
public record CapturePoint(String cell, String iface) implements Comparable<CapturePoint> {

    public CapturePoint {
        Objects.requireNonNull(cell, "cell");
        Objects.requireNonNull(iface, "iface");
    }

    /** Parses {@code CELL:IFACE}; an interface alone gets an empty cell. */
    public static CapturePoint parse(String name) {
        int colon = name.indexOf(':');
        if (colon < 0) {
            return new CapturePoint("", name);
        }
        return new CapturePoint(name.substring(0, colon), name.substring(colon + 1));
    }

    public String name() {
        return cell.isEmpty() ? iface : cell + ":" + iface;
    }

    public PointKind kind() {
        return PointKind.of(iface);
    }

    @Override
    public int compareTo(CapturePoint o) {
        int c = cell.compareTo(o.cell);
        return c != 0 ? c : iface.compareTo(o.iface);
    }

    @Override
    public String toString() {
        return name();
    }
}
