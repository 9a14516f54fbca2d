package dev.silkscreen.decode;

import static dev.silkscreen.decode.TestPackets.ethernet;
import static dev.silkscreen.decode.TestPackets.icmp;
import static dev.silkscreen.decode.TestPackets.ipv4;
import static dev.silkscreen.decode.TestPackets.tcp;
import static dev.silkscreen.decode.TestPackets.udp;
import static dev.silkscreen.decode.TestPackets.vxlan;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import net.jqwik.api.constraints.Size;

/** A Silk underlay frame built from any field values decodes back to those values. */
class FrameDecodePropertyTest {
    private final FrameDecoder decoder = new FrameDecoder();
    private final DecodedFrame d = new DecodedFrame();

    private DecodedFrame decode(byte[] frame) {
        return decoder.decode(1, frame, 0, frame.length, frame.length, d);
    }

    private static byte[] underlay(int outerSrc, int outerDst, int outerSport, int gbp, int vni, byte[] innerIp) {
        byte[] inner = ethernet(0x0a0000000002L, 0x0a0000000001L, 0x0800, innerIp);
        return ethernet(0x020000000002L, 0x020000000001L, 0x0800,
                ipv4(outerSrc, outerDst, 17, 0x0101, udp(outerSport, 4789, vxlan(0x88, 0, gbp, vni, inner))));
    }

    private static void check(String what, long expected, long actual) {
        if (expected != actual) {
            throw new AssertionError(what + ": built " + expected + ", decoded " + actual);
        }
    }

    @Property(tries = 300)
    void vxlanGbpTcpFieldsComeBack(@ForAll int outerSrc, @ForAll int outerDst, @ForAll @IntRange(max = 65535) int outerSport,
                                   @ForAll @IntRange(max = 65535) int gbp, @ForAll @IntRange(max = 0xFFFFFF) int vni,
                                   @ForAll int src, @ForAll int dst, @ForAll @IntRange(max = 65535) int id,
                                   @ForAll @IntRange(max = 65535) int sport, @ForAll @IntRange(max = 65535) int dport,
                                   @ForAll @LongRange(max = 0xFFFFFFFFL) long seq, @ForAll @LongRange(max = 0xFFFFFFFFL) long ack,
                                   @ForAll @IntRange(max = 255) int flags, @ForAll @Size(max = 200) byte[] payload) {
        DecodedFrame f = decode(underlay(outerSrc, outerDst, outerSport, gbp, vni,
                ipv4(src, dst, 6, id, tcp(sport, dport, seq, ack, flags, payload))));

        check("malformed", 0, f.malformed == null ? 0 : 1);
        check("encapsulated", 1, f.encapsulated ? 1 : 0);
        check("outer src", outerSrc, f.outerSrc);
        check("outer dst", outerDst, f.outerDst);
        check("outer sport", outerSport, f.outerSport);
        check("gbp", gbp, f.gbp);
        check("vni", vni, f.vni);
        check("src", src, f.src);
        check("dst", dst, f.dst);
        check("ip id", id, f.ipId);
        check("proto", 6, f.ipProto);
        check("sport", sport, f.sport);
        check("dport", dport, f.dport);
        check("seq", seq, f.seq);
        check("ack", ack, f.ack);
        check("flags", flags, f.tcpFlags);
        check("payload", payload.length, f.payloadLen);
    }

    @Property(tries = 200)
    void udpAndIcmpFieldsComeBack(@ForAll int src, @ForAll int dst, @ForAll @IntRange(max = 65535) int sport,
                                  @ForAll @IntRange(max = 65535) int dport, @ForAll @IntRange(max = 255) int type,
                                  @ForAll @Size(max = 200) byte[] payload) {
        if (sport == 4789 || dport == 4789) {
            return; // VXLAN's port: the inner datagram would be decoded as VXLAN again
        }
        DecodedFrame u = decode(underlay(1, 2, 3, 4, 1, ipv4(src, dst, 17, 7, udp(sport, dport, payload))));
        check("udp src", src, u.src);
        check("udp sport", sport, u.sport);
        check("udp dport", dport, u.dport);
        check("udp payload", payload.length, u.payloadLen);
        check("udp malformed", 0, u.malformed == null ? 0 : 1);

        if (type == 3 || type == 11 || type == 5 || type == 12 || type == 4) {
            return; // errors quote a packet: another property's business
        }
        DecodedFrame i = decode(underlay(1, 2, 3, 4, 1, ipv4(src, dst, 1, 7, icmp(type, 0, 0x00120034, payload))));
        check("icmp type", type, i.icmpType);
        check("icmp src", src, i.src);
    }
}
