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
    /**
     * Linux cooked capture packet type (0 to us, 1 broadcast, 2 multicast, 3 to another host,
     * 4 sent by us), -1 when the link type is not cooked.
     */
    public int sllPacketType;
    /** Linux cooked capture v2 interface index, -1 when absent. */
    public int ifIndex;

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
    /** Next-hop MTU of an ICMP "fragmentation needed" (type 3 code 4, RFC 1191: header bytes 6-7), -1 otherwise. */
    public int icmpNextHopMtu;

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

    // ---- the frame's bytes (a reference, not a copy), for the field registry ----
    /** The array the frame was decoded from (not copied); null before the first decode. */
    public byte[] data;
    /** Where the frame starts in {@link #data}. */
    public int dataStart;
    /** Where its captured bytes end in {@link #data} (exclusive). */
    public int dataEnd;

    // ---- offsets into the frame's bytes (-1 when absent), for the inspector and the field registry ----
    /** The ARP header, -1 when the frame is not ARP. */
    public int arpOffset;
    /** The IPv4 header an ICMP error quotes, -1 when none. */
    public int quotedIpOffset;
    /** The transport header after it, -1 when none. */
    public int quotedL4Offset;
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

    /** Sets every field to its "absent" value. Called by the decoder before each frame. */
    public void clear() {
        linkType = -1;
        data = null;
        dataStart = 0;
        dataEnd = 0;
        capLen = 0;
        origLen = 0;
        vlan = -1;
        sllPacketType = -1;
        ifIndex = -1;
        encapsulated = false;
        outerSrcMac = -1L;
        outerDstMac = -1L;
        outerSrc = 0;
        outerDst = 0;
        outerTtl = -1;
        outerIpId = -1;
        outerSport = -1;
        outerDport = -1;
        vxlanFlags = -1;
        vni = -1;
        gbp = -1;
        gbpD = false;
        gbpA = false;
        outerIpOffset = -1;
        vxlanOffset = -1;
        innerEthOffset = -1;
        clearInner();
        malformed = null;
        truncated = false;
    }

    /**
     * Moves the current (so far innermost) Ethernet/IPv4/UDP fields to the {@code outer*} fields
     * and clears them, so the encapsulated frame can be decoded into the unprefixed fields.
     */
    void moveToOuter() {
        encapsulated = true;
        outerSrcMac = srcMac;
        outerDstMac = dstMac;
        outerSrc = src;
        outerDst = dst;
        outerTtl = ttl;
        outerIpId = ipId;
        outerSport = sport;
        outerDport = dport;
        outerIpOffset = ipOffset;
        clearInner();
    }

    private void clearInner() {
        srcMac = -1L;
        dstMac = -1L;
        etherType = -1;
        ipVersion = 0;
        src = 0;
        dst = 0;
        ipProto = -1;
        ipId = -1;
        ttl = -1;
        ipTotalLen = -1;
        ipHeaderLen = -1;
        dontFragment = false;
        moreFragments = false;
        fragOffset = -1;
        sport = -1;
        dport = -1;
        tcpFlags = -1;
        seq = -1L;
        ack = -1L;
        tcpWindow = -1;
        payloadLen = -1;
        icmpType = -1;
        icmpCode = -1;
        icmpId = -1;
        icmpSeq = -1;
        icmpNextHopMtu = -1;
        hasQuoted = false;
        quotedSrc = 0;
        quotedDst = 0;
        quotedProto = -1;
        quotedIpId = -1;
        quotedSport = -1;
        quotedDport = -1;
        quotedSeq = -1L;
        arpOp = -1;
        arpSha = -1L;
        arpSpa = 0;
        arpTha = -1L;
        arpTpa = 0;
        ipOffset = -1;
        l4Offset = -1;
        payloadOffset = -1;
        arpOffset = -1;
        quotedIpOffset = -1;
        quotedL4Offset = -1;
    }

    /** True when the G flag was set: {@link #gbp} holds the Group Policy ID. */
    public boolean hasGbp() {
        return gbp >= 0;
    }

    /** True when the innermost packet is IPv4 (so {@link #src}/{@link #dst} are addresses). */
    public boolean isIpv4() {
        return ipVersion == 4;
    }
}
