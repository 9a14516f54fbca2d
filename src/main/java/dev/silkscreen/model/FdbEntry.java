package dev.silkscreen.model;

/**
 * A VXLAN forwarding-database entry on {@code silk-vtep}: frames to {@code mac} are encapsulated to
 * the underlay address {@code dst}. silk-daemon writes one per remote cell.
 */
public record FdbEntry(String mac, String dst, String dev) {
    /** As {@code bridge fdb show dev silk-vtep} prints it. */
    public String render() {
        return mac + " dev " + dev + " dst " + dst + " self permanent";
    }
}
