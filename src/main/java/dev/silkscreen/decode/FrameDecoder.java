package dev.silkscreen.decode;

import dev.silkscreen.model.Frame;
import dev.silkscreen.model.LinkType;

/**
 * Decodes one captured frame into a reused {@link DecodedFrame}: zero-copy over the frame's bytes,
 * no allocation per frame, and never an exception for bad bytes (a problem becomes
 * {@link DecodedFrame#malformed}, a cut by the snap length also {@link DecodedFrame#truncated}).
 *
 * <p>Link types: Ethernet II (802.1Q / 802.1ad tags), Linux cooked capture v1 and v2, raw IP.
 * Layers: IPv4, IPv6 (header only), UDP, TCP, ICMP (with the quoted packet of errors), ARP and
 * VXLAN-GBP on the UDP ports mapped to {@link UdpPayload#VXLAN} (4789 by default), whose inner
 * Ethernet frame is decoded in turn.
 *
 * <p>The UDP port table works like Wireshark's "decode as": {@link #decodeUdpPortAs} changes what
 * a port carries. A datagram is looked up by destination port first, then by source port.
 *
 * <p>Not thread-safe: use one decoder (and one {@link DecodedFrame}) per thread.
 */
public final class FrameDecoder {
    /** The IANA VXLAN port, which Silk's {@code silk-vtep} uses. */
    public static final int VXLAN_PORT = 4789;
    /** VXLAN inside VXLAN is followed this many levels deep, then decoding stops. */
    static final int MAX_ENCAPSULATION_DEPTH = 4;

    static final int ETHERTYPE_IPV4 = 0x0800;
    static final int ETHERTYPE_ARP = 0x0806;
    static final int ETHERTYPE_IPV6 = 0x86DD;
    static final int ETHERTYPE_VLAN = 0x8100;
    static final int ETHERTYPE_QINQ = 0x88A8;

    private static final byte VXLAN = (byte) UdpPayload.VXLAN.ordinal();
    private final byte[] udpPorts = new byte[65536];

    // Per-frame state, set by decode().
    private int capEnd;
    private int origEnd;
    private boolean capCut;
    int depth;

    /** A decoder with VXLAN on UDP port 4789. */
    public FrameDecoder() {
        this(VXLAN_PORT);
    }

    /** A decoder with VXLAN on {@code vxlanPort} (and on no other port). */
    public FrameDecoder(int vxlanPort) {
        decodeUdpPortAs(vxlanPort, UdpPayload.VXLAN);
    }

    /** Decode UDP datagrams to or from {@code port} as {@code payload} from now on. */
    public void decodeUdpPortAs(int port, UdpPayload payload) {
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("UDP port out of range: " + port);
        }
        udpPorts[port] = (byte) payload.ordinal();
    }

    /** What UDP payloads to or from {@code port} are decoded as. */
    public UdpPayload udpPortPayload(int port) {
        return UdpPayload.values()[udpPorts[port & 0xffff]];
    }

    /** Decodes a {@link Frame}'s bytes. */
    public DecodedFrame decode(Frame frame, DecodedFrame out) {
        byte[] data = frame.data();
        return decode(frame.linkType(), data, 0, data == null ? 0 : data.length, frame.origLen(), out);
    }

    /**
     * Decodes {@code len} captured bytes of {@code buf} from {@code off}, a frame of
     * {@code origLen} bytes on the wire with pcap link type {@code linkType}, into {@code out}
     * (cleared first). Returns {@code out}.
     */
    public DecodedFrame decode(int linkType, byte[] buf, int off, int len, int origLen, DecodedFrame out) {
        out.clear();
        out.linkType = linkType;
        out.capLen = len;
        out.origLen = origLen;
        if (buf == null || off < 0 || len < 0 || off > buf.length - len) {
            out.malformed = Malformed.BAD_BOUNDS;
            return out;
        }
        capEnd = off + len;
        out.data = buf;
        out.dataStart = off;
        out.dataEnd = capEnd;
        capCut = origLen > len;
        origEnd = capCut ? capEnd + (origLen - len) : capEnd;
        depth = 0;
        switch (linkType) {
            case LinkType.ETHERNET -> EthernetLayer.decode(this, buf, off, capEnd, out);
            case LinkType.LINUX_SLL -> SllLayer.decodeV1(this, buf, off, capEnd, out);
            case LinkType.LINUX_SLL2 -> SllLayer.decodeV2(this, buf, off, capEnd, out);
            case LinkType.IPV4 -> Ipv4Layer.decode(this, buf, off, capEnd, out);
            case LinkType.RAW -> raw(buf, off, capEnd, out);
            default -> out.malformed = Malformed.UNSUPPORTED_LINK;
        }
        return out;
    }

    private void raw(byte[] b, int off, int end, DecodedFrame out) {
        if (end - off < 1) {
            stop(out, end, Malformed.IPV4_CUT, Malformed.RAW_EMPTY);
            return;
        }
        switch (b[off] >>> 4 & 0x0f) {
            case 4 -> Ipv4Layer.decode(this, b, off, end, out);
            case 6 -> Ipv6Layer.decode(this, b, off, end, out);
            default -> out.malformed = Malformed.RAW_VERSION;
        }
    }

    /** Dispatches on an EtherType (after Ethernet, 802.1Q or a cooked header). */
    void network(int etherType, byte[] b, int off, int end, DecodedFrame out) {
        switch (etherType) {
            case ETHERTYPE_IPV4 -> Ipv4Layer.decode(this, b, off, end, out);
            case ETHERTYPE_IPV6 -> Ipv6Layer.decode(this, b, off, end, out);
            case ETHERTYPE_ARP -> ArpLayer.decode(this, b, off, end, out);
            default -> {
                // Another protocol: nothing more to decode, and nothing wrong.
            }
        }
    }

    boolean isVxlan(int dport, int sport) {
        return udpPorts[dport] == VXLAN || udpPorts[sport] == VXLAN;
    }

    /** The last byte (exclusive) the frame had on the wire, for IP packets whose length field is 0 (TSO). */
    int origEnd() {
        return origEnd;
    }

    /**
     * Records that a layer ran out of bytes at {@code end}: cut by the snap length when
     * {@code end} is the end of the captured bytes of a cut frame, else really malformed.
     * The first problem found wins.
     */
    void stop(DecodedFrame out, int end, String cut, String shortOfBytes) {
        if (out.malformed != null) {
            return;
        }
        if (capCut && end >= capEnd) {
            out.truncated = true;
            out.malformed = cut;
        } else {
            out.malformed = shortOfBytes;
        }
    }

    /** Records a problem that is not about running out of bytes. The first problem found wins. */
    static void problem(DecodedFrame out, String what) {
        if (out.malformed == null) {
            out.malformed = what;
        }
    }
}
