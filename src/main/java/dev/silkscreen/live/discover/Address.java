package dev.silkscreen.live.discover;

/** One IPv4 address from {@code ip -j addr}: {@code local}, the point-to-point {@code peer} (or null), prefix length and scope. */
public record Address(String iface, String local, String peer, int prefix, String scope) {
}
