package dev.silkscreen.model;

import java.util.Locale;

/** Names and MAC addresses as silk-cni and silk-daemon make them (see SILK.md "Addressing"). */
public final class SilkNames {
    /** silk-controller's overlay network. */
    public static final String OVERLAY_NETWORK = "10.255.0.0/16";
    public static final int OVERLAY_BASE = 0x0AFF0000;
    public static final int OVERLAY_PREFIX = 16;
    /** Host side of every container veth. */
    public static final String VETH_HOST_IP = "169.254.0.1";
    public static final String VTEP_IFACE = "silk-vtep";
    /** Ethernet + IPv4 + UDP + VXLAN overhead subtracted from the underlay MTU. */
    public static final int VXLAN_OVERHEAD = 50;
    public static final int VXLAN_PORT = 4789;
    public static final int VNI = 1;

    private SilkNames() {
    }

    /** Host-side veth: {@code s-} and the container IP zero-padded, 10.255.211.40 → s-010255211040. */
    public static String vethName(int containerIp) {
        return String.format(Locale.ROOT, "s-%03d%03d%03d%03d",
                (containerIp >>> 24) & 0xff, (containerIp >>> 16) & 0xff, (containerIp >>> 8) & 0xff, containerIp & 0xff);
    }

    /** Container IP from a host-side veth name, or -1 when the name is not silk's. */
    public static int containerIpOfVeth(String iface) {
        if (iface.length() != 14 || !iface.startsWith("s-")) {
            return -1;
        }
        int ip = 0;
        for (int i = 0; i < 4; i++) {
            int o = 0;
            for (int j = 0; j < 3; j++) {
                char c = iface.charAt(2 + i * 3 + j);
                if (c < '0' || c > '9') {
                    return -1;
                }
                o = o * 10 + (c - '0');
            }
            if (o > 255) {
                return -1;
            }
            ip = (ip << 8) | o;
        }
        return ip;
    }

    /** Container side MAC: {@code ee:ee:} + the IP's four bytes. */
    public static long containerMac(int containerIp) {
        return 0xEEEE_0000_0000L | (containerIp & 0xFFFF_FFFFL);
    }

    /** Host-side veth MAC: {@code aa:aa:} + the container IP's four bytes. */
    public static long hostVethMac(int containerIp) {
        return 0xAAAA_0000_0000L | (containerIp & 0xFFFF_FFFFL);
    }

    /** VTEP MAC: {@code ee:ee:} + the cell's subnet address (10.255.82.0 → ee:ee:0a:ff:52:00). */
    public static long vtepMac(int subnetAddress) {
        return 0xEEEE_0000_0000L | (subnetAddress & 0xFFFF_FFFFL);
    }

    public static String formatMac(long mac) {
        StringBuilder sb = new StringBuilder(17);
        for (int i = 5; i >= 0; i--) {
            int b = (int) (mac >>> (i * 8)) & 0xff;
            sb.append(Character.forDigit(b >>> 4, 16)).append(Character.forDigit(b & 0xf, 16));
            if (i > 0) {
                sb.append(':');
            }
        }
        return sb.toString();
    }

    public static long parseMac(String text) {
        String[] parts = text.split(":");
        if (parts.length != 6) {
            throw new IllegalArgumentException("not a MAC address: " + text);
        }
        long v = 0;
        for (String p : parts) {
            v = (v << 8) | Integer.parseInt(p, 16);
        }
        return v;
    }

    /** Tag as policy-server writes it: four upper-case hex digits. */
    public static String tagHex(int tag) {
        return String.format(Locale.ROOT, "%04X", tag & 0xFFFF);
    }

    public static boolean isOverlay(int ip) {
        return Ipv4.inSubnet(ip, OVERLAY_BASE, OVERLAY_PREFIX);
    }
}
