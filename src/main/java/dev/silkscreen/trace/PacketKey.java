package dev.silkscreen.trace;

import dev.silkscreen.decode.DecodedFrame;
import dev.silkscreen.model.Ipv4;
import dev.silkscreen.model.PointKind;
import dev.silkscreen.model.SilkNames;

/**
 * Frame classification and keys: which decoded frames are overlay packets a journey follows, and
 * what names one packet across points — its flow ({@link FlowKey}) and its place in the flow: the
 * TCP sequence range it covers (with its acknowledgement), the UDP or other IP packet's IP ID, the
 * ICMP echo's sequence (with its type). Reused frame after frame, like the decoder's flyweight.
 */
final class PacketKey {
    private static final int TCP_SYN = 0x02;
    private static final int TCP_FIN = 0x01;
    private static final int VETH_HOST_IP = Ipv4.parse(SilkNames.VETH_HOST_IP);

    FlowKey flow;
    long lo;
    long hi;
    long ack;

    /** True for an ICMP error quoting an overlay packet: evidence for that packet's journey. */
    static boolean quotesOverlay(DecodedFrame d) {
        return d.ipProto == FlowKey.ICMP && d.hasQuoted && SilkNames.isOverlay(d.quotedSrc) && SilkNames.isOverlay(d.quotedDst);
    }

    /**
     * True for an overlay packet a journey follows, seen where it belongs: between overlay
     * addresses (or from a veth's host side), not a later fragment, at a veth only when it is that
     * container's, at a NIC only encapsulated.
     */
    static boolean followed(DecodedFrame d, PointState ps) {
        return (SilkNames.isOverlay(d.src) || d.src == VETH_HOST_IP) && SilkNames.isOverlay(d.dst) && d.ipProto >= 0
                && d.fragOffset <= 0
                && !(ps.kind == PointKind.CONTAINER_VETH && ps.vethIp != d.src && ps.vethIp != d.dst)
                && !(ps.kind == PointKind.UNDERLAY && !d.encapsulated);
    }

    /** Sets the flow and the place in it of the packet in {@code d} (a {@linkplain #followed followed} one). */
    void of(DecodedFrame d) {
        int proto = d.ipProto;
        ack = 0;
        if (proto == FlowKey.TCP && d.sport >= 0 && d.seq >= 0) {
            flow = new FlowKey(d.src, d.dst, proto, d.sport, d.dport);
            lo = d.seq;
            boolean cut = d.tcpFlags < 0 || d.payloadLen < 0;
            hi = cut ? OpenJourney.UNKNOWN_END
                    : lo + d.payloadLen + ((d.tcpFlags & TCP_SYN) != 0 ? 1 : 0) + ((d.tcpFlags & TCP_FIN) != 0 ? 1 : 0);
            ack = d.ack;
        } else if (proto == FlowKey.UDP && d.sport >= 0) {
            flow = new FlowKey(d.src, d.dst, proto, d.sport, d.dport);
            lo = d.ipId;
            hi = lo;
        } else if (proto == FlowKey.ICMP && (d.icmpType == 8 || d.icmpType == 0)) {
            flow = new FlowKey(d.src, d.dst, proto, d.icmpId, 0);
            lo = d.icmpSeq & 0xFFFF;
            hi = lo;
            ack = d.icmpType;
        } else {
            flow = new FlowKey(d.src, d.dst, proto, 0, 0);
            lo = d.ipId;
            hi = lo;
        }
    }
}
