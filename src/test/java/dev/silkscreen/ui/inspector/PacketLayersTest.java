package dev.silkscreen.ui.inspector;

import static org.assertj.core.api.Assertions.assertThat;

import dev.silkscreen.decode.TestPackets;
import dev.silkscreen.model.CapturePoint;
import dev.silkscreen.model.Frame;
import dev.silkscreen.model.LinkType;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** The inspector's tree of a frame, built from the decoder's field registry. */
class PacketLayersTest {
    private static final CapturePoint UNDERLAY = new CapturePoint("cell1", "eth0");

    private static PacketLayers.Field field(PacketLayers p, String layer, String label) {
        return p.layers().stream().filter(l -> l.name().equals(layer)).findFirst().orElseThrow()
                .fields().stream().filter(f -> f.name().equals(label)).findFirst().orElseThrow();
    }

    @Test
    void aVxlanFrameShowsTheUnderlayTheVxlanHeaderAndTheOverlayPacketInByteOrder() {
        byte[] b = TestPackets.silkVxlanSyn();

        PacketLayers p = PacketLayers.of(new Frame(UNDERLAY, 0, LinkType.ETHERNET, b.length, b), null);

        assertThat(p.layers()).extracting(PacketLayers.Layer::name).containsExactly("Outer Ethernet", "Outer IPv4 (underlay)",
                "Outer UDP", "VXLAN (Group Based Policy)", "Inner Ethernet", "Inner IPv4 (overlay)", "TCP");
        assertThat(p.layers()).extracting(PacketLayers.Layer::offset).containsExactly(0, 14, 34, 42, 50, 64, 84);
        PacketLayers.Field gbp = field(p, "VXLAN (Group Based Policy)", "Group Policy ID");
        assertThat(gbp.offset()).isEqualTo(44);
        assertThat(gbp.length()).isEqualTo(2);
        assertThat(gbp.value()).startsWith("GBP 3 = tag 0x0003");
        assertThat(field(p, "TCP", "Flags").value()).isEqualTo("0x0002 (SYN)");
        assertThat(field(p, "Inner IPv4 (overlay)", "Time to live").value()).isEqualTo("64");
        assertThat(field(p, "Inner IPv4 (overlay)", "Protocol").value()).isEqualTo("6 (TCP)");
        assertThat(field(p, "Outer UDP", "Destination port").value()).isEqualTo("4789 (VXLAN)");
        assertThat(p.fieldAt(45)).isSameAs(gbp);
        assertThat(p.fieldAt(84 + 2).name()).isEqualTo("Destination port");
    }

    @Test
    void anIcmpErrorShowsThePacketItQuotesAsLayersOfTheirOwn() {
        byte[] syn = TestPackets.silkVxlanSyn();
        byte[] quoted = Arrays.copyOfRange(syn, 64, 64 + 28);
        byte[] b = TestPackets.ethernet(1, 2, 0x0800, TestPackets.ipv4(TestPackets.ip("10.255.2.0"), TestPackets.ip("10.255.1.2"), 1, 7,
                TestPackets.icmp(3, 3, 0, quoted)));

        PacketLayers p = PacketLayers.of(new Frame(UNDERLAY, 0, LinkType.ETHERNET, b.length, b), null);

        assertThat(p.layers()).extracting(PacketLayers.Layer::name).containsExactly("Ethernet", "IPv4", "ICMP",
                "Quoted IPv4 (the packet the ICMP error answers)", "Quoted TCP (the packet the ICMP error answers)");
        assertThat(field(p, "ICMP", "Code").value()).isEqualTo("3 (port unreachable: rejected)");
        assertThat(field(p, "Quoted TCP (the packet the ICMP error answers)", "Destination port").value()).isEqualTo("8080");
        assertThat(field(p, "Quoted TCP (the packet the ICMP error answers)", "Sequence number").value()).isEqualTo("1000000");
    }
}
