package dev.silkscreen.sim;

import static org.assertj.core.api.Assertions.assertThat;

import dev.silkscreen.model.App;
import dev.silkscreen.model.Cell;
import dev.silkscreen.model.Foundation;
import dev.silkscreen.model.Frame;
import dev.silkscreen.model.Instance;
import dev.silkscreen.model.Ipv4;
import dev.silkscreen.model.PointKind;
import dev.silkscreen.model.SilkNames;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The frames follow silk's scheme and the kernel's rules. */
class FramesTest {

    private static final SimResult BUSY = SimTestSupport.run("busy", 11, 4000, Duration.ofMillis(500));

    @Test
    void noFrameExceedsItsLinkMtuPlusEthernetHeader() {
        for (String s : List.of("seed", "mtu", "busy")) {
            SimResult r = s.equals("busy") ? BUSY : SimTestSupport.run(s, 5);
            Foundation f = r.foundation();
            for (Frame fr : r.frames()) {
                Cell c = f.cell(fr.point().cell()).orElseThrow();
                int mtu = switch (fr.point().kind()) {
                    case UNDERLAY -> c.underlayMtu();
                    case VTEP -> c.overlayMtu();
                    default -> s.equals("mtu") && c.name().equals("cell1") ? 1500 : c.overlayMtu();
                };
                assertThat(fr.origLen()).as("%s in %s", fr.point(), s).isLessThanOrEqualTo(mtu + 14);
            }
        }
    }

    @Test
    void underlayFramesCarryTheSourceAppsTagAsGbp() {
        Foundation f = BUSY.foundation();
        int checked = 0;
        for (Frame fr : BUSY.frames()) {
            if (fr.point().kind() != PointKind.UNDERLAY || !Frames.isIpv4(fr)) {
                continue;
            }
            byte[] d = fr.data();
            int v = Frames.vxlan(fr);
            int inner = Frames.innerIp(fr);
            String src = Ipv4.format(Frames.u32(d, inner + 12));
            var inst = f.instanceByIp(src);
            if (inst.isEmpty()) {
                assertThat(d[v] & 0xff).as("kernel-made packets carry no G bit").isEqualTo(0x08);
                continue;
            }
            App app = f.app(inst.get().app()).orElseThrow();
            assertThat(d[v] & 0xff).isEqualTo(0x88);
            assertThat(Frames.u16(d, v + 2)).isEqualTo(app.tag());
            assertThat(Frames.u32(d, v + 4) >>> 8).isEqualTo(1);
            assertThat(Frames.u16(d, 14 + 20 + 2)).isEqualTo(4789);
            assertThat(d[14 + 8] & 0xff).as("outer TTL").isEqualTo(64);
            int sport = Frames.u16(d, 14 + 20);
            assertThat(sport).isBetween(32768, 60999);
            checked++;
        }
        assertThat(checked).isGreaterThan(100);
    }

    /** Summing the outer pseudo-header, UDP header (checksum included) and payload gives all ones. */
    @Test
    void underlayFramesCarryAValidOuterUdpChecksum() {
        int checked = 0;
        for (Frame fr : BUSY.frames()) {
            if (fr.point().kind() != PointKind.UNDERLAY || !Frames.isIpv4(fr)) {
                continue;
            }
            byte[] d = fr.data();
            int u = 14 + 20;
            int udpLen = Frames.u16(d, u + 4);
            assertThat(Frames.u16(d, u + 6)).as("a checksum, not 0 (none)").isNotZero();
            long sum = Frames.u16(d, 14 + 12) + Frames.u16(d, 14 + 14) + Frames.u16(d, 14 + 16) + Frames.u16(d, 14 + 18)
                    + 17 + udpLen;
            for (int i = 0; i < udpLen; i += 2) {
                sum += i + 1 < udpLen ? Frames.u16(d, u + i) : (d[u + i] & 0xff) << 8;
            }
            while (sum >>> 16 != 0) {
                sum = (sum & 0xffff) + (sum >>> 16);
            }
            assertThat(sum).as("one's complement sum at %s", fr.point()).isEqualTo(0xffff);
            checked++;
        }
        assertThat(checked).isGreaterThan(100);
    }

