package dev.silkscreen.sim;

/**
 * Byte-level encoders for the frames the simulator emits: Ethernet II, IPv4 (RFC 791), TCP
 * (RFC 9293), UDP (RFC 768), ICMP (RFC 792) and VXLAN with the Group Based Policy extension
 * (draft-smith-vxlan-group-policy). Every checksum is computed, the outer UDP checksum of VXLAN
 * included: silk creates {@code silk-vtep} without {@code IFLA_VXLAN_UDP_CSUM}, and the kernel's
 * default for an IPv4 VXLAN device is to checksum the outer UDP header (as the testbed's captures show).
 *
 * <pre>
 * IPv4:  ver/ihl | tos | total length | id | flags/frag | ttl | proto | checksum | src | dst
 * VXLAN-GBP: |G|R|R|R|I|R|R|R|R|D|R|R|A|R|R|R| Group Policy ID (16) | VNI (24) | reserved (8)
 * </pre>
 */
final class Wire {
    static final int ETH_HLEN = 14;
    static final int IP_HLEN = 20;
    static final int UDP_HLEN = 8;
    static final int VXLAN_HLEN = 8;
    static final int ETHERTYPE_IPV4 = 0x0800;
    static final int ETHERTYPE_ARP = 0x0806;
    static final int PROTO_ICMP = 1;
    static final int PROTO_TCP = 6;
    static final int PROTO_UDP = 17;
    static final int TCP_FIN = 0x01;
    static final int TCP_SYN = 0x02;
    static final int TCP_RST = 0x04;
    static final int TCP_PSH = 0x08;
    static final int TCP_ACK = 0x10;

    private Wire() {
    }

    static void put16(byte[] b, int off, int v) {
        b[off] = (byte) (v >>> 8);
        b[off + 1] = (byte) v;
    }

    static void put32(byte[] b, int off, int v) {
        b[off] = (byte) (v >>> 24);
        b[off + 1] = (byte) (v >>> 16);
        b[off + 2] = (byte) (v >>> 8);
        b[off + 3] = (byte) v;
    }

    static void putMac(byte[] b, int off, long mac) {
        for (int i = 0; i < 6; i++) {
            b[off + i] = (byte) (mac >>> (40 - 8 * i));
        }
    }

    static int get16(byte[] b, int off) {
        return ((b[off] & 0xff) << 8) | (b[off + 1] & 0xff);
    }

    static int get32(byte[] b, int off) {
        return ((b[off] & 0xff) << 24) | ((b[off + 1] & 0xff) << 16) | ((b[off + 2] & 0xff) << 8) | (b[off + 3] & 0xff);
    }

    /** Writes an IPv4 header (no options) at {@code off}, checksum included. */
    static void ipHeader(byte[] b, int off, int totalLen, int id, boolean df, int ttl, int proto, int src, int dst) {
        ipHeader(b, off, 0, totalLen, id, df, ttl, proto, src, dst);
    }

    /** Writes an IPv4 header with a type-of-service byte. */
    static void ipHeader(byte[] b, int off, int tos, int totalLen, int id, boolean df, int ttl, int proto, int src, int dst) {
        b[off] = 0x45;
        b[off + 1] = (byte) tos;
        put16(b, off + 2, totalLen);
        put16(b, off + 4, id);
        put16(b, off + 6, df ? 0x4000 : 0);
        b[off + 8] = (byte) ttl;
        b[off + 9] = (byte) proto;
        put16(b, off + 10, 0);
        put32(b, off + 12, src);
        put32(b, off + 16, dst);
        put16(b, off + 10, Checksum.of(b, off, IP_HLEN));
    }

    private static long pseudo(int src, int dst, int proto, int len) {
        return (src >>> 16) + (src & 0xffff) + (dst >>> 16) + (dst & 0xffff) + proto + len;
    }

    /** A TCP/IPv4 datagram. {@code options} must be a multiple of 4 bytes long. */
    static byte[] tcp(int src, int dst, int id, int ttl, int sport, int dport, long seq, long ack, int flags,
                      int window, byte[] options, byte[] payload, int payloadOff, int payloadLen) {
        int thl = 20 + options.length;
        int total = IP_HLEN + thl + payloadLen;
        byte[] b = new byte[total];
        ipHeader(b, 0, total, id, true, ttl, PROTO_TCP, src, dst);
        int t = IP_HLEN;
        put16(b, t, sport);
        put16(b, t + 2, dport);
        put32(b, t + 4, (int) seq);
        put32(b, t + 8, (int) ack);
        b[t + 12] = (byte) ((thl / 4) << 4);
        b[t + 13] = (byte) flags;
        put16(b, t + 14, window);
        System.arraycopy(options, 0, b, t + 20, options.length);
        if (payloadLen > 0) {
            System.arraycopy(payload, payloadOff, b, t + thl, payloadLen);
        }
        put16(b, t + 16, Checksum.fold(Checksum.add(pseudo(src, dst, PROTO_TCP, thl + payloadLen), b, t, thl + payloadLen)));
        return b;
    }

