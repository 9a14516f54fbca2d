package dev.silkscreen.model;

/** An overlay flow's 5-tuple as shown to people ({@code proto}: tcp, udp, icmp ...). Ports 0 when none. */
public record Flow(String src, int sport, String dst, int dport, String proto) {
}
