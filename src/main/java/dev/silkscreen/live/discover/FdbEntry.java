package dev.silkscreen.live.discover;

/** A forwarding entry on silk-vtep ({@code bridge -j fdb show dev silk-vtep}): remote VTEP MAC → remote underlay IP. */
public record FdbEntry(String mac, String dst, String state) {
}