    /** A UDP/IPv4 datagram. */
    static byte[] udp(int src, int dst, int id, boolean df, int ttl, int sport, int dport, byte[] payload, int payloadLen) {
        int total = IP_HLEN + UDP_HLEN + payloadLen;
        byte[] b = new byte[total];
        ipHeader(b, 0, total, id, df, ttl, PROTO_UDP, src, dst);
        int u = IP_HLEN;
        put16(b, u, sport);
        put16(b, u + 2, dport);
        put16(b, u + 4, UDP_HLEN + payloadLen);
        System.arraycopy(payload, 0, b, u + UDP_HLEN, payloadLen);
        int c = Checksum.fold(Checksum.add(pseudo(src, dst, PROTO_UDP, UDP_HLEN + payloadLen), b, u, UDP_HLEN + payloadLen));
        put16(b, u + 6, c == 0 ? 0xffff : c);
        return b;
    }

    /**
     * An ICMP/IPv4 datagram: type, code, the 4-byte "rest of header" and the body (echo data or the
     * quoted datagram of an error).
     */
    static byte[] icmp(int src, int dst, int tos, int id, boolean df, int ttl, int type, int code, int rest, byte[] body, int bodyLen) {
        int total = IP_HLEN + 8 + bodyLen;
        byte[] b = new byte[total];
        ipHeader(b, 0, tos, total, id, df, ttl, PROTO_ICMP, src, dst);
        int i = IP_HLEN;
        b[i] = (byte) type;
        b[i + 1] = (byte) code;
        put32(b, i + 4, rest);
        System.arraycopy(body, 0, b, i + 8, bodyLen);
        put16(b, i + 2, Checksum.of(b, i, 8 + bodyLen));
        return b;
    }

    /** A copy of an IPv4 datagram with another TTL (header checksum recomputed). */
    static byte[] withTtl(byte[] ip, int ttl) {
        byte[] b = ip.clone();
        b[8] = (byte) ttl;
        put16(b, 10, 0);
        put16(b, 10, Checksum.of(b, 0, IP_HLEN));
        return b;
    }

    /** Ethernet II frame around a payload. */
    static byte[] ethernet(long dstMac, long srcMac, int etherType, byte[] payload) {
        byte[] f = new byte[ETH_HLEN + payload.length];
        putMac(f, 0, dstMac);
        putMac(f, 6, srcMac);
        put16(f, 12, etherType);
        System.arraycopy(payload, 0, f, ETH_HLEN, payload.length);
        return f;
    }

    /** An ARP request (who-has {@code target} tell {@code sender}), broadcast. */
    static byte[] arpRequest(long senderMac, int senderIp, int targetIp) {
        byte[] a = new byte[28];
        put16(a, 0, 1);
        put16(a, 2, ETHERTYPE_IPV4);
        a[4] = 6;
        a[5] = 4;
        put16(a, 6, 1);
        putMac(a, 8, senderMac);
        put32(a, 14, senderIp);
        put32(a, 24, targetIp);
        return ethernet(0xFFFF_FFFF_FFFFL, senderMac, ETHERTYPE_ARP, a);
    }

    /**
     * The underlay frame: outer Ethernet / IPv4 (no DF, as the Linux VXLAN driver sends by default) /
     * UDP to 4789 with its checksum over the outer pseudo-header / VXLAN-GBP / the inner Ethernet frame.
     */
    static byte[] vxlan(long dstMac, long srcMac, int srcIp, int dstIp, int ipId, int ttl, int sport,
                        int policyId, boolean gbp, int vni, byte[] inner) {
        int udpLen = UDP_HLEN + VXLAN_HLEN + inner.length;
        int ipLen = IP_HLEN + udpLen;
        byte[] f = new byte[ETH_HLEN + ipLen];
        putMac(f, 0, dstMac);
        putMac(f, 6, srcMac);
        put16(f, 12, ETHERTYPE_IPV4);
        ipHeader(f, ETH_HLEN, ipLen, ipId, false, ttl, PROTO_UDP, srcIp, dstIp);
        int u = ETH_HLEN + IP_HLEN;
        put16(f, u, sport);
        put16(f, u + 2, dev.silkscreen.model.SilkNames.VXLAN_PORT);
        put16(f, u + 4, udpLen);
        int v = u + UDP_HLEN;
        f[v] = (byte) (gbp ? 0x88 : 0x08);
        f[v + 1] = 0;
        put16(f, v + 2, gbp ? policyId : 0);
        put32(f, v + 4, vni << 8);
        System.arraycopy(inner, 0, f, v + VXLAN_HLEN, inner.length);
        int c = Checksum.fold(Checksum.add(pseudo(srcIp, dstIp, PROTO_UDP, udpLen), f, u, udpLen));
        put16(f, u + 6, c == 0 ? 0xffff : c);
        return f;
    }
}
