package dev.silkscreen.model;

/**
 * The eleven steps of a c2c packet's path (cf-networking onboarding), numbered 1-11.
 * {@code ../shared/SILK.md} is the reference.
 */
public enum Stage {
    REQUEST(1, "Request", "AppB makes a request to AppA's overlay IP: the overlay (c2c) packet."),
    VETH_OUT(2, "Leave container", "The packet leaves the app container through its veth pair."),
    MARK(3, "Mark", "iptables marks the packet with the source app's tag."),
    TO_VTEP(4, "To silk-vtep", "Overlay traffic is routed to silk-vtep, the cell's VXLAN device."),
    ENCAPSULATE(5, "Encapsulate", "The overlay packet is wrapped in an underlay packet to the destination cell."),
    LEAVE_CELL(6, "Leave cell", "The underlay packet leaves the cell through its NIC."),
    UNDERLAY(7, "Underlay", "It crosses the physical underlay network."),
    ARRIVE_CELL(8, "Arrive", "It arrives at the destination cell's NIC."),
    DECAPSULATE(9, "Decapsulate", "silk-vtep unwraps it: the overlay packet again, its mark from the GBP ID."),
    POLICY(10, "Policy check", "iptables checks, by the mark, that the source app may reach the destination."),
    DELIVER(11, "Deliver", "Allowed: delivered to the destination container. Denied: rejected.");

    private final int number;
    private final String title;
    private final String summary;

    Stage(int number, String title, String summary) {
        this.number = number;
        this.title = title;
        this.summary = summary;
    }

    public int number() {
        return number;
    }

    public String title() {
        return title;
    }

    public String summary() {
        return summary;
    }

    /** Stage by its 1-based number. */
    public static Stage of(int number) {
        if (number < 1 || number > 11) {
            throw new IllegalArgumentException("step must be 1-11, was " + number);
        }
        return values()[number - 1];
    }
}