    @Test
    void macsAndInterfaceNamesFollowSilksScheme() {
        Foundation f = BUSY.foundation();
        for (Frame fr : BUSY.frames()) {
            byte[] d = fr.data();
            Cell c = f.cell(fr.point().cell()).orElseThrow();
            switch (fr.point().kind()) {
                case CONTAINER_VETH -> {
                    int ip = SilkNames.containerIpOfVeth(fr.point().iface());
                    Instance i = f.instanceByIp(Ipv4.format(ip)).orElseThrow();
                    assertThat(i.cell()).isEqualTo(c.name());
                    long a = Frames.mac(d, 0);
                    long b = Frames.mac(d, 6);
                    assertThat(List.of(a, b)).containsExactlyInAnyOrder(SilkNames.containerMac(ip), SilkNames.hostVethMac(ip));
                }
                case VTEP -> {
                    if (Frames.isIpv4(fr)) {
                        long dst = Frames.mac(d, 0);
                        long src = Frames.mac(d, 6);
                        assertThat(f.cells().stream().map(Cell::vtepMac)).contains(dst, src);
                    }
                }
                default -> {
                }
            }
        }
    }

    @Test
    void containerIpsComeFromTheCellsLeaseStartingAtDot2() {
        Foundation f = SimTestSupport.run("wrong-tag", 1).foundation();
        Cell cell1 = f.cell("cell1").orElseThrow();
        List<String> ips = f.instances().stream().filter(i -> i.cell().equals("cell1")).map(Instance::ip).toList();
        assertThat(ips).containsExactly("10.255.77.2", "10.255.77.3");
        assertThat(ips).allMatch(ip -> cell1.holds(Ipv4.parse(ip)));
        assertThat(SilkNames.formatMac(cell1.vtepMac())).isEqualTo("ee:ee:0a:ff:4d:00");
    }

    @Test
    void innerTtlIsDecrementedOnceByEachCellThatRoutesIt() {
        SimResult r = SimTestSupport.run("seed", 2);
        Frame[] syn = r.frames().stream().limit(6).toArray(Frame[]::new);
        int[] ttl = Arrays.stream(syn).mapToInt(fr -> fr.data()[Frames.innerIp(fr) + 8] & 0xff).toArray();
        assertThat(Arrays.stream(syn).map(fr -> fr.point().name()).toList()).containsExactly(
                "cell1:s-010255077002", "cell1:silk-vtep", "cell1:eth0", "cell2:eth0", "cell2:silk-vtep", "cell2:s-010255021002");
        assertThat(ttl).containsExactly(64, 63, 63, 63, 63, 62);
    }

    @Test
    void tcpHandshakeAcknowledgesEachSidesInitialSequence() {
        SimResult r = SimTestSupport.run("seed", 2);
        List<Frame> veth = r.frames().stream().filter(fr -> fr.point().name().equals("cell1:s-010255077002")).limit(3).toList();
        byte[] syn = veth.get(0).data();
        byte[] synAck = veth.get(1).data();
        byte[] ack = veth.get(2).data();
        int t = 14 + 20;
        assertThat(syn[t + 13]).isEqualTo((byte) 0x02);
        assertThat(synAck[t + 13]).isEqualTo((byte) 0x12);
        assertThat(ack[t + 13]).isEqualTo((byte) 0x10);
        assertThat(Frames.u32(synAck, t + 8)).isEqualTo(Frames.u32(syn, t + 4) + 1);
        assertThat(Frames.u32(ack, t + 4)).isEqualTo(Frames.u32(syn, t + 4) + 1);
        assertThat(Frames.u32(ack, t + 8)).isEqualTo(Frames.u32(synAck, t + 4) + 1);
        assertThat(Frames.u16(synAck, 14 + 4)).as("SYN-ACK IP ID").isZero();
    }

    @Test
    void rejectIcmpComesFromTheDestinationVtepAndQuotesTheRejectedSyn() {
        SimResult r = SimTestSupport.run("no-policy", 2);
        Frame icmp = r.frames().stream().filter(fr -> fr.point().name().equals("cell1:s-010255077002")
                && fr.data()[14 + 9] == 1).findFirst().orElseThrow();
        Frame syn = r.frames().get(0);
        byte[] d = icmp.data();
        assertThat(Ipv4.format(Frames.u32(d, 14 + 12))).isEqualTo("10.255.21.0");
        assertThat(d[14 + 1] & 0xff).as("TOS: internetwork control").isEqualTo(0xc0);
        int q = 14 + 20 + 8;
        assertThat(Arrays.copyOfRange(d, q + 12, q + 20)).isEqualTo(Arrays.copyOfRange(syn.data(), 14 + 12, 14 + 20));
        assertThat(Arrays.copyOfRange(d, q + 20, q + 28)).isEqualTo(Arrays.copyOfRange(syn.data(), 14 + 20, 14 + 28));
    }
}
