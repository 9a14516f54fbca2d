package dev.silkscreen.model;

/** What kind of interface a capture point is, by silk's naming. */
public enum PointKind {
    /** A container's host-side veth, {@code s-} + the zero-padded container IP. */
    CONTAINER_VETH,
    /** The cell's VXLAN device. */
    VTEP,
    /** The cell's underlay NIC (eth0, ens4, bond0 ...). */
    UNDERLAY,
    /** Loopback or {@code any}: not on the c2c path. */
    OTHER;

    public static PointKind of(String iface) {
        if (iface.startsWith("s-")) {
            return CONTAINER_VETH;
        }
        if (iface.equals("silk-vtep")) {
            return VTEP;
        }
        if (iface.equals("lo") || iface.equals("any")) {
            return OTHER;
        }
        return UNDERLAY;
    }
}
