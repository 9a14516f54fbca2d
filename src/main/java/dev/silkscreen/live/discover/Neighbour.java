package dev.silkscreen.live.discover;

/** A neighbour entry on silk-vtep ({@code ip -j neigh show dev silk-vtep}): remote VTEP address → VTEP MAC. */
public record Neighbour(String ip, String mac, String state) {
}
