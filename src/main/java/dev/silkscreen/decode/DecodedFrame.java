package dev.silkscreen.decode;

/**
 * The result of decoding one frame: a reusable flyweight filled in place by {@link FrameDecoder}
 * (no allocation per frame). Addresses are {@code int} (IPv4) or {@code long} (MAC, low 48 bits).
 * Fields that do not apply hold their "absent" value (-1, or false for flags).
 *
 * <p>When the frame is VXLAN-encapsulated, the {@code outer*} fields describe the underlay
 * IPv4/UDP header and {@code vxlan*}/{@code gbp}; the unprefixed fields always describe the
 * <em>innermost</em> packet. Byte offsets into the frame's array are kept for the inspector.
 *
 * <p>CONTRACT shared by decode, trace, sim tests, live and ui: fields may be added, not renamed.
 */
public final class DecodedFrame {
    // ---- frame ----
    public int linkType;
    public int capLen;
    public int origLen;
    /** 802.1Q VLAN id of the outermost frame, -1 when untagged. */
    public int vlan;

    // ---- outer (underlay) headers, when encapsulated ----
    public boolean encapsulated;
    public long outerSrcMac;
    public long outerDstMac;
    public int outerSrc;
    public int outerDst;
    public int outerTtl;
    public int outerIpId;
    public int outerSport;
    public int outerDport;
    /** VXLAN flags byte (0x08 = I; 0x88 = G + I). */
    public int vxlanFlags;
    public int vni;
    /** Group Policy ID (the source app's tag), -1 when the G flag is clear. */
    public int gbp;
    /** GBP "Don't Learn" bit. */
    public boolean gbpD;
    /** GBP "Policy Applied" bit. */
    public boolean gbpA;

    // ---- innermost Ethernet (or cooked header) ----
    public long srcMac;
    public long dstMac;
    public int etherType;

    // ---- innermost network layer ----
    /** 4 for IPv4, 6 for IPv6 (header only, then decoding stops politely), 0 otherwise. */
    public int ipVersion;
    public int src;
    public int dst;
    /** IP protocol number (6 TCP, 17 UDP, 1 ICMP), -1 when none. */
    public int ipProto;
    public int ipId;
    public int ttl;
    public int ipTotalLen;
    public int ipHeaderLen;
    public boolean dontFragment;
    public boolean moreFragments;
    /** Fragment offset in bytes. */
    public int fragOffset;

    // ---- innermost transport ----
    public int sport;
    public int dport;
    /** TCP flag bits as on the wire (FIN 0x01, SYN 0x02, RST 0x04, PSH 0x08, ACK 0x10, URG 0x20, ECE 0x40, CWR 0x80). */
    public int tcpFlags;
    public long seq;
    public long ack;
    public int tcpWindow;
    /** Transport payload length (TCP/UDP/ICMP), computed from the IP total length, -1 when unknown. */
    public int payloadLen;
    public int icmpType;
    public int icmpCode;
    public int icmpId;
    public int icmpSeq;

    // ---- the packet quoted by an ICMP error (IP header + first 8 bytes) ----
    public boolean hasQuoted;
    public int quotedSrc;
    public int quotedDst;
    public int quotedProto;
    public int quotedIpId;
    public int quotedSport;
    public int quotedDport;
    /** Quoted TCP sequence number, -1 when not TCP. */
    public long quotedSeq;

    // ---- ARP ----
    public int arpOp;
    public long arpSha;
    public int arpSpa;
    public long arpTha;
    public int arpTpa;

    // ---- offsets into the frame's bytes (-1 when absent), for the inspector ----
    public int outerIpOffset;
    public int vxlanOffset;
    public int innerEthOffset;
    public int ipOffset;
    public int l4Offset;
    public int payloadOffset;

    // ---- where decoding stopped ----
    /** Null when the frame decoded fully; otherwise a constant saying where and why it stopped. */
    public String malformed;
    /** True when the capture was cut by the snap length before the decoder was done. */
    public boolean truncated;
}
