package dev.silkscreen.live.discover;

/** One IPv4 route from {@code ip -j route}: destination (CIDR, or {@code default}), gateway (or null), device. */
public record Route(String dst, String gateway, String dev) {
}
