package dev.silkscreen.decode;

/**
 * Where and why decoding stopped, as constant strings (no allocation per frame) for
 * {@link DecodedFrame#malformed}. Each layer has a "cut" message (the capture's snap length ended
 * the bytes: {@link DecodedFrame#truncated} is set too) and a "short" one (the frame itself is
 * shorter than the header it claims: the bytes are really wrong).
 */
public final class Malformed {
    public static final String BAD_BOUNDS = "frame: offset/length outside the buffer";
    public static final String UNSUPPORTED_LINK = "frame: link type not supported";
    public static final String ETHERNET_CUT = "ethernet: header cut by the snap length";
    public static final String ETHERNET_SHORT = "ethernet: frame shorter than its 14-byte header";
    public static final String VLAN_CUT = "802.1q: tag cut by the snap length";
    public static final String VLAN_SHORT = "802.1q: frame shorter than its 4-byte tag";
    public static final String SLL_CUT = "sll: cooked header cut by the snap length";
    public static final String SLL_SHORT = "sll: frame shorter than its 16-byte cooked header";
    public static final String SLL2_CUT = "sll2: cooked header cut by the snap length";
    public static final String SLL2_SHORT = "sll2: frame shorter than its 20-byte cooked header";
    public static final String RAW_EMPTY = "raw: no IP version nibble";
    public static final String RAW_VERSION = "raw: IP version is neither 4 nor 6";
    public static final String IPV4_CUT = "ipv4: header cut by the snap length";
    public static final String IPV4_SHORT = "ipv4: packet shorter than its header";
    public static final String IPV4_VERSION = "ipv4: version field is not 4";
    public static final String IPV4_IHL = "ipv4: header length below 20 bytes";
    public static final String IPV4_TOTAL_LEN = "ipv4: total length smaller than the header";
    public static final String IPV4_BEYOND = "ipv4: total length beyond the end of the frame";
    public static final String IPV6_CUT = "ipv6: header cut by the snap length";
    public static final String IPV6_SHORT = "ipv6: packet shorter than its 40-byte header";
    public static final String IPV6_VERSION = "ipv6: version field is not 6";
    public static final String UDP_CUT = "udp: header cut by the snap length";
    public static final String UDP_SHORT = "udp: datagram shorter than its 8-byte header";
    public static final String TCP_CUT = "tcp: header cut by the snap length";
    public static final String TCP_SHORT = "tcp: segment shorter than its header";
    public static final String TCP_OFFSET = "tcp: data offset below 20 bytes";
    public static final String ICMP_CUT = "icmp: header cut by the snap length";
    public static final String ICMP_SHORT = "icmp: message shorter than its 8-byte header";
    public static final String ICMP_QUOTE_CUT = "icmp: quoted packet cut by the snap length";
    public static final String ICMP_QUOTE_SHORT = "icmp: quoted packet shorter than an IPv4 header";
    public static final String ICMP_QUOTE_VERSION = "icmp: quoted packet is not IPv4";
    public static final String ARP_CUT = "arp: message cut by the snap length";
    public static final String ARP_SHORT = "arp: message shorter than its 28 bytes";
    public static final String VXLAN_CUT = "vxlan: header cut by the snap length";
    public static final String VXLAN_SHORT = "vxlan: datagram shorter than its 8-byte header";
    public static final String VXLAN_TOO_DEEP = "vxlan: encapsulation nested too deep";

    private Malformed() {
    }
}
