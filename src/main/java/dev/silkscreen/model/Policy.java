package dev.silkscreen.model;

/**
 * A c2c network policy: {@code cf add-network-policy SRC --destination-app DST --protocol P --port A-B}.
 *
 * @param protocol tcp, udp or icmp (icmp has no ports)
 */
public record Policy(String srcApp, String dstApp, String protocol, int portStart, int portEnd) {
    public boolean admits(String proto, int port) {
        if (!protocol.equalsIgnoreCase(proto)) {
            return false;
        }
        return "icmp".equalsIgnoreCase(proto) || (port >= portStart && port <= portEnd);
    }

    public String portText() {
        return portStart == portEnd ? Integer.toString(portStart) : portStart + "-" + portEnd;
    }
}
