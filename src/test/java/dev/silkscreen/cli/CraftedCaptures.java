package dev.silkscreen.cli;

import static dev.silkscreen.decode.TestPackets.APP_B_MAC;
import static dev.silkscreen.decode.TestPackets.CELL1_MAC;
import static dev.silkscreen.decode.TestPackets.CELL2_MAC;
import static dev.silkscreen.decode.TestPackets.VTEP1_MAC;
import static dev.silkscreen.decode.TestPackets.VTEP2_MAC;
import static dev.silkscreen.decode.TestPackets.arp;
import static dev.silkscreen.decode.TestPackets.concat;
import static dev.silkscreen.decode.TestPackets.ethernet;
import static dev.silkscreen.decode.TestPackets.ethernetVlan;
import static dev.silkscreen.decode.TestPackets.hex;
import static dev.silkscreen.decode.TestPackets.icmp;
import static dev.silkscreen.decode.TestPackets.ip;
import static dev.silkscreen.decode.TestPackets.ipv4;
import static dev.silkscreen.decode.TestPackets.sll;
import static dev.silkscreen.decode.TestPackets.sll2;
import static dev.silkscreen.decode.TestPackets.tcp;
import static dev.silkscreen.decode.TestPackets.udp;
import static dev.silkscreen.decode.TestPackets.vxlan;

import dev.silkscreen.capture.PcapngWriter;
import dev.silkscreen.model.CapturePoint;
import dev.silkscreen.model.Frame;
import dev.silkscreen.model.LinkType;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Edge-case frames the real captures lack, written with {@link PcapngWriter}: GBP on and off,
 * GBP D/A bits, VLAN, SLL and SLL2, raw IPv4, snap-length cuts at several layers, ICMP errors
 * quoting TCP and UDP, IP options, fragments, ARP, IPv6 and a foreign EtherType.
 */
final class CraftedCaptures {
    static final CapturePoint UNDERLAY = new CapturePoint("cell1", "eth0");
    static final CapturePoint VTEP = new CapturePoint("cell2", "silk-vtep");
    static final CapturePoint ANY = new CapturePoint("cell2", "any");
    static final long T0 = 1_764_026_875_123_456_789L;

    private CraftedCaptures() {
    }

