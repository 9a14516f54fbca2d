package dev.silkscreen.model;

/**
 * One entry of a cell's main routing table, as {@code ip route} prints it.
 *
 * @param destination CIDR ({@code 10.255.2.0/24}, {@code 10.255.0.0/16}, a /32 for a container) or
 *                    {@code default}
 * @param via         gateway, or null for an on-link route
 * @param dev         output device
 * @param src         preferred source address, or null
 * @param origin      who wrote it: {@code kernel} (connected route), {@code silk-daemon}, {@code silk-cni},
 *                    {@code bosh} (underlay)
 */
public record Route(String destination, String via, String dev, String src, String origin) {

    public int network() {
        if (destination.equals("default")) {
            return 0;
        }
        int slash = destination.indexOf('/');
        return Ipv4.parse(slash < 0 ? destination : destination.substring(0, slash));
    }

    public int prefix() {
        if (destination.equals("default")) {
            return 0;
        }
        int slash = destination.indexOf('/');
        return slash < 0 ? 32 : Integer.parseInt(destination.substring(slash + 1));
    }

    public boolean matches(int ip) {
        return Ipv4.inSubnet(ip, network(), prefix());
    }

    /** The line {@code ip route} prints, e.g. {@code 10.255.2.0/24 via 10.255.2.0 dev silk-vtep src 10.255.1.0}. */
    public String render() {
        StringBuilder sb = new StringBuilder(destination.endsWith("/32") ? destination.substring(0, destination.length() - 3) : destination);
        if (via != null) {
            sb.append(" via ").append(via);
        }
        sb.append(" dev ").append(dev);
        if ("kernel".equals(origin)) {
            sb.append(" proto kernel");
        }
        if (via == null && !destination.equals("default")) {
            sb.append(" scope link");
        }
        if (src != null) {
            sb.append(" src ").append(src);
        }
        return sb.toString();
    }
}
