package dev.silkscreen.model;

/** pcap LINKTYPE_ values the decoder understands (https://www.tcpdump.org/linktypes.html). */
public final class LinkType {
    public static final int ETHERNET = 1;
    /** LINKTYPE_RAW: raw IPv4/IPv6, version from the first nibble. */
    public static final int RAW = 101;
    /** Linux cooked capture v1 ({@code tcpdump -i any}, older tcpdump). */
    public static final int LINUX_SLL = 113;
    public static final int IPV4 = 228;
    /** Linux cooked capture v2 ({@code tcpdump -i any}, tcpdump 4.99+). */
    public static final int LINUX_SLL2 = 276;

    private LinkType() {
    }

    public static String name(int linkType) {
        return switch (linkType) {
            case ETHERNET -> "EN10MB";
            case RAW -> "RAW";
            case LINUX_SLL -> "LINUX_SLL";
            case IPV4 -> "IPV4";
            case LINUX_SLL2 -> "LINUX_SLL2";
            default -> "LINKTYPE_" + linkType;
        };
    }
}