    static List<Frame> frames() {
        List<Frame> f = new ArrayList<>();
        int appB = ip("10.255.1.2");
        int appA = ip("10.255.2.3");
        int cell1 = ip("10.0.16.11");
        int cell2 = ip("10.0.16.12");
        byte[] synOpts = hex("020405820402080a0000000100000000");
        byte[] syn = ipv4(appB, appA, 6, 0x1111, tcp(40000, 8080, 3_000_000_000L, 0, 0x02, synOpts, new byte[0]));
        byte[] synAck = ipv4(appA, appB, 6, 0x2222, tcp(8080, 40000, 77, 3_000_000_001L, 0x12, new byte[0]));
        byte[] pshAck = ipv4(appB, appA, 6, 0x3333, tcp(40000, 8080, 3_000_000_001L, 78, 0x18, "GET / HTTP/1.1\r\n\r\n".getBytes()));

        // VXLAN with GBP (tag 3), GBP off, and D+A bits with a large policy id and VNI.
        f.add(eth(UNDERLAY, vxlanFrame(cell1, cell2, 0x88, 0, 3, 1, syn)));
        f.add(eth(UNDERLAY, vxlanFrame(cell2, cell1, 0x08, 0, 0, 1, synAck)));
        f.add(eth(UNDERLAY, vxlanFrame(cell1, cell2, 0x88, 0x48, 0xfffe, 0xabcdef, pshAck)));
        // Plain frames: VLAN, SLL2, SLL, raw IPv4 (both link types).
        f.add(eth(VTEP, ethernetVlan(VTEP2_MAC, VTEP1_MAC, 42, 0x0800, synAck)));
        f.add(new Frame(ANY, 0, LinkType.LINUX_SLL2, 0, sll2(0x0800, 7, 4, APP_B_MAC, pshAck)));
        f.add(new Frame(ANY, 0, LinkType.LINUX_SLL, 0, sll(0, APP_B_MAC, 0x0800,
                ipv4(appB, appA, 1, 0x4444, icmp(8, 0, 0x00070001, new byte[32])))));
        f.add(new Frame(VTEP, 0, LinkType.IPV4, 0, ipv4(appB, appA, 17, 0x5555, udp(5353, 53, new byte[20]))));
        f.add(new Frame(VTEP, 0, LinkType.RAW, 0, ipv4(appA, appB, 17, 0x5556, udp(53, 5353, new byte[40]))));
        // ICMP port unreachable from cell 2's VTEP address quoting the SYN (in VXLAN), and host
        // unreachable quoting UDP.
        byte[] quotedSyn = Arrays.copyOf(syn, 28);
        f.add(eth(UNDERLAY, vxlanFrame(cell2, cell1, 0x08, 0, 0, 1,
                ipv4(ip("10.255.2.0"), appB, 1, 0x6666, icmp(3, 3, 0, quotedSyn)))));
        byte[] udpDatagram = ipv4(appB, appA, 17, 0x7777, udp(41000, 7000, new byte[12]));
        f.add(eth(VTEP, ethernet(VTEP1_MAC, VTEP2_MAC, 0x0800,
                ipv4(ip("10.255.2.0"), appB, 1, 0x7778, icmp(3, 1, 0, udpDatagram)))));
        // IPv4 with options (router alert + NOPs).
        f.add(eth(VTEP, ethernet(VTEP2_MAC, VTEP1_MAC, 0x0800,
                ipv4(appB, appA, 17, 0x8888, 0, 1, hex("94040000 01010100"), udp(6000, 6001, new byte[5])))));
        // Fragments of one UDP datagram inside VXLAN: first (MF) and second (offset 1480).
        byte[] bigUdp = udp(7100, 7200, new byte[2000]);
        f.add(eth(UNDERLAY, vxlanFrame(cell1, cell2, 0x88, 0, 3, 1,
                ipv4(appB, appA, 17, 0x9999, 0x2000, 64, new byte[0], Arrays.copyOf(bigUdp, 1480)))));
        f.add(eth(UNDERLAY, vxlanFrame(cell1, cell2, 0x88, 0, 3, 1,
                ipv4(appB, appA, 17, 0x9999, 1480 / 8, 64, new byte[0], Arrays.copyOfRange(bigUdp, 1480, bigUdp.length)))));
        // ARP request and reply on the underlay; IPv6; the local experimental EtherType.
        f.add(eth(UNDERLAY, ethernet(0xffffffffffffL, CELL1_MAC, 0x0806, arp(1, CELL1_MAC, cell1, 0, cell2))));
        f.add(eth(UNDERLAY, ethernet(CELL1_MAC, CELL2_MAC, 0x0806, arp(2, CELL2_MAC, cell2, CELL1_MAC, cell1))));
        f.add(eth(UNDERLAY, ethernet(0x333300000001L, CELL1_MAC, 0x86dd, concat(
                hex("60000000 0008 11 40"), hex("fe800000000000000000000000000001"), hex("ff020000000000000000000000000001"),
                udp(546, 547, new byte[0])))));
        f.add(eth(UNDERLAY, ethernet(0x0250560000ffL, CELL1_MAC, 0x88b5, new byte[46])));
        // Cut by the snap length: inside the inner IPv4 header, inside the TCP header, inside VXLAN.
        byte[] whole = vxlanFrame(cell1, cell2, 0x88, 0, 3, 1, pshAck);
        f.add(cut(UNDERLAY, whole, 70));
        f.add(cut(UNDERLAY, whole, 96));
        f.add(cut(UNDERLAY, whole, 46));
        // Times a little over a millisecond apart; original length at least the captured one.
        List<Frame> timed = new ArrayList<>();
        for (int i = 0; i < f.size(); i++) {
            Frame x = f.get(i);
            timed.add(new Frame(x.point(), T0 + i * 1_000_123L, x.linkType(), Math.max(x.origLen(), x.capLen()), x.data()));
        }
        return timed;
    }

    static Path write(Path dir) throws IOException {
        Path file = dir.resolve("crafted.pcapng");
        try (OutputStream os = Files.newOutputStream(file); PcapngWriter w = new PcapngWriter(os, "crafted edge cases")) {
            List<Frame> frames = frames();
            for (int i = 0; i < frames.size(); i++) {
                w.write(frames.get(i), i % 2 == 0 ? "crafted edge case " + (i + 1) : null);
            }
        }
        return file;
    }

    private static byte[] vxlanFrame(int outerSrc, int outerDst, int flags, int gbpFlags, int policy, int vni, byte[] innerIp) {
        long srcMac = outerSrc == ip("10.0.16.11") ? CELL1_MAC : CELL2_MAC;
        long dstMac = srcMac == CELL1_MAC ? CELL2_MAC : CELL1_MAC;
        long innerSrc = srcMac == CELL1_MAC ? VTEP1_MAC : VTEP2_MAC;
        long innerDst = srcMac == CELL1_MAC ? VTEP2_MAC : VTEP1_MAC;
        byte[] inner = ethernet(innerDst, innerSrc, 0x0800, innerIp);
        return ethernet(dstMac, srcMac, 0x0800, ipv4(outerSrc, outerDst, 17, 0x0100 + innerIp.length, 0, 64, new byte[0],
                udp(49152 + (innerIp.length & 0x3fff), 4789, vxlan(flags, gbpFlags, policy, vni, inner))));
    }

    private static Frame eth(CapturePoint point, byte[] bytes) {
        return new Frame(point, 0, LinkType.ETHERNET, bytes.length, bytes);
    }

    private static Frame cut(CapturePoint point, byte[] whole, int snap) {
        return new Frame(point, 0, LinkType.ETHERNET, whole.length, Arrays.copyOf(whole, snap));
    }
}
