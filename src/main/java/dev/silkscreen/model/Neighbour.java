package dev.silkscreen.model;

/**
 * A permanent neighbour entry ({@code ip neigh}): silk-daemon writes one per remote cell on
 * {@code silk-vtep} ({@code <remote>.0 lladdr <remote VTEP MAC>}); silk-cni writes the veth's.
 */
public record Neighbour(String ip, String mac, String dev) {
    /** As {@code ip neigh show} prints it. */
    public String render() {
        return ip + " dev " + dev + " lladdr " + mac + " PERMANENT";
    }
}
