package dev.silkscreen.decode;

import dev.silkscreen.model.Ipv4;
import java.io.ByteArrayOutputStream;
import java.util.HexFormat;

/**
 * Builds frames byte by byte for tests and benchmarks: each method writes one header in network
 * order around a payload. IPv4 header checksums are computed; TCP/UDP checksums are left 0.
 */
public final class TestPackets {
    public static final long APP_B_MAC = 0xeeee0aff0102L;
    public static final long VTEP1_MAC = 0xeeee0aff0100L;
    public static final long VTEP2_MAC = 0xeeee0aff0200L;
    public static final long CELL1_MAC = 0x0250560000a1L;
    public static final long CELL2_MAC = 0x0250560000a2L;

    private TestPackets() {
    }

    public static byte[] hex(String hex) {
        return HexFormat.of().parseHex(hex.replaceAll("[^0-9a-fA-F]", ""));
    }

    public static int ip(String dotted) {
        return Ipv4.parse(dotted);
    }

    public static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] p : parts) {
            out.writeBytes(p);
        }
        return out.toByteArray();
    }

    public static byte[] ethernet(long dst, long src, int etherType, byte[] payload) {
        Writer w = new Writer();
        w.mac(dst).mac(src).u16(etherType).bytes(payload);
        return w.done();
    }

    /** Ethernet with one 802.1Q tag. */
    public static byte[] ethernetVlan(long dst, long src, int vlanId, int etherType, byte[] payload) {
        Writer w = new Writer();
        w.mac(dst).mac(src).u16(0x8100).u16(vlanId & 0x0fff).u16(etherType).bytes(payload);
        return w.done();
    }

    /** Linux cooked v1: packet type, ARPHRD_ETHER, a 6-byte address. */
    public static byte[] sll(int packetType, long srcMac, int protocol, byte[] payload) {
        Writer w = new Writer();
        w.u16(packetType).u16(1).u16(6).mac(srcMac).u16(0).u16(protocol).bytes(payload);
        return w.done();
    }

    /** Linux cooked v2. */
    public static byte[] sll2(int protocol, int ifIndex, int packetType, long srcMac, byte[] payload) {
        Writer w = new Writer();
        w.u16(protocol).u16(0).u32(ifIndex).u16(1).u8(packetType).u8(6).mac(srcMac).u16(0).bytes(payload);
        return w.done();
    }

    public static byte[] ipv4(int src, int dst, int proto, int id, byte[] payload) {
        return ipv4(src, dst, proto, id, 0x4000, 64, new byte[0], payload);
    }

    /**
     * @param flagsFrag the flags and fragment offset field (0x4000 DF, 0x2000 MF, offset in 8-byte units)
     * @param options   IPv4 options, a multiple of 4 bytes
     */
    public static byte[] ipv4(int src, int dst, int proto, int id, int flagsFrag, int ttl, byte[] options, byte[] payload) {
        int ihl = 20 + options.length;
        Writer w = new Writer();
        w.u8(0x40 | ihl / 4).u8(0).u16(ihl + payload.length).u16(id).u16(flagsFrag).u8(ttl).u8(proto).u16(0)
                .u32(src).u32(dst).bytes(options);
        byte[] header = w.done();
        int sum = 0;
        for (int i = 0; i < header.length; i += 2) {
            sum += ((header[i] & 0xff) << 8) | (header[i + 1] & 0xff);
        }
        while ((sum >>> 16) != 0) {
            sum = (sum & 0xffff) + (sum >>> 16);
        }
        int checksum = ~sum & 0xffff;
        header[10] = (byte) (checksum >>> 8);
        header[11] = (byte) checksum;
        return concat(header, payload);
    }

    public static byte[] udp(int sport, int dport, byte[] payload) {
        Writer w = new Writer();
        w.u16(sport).u16(dport).u16(8 + payload.length).u16(0).bytes(payload);
        return w.done();
    }

    public static byte[] tcp(int sport, int dport, long seq, long ack, int flags, byte[] payload) {
        return tcp(sport, dport, seq, ack, flags, new byte[0], payload);
    }

    public static byte[] tcp(int sport, int dport, long seq, long ack, int flags, byte[] options, byte[] payload) {
        Writer w = new Writer();
        w.u16(sport).u16(dport).u32((int) seq).u32((int) ack).u8(((20 + options.length) / 4) << 4).u8(flags)
                .u16(64240).u16(0).u16(0).bytes(options).bytes(payload);
        return w.done();
    }

    /** ICMP with the 4 bytes after the checksum given as {@code rest} (echo: id << 16 | seq). */
    public static byte[] icmp(int type, int code, int rest, byte[] payload) {
        Writer w = new Writer();
        w.u8(type).u8(code).u16(0).u32(rest).bytes(payload);
        return w.done();
    }

    public static byte[] vxlan(int flags, int gbpFlags, int policyId, int vni, byte[] inner) {
        Writer w = new Writer();
        w.u8(flags).u8(gbpFlags).u16(policyId).u8(vni >>> 16).u8(vni >>> 8).u8(vni).u8(0).bytes(inner);
        return w.done();
    }

    public static byte[] arp(int op, long sha, int spa, long tha, int tpa) {
        Writer w = new Writer();
        w.u16(1).u16(0x0800).u8(6).u8(4).u16(op).mac(sha).u32(spa).mac(tha).u32(tpa);
        return w.done();
    }

    /**
     * The c2c frame of Silk's lesson as seen on cell 1's underlay NIC: AppB 10.255.1.2:40000 →
     * AppA 10.255.2.3:8080 TCP SYN, tagged 3, in VXLAN (VNI 1) from 10.0.16.11 to 10.0.16.12.
     */
    public static byte[] silkVxlanSyn() {
        byte[] inner = ethernet(VTEP2_MAC, VTEP1_MAC, 0x0800,
                ipv4(ip("10.255.1.2"), ip("10.255.2.3"), 6, 0x1234,
                        tcp(40000, 8080, 1_000_000L, 0, 0x02, hex("020405b40402080a0000000100000000"), new byte[0])));
        return ethernet(CELL2_MAC, CELL1_MAC, 0x0800,
                ipv4(ip("10.0.16.11"), ip("10.0.16.12"), 17, 0x0101,
                        udp(51234, 4789, vxlan(0x88, 0, 3, 1, inner))));
    }

    private static final class Writer {
        private final ByteArrayOutputStream out = new ByteArrayOutputStream();

        Writer u8(int v) {
            out.write(v);
            return this;
        }

        Writer u16(int v) {
            return u8(v >>> 8).u8(v);
        }

        Writer u32(int v) {
            return u16(v >>> 16).u16(v);
        }

        Writer mac(long m) {
            return u16((int) (m >>> 32)).u32((int) m);
        }

        Writer bytes(byte[] b) {
            out.writeBytes(b);
            return this;
        }

        byte[] done() {
            return out.toByteArray();
        }
    }
}
