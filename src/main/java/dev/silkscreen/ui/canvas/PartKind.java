package dev.silkscreen.ui.canvas;

/** The parts of the picture a person can point at. */
public enum PartKind {
    /** A Diego cell (the large box). */
    CELL,
    /** An app instance's container (its network namespace). */
    CONTAINER,
    /** A container's veth pair: {@code eth0} inside, {@code s-…} on the host. */
    VETH,
    /** The cell's iptables FORWARD rules: mark on the way out, policy check on the way in. */
    GATE,
    /** The cell's VXLAN device {@code silk-vtep}. */
    VTEP,
    /** The cell's underlay NIC. */
    NIC,
    /** The physical network between the cells. */
    UNDERLAY
}
