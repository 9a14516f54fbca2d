package dev.silkscreen.sim;

import static org.assertj.core.api.Assertions.assertThat;

import dev.silkscreen.model.Frame;
import dev.silkscreen.model.PointKind;
import dev.silkscreen.model.Verdict;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Each scenario's ground truth is what the scenario promises, and the frames agree with it. */
class ScenarioTruthTest {

    private static List<PacketTruth> tcp(SimResult r, String summary) {
        return r.truth().stream().filter(t -> t.summary().equals(summary)).toList();
    }

    private static List<Frame> at(SimResult r, String point) {
        return r.frames().stream().filter(f -> f.point().name().equals(point)).toList();
    }

    @Test
    void seedDeliversEveryPacketOfItsConnections() {
        SimResult r = SimTestSupport.run("seed", 3);
        assertThat(r.truth()).isNotEmpty().allMatch(t -> t.verdict() == Verdict.DELIVERED && t.lastStage() == 11);
        assertThat(tcp(r, "TCP SYN")).hasSize(3);
        assertThat(tcp(r, "TCP SYN-ACK")).hasSize(3);
        assertThat(r.truth()).anyMatch(t -> t.summary().startsWith("TCP ACK 1398 bytes"));
    }

    @Test
    void noPolicyRejectsTheSynOnCell2AndPortUnreachableReachesAppB() {
        SimResult r = SimTestSupport.run("no-policy", 3);
        assertThat(tcp(r, "TCP SYN")).isNotEmpty().allSatisfy(t -> {
            assertThat(t.verdict()).isEqualTo(Verdict.DROPPED);
            assertThat(t.dropStage()).isEqualTo(10);
            assertThat(t.dropCell()).isEqualTo("cell2");
            assertThat(t.reason()).contains("rejected");
        });
        assertThat(tcp(r, "ICMP port unreachable")).isNotEmpty().allSatisfy(t -> {
            assertThat(t.flow().src()).isEqualTo("10.255.21.0");
            assertThat(t.verdict()).isEqualTo(Verdict.DELIVERED);
        });
        assertThat(tcp(r, "TCP SYN-ACK")).isEmpty();
    }

    @Test
    void wrongPortSynReachesCell2VtepIsRejectedAtStep10AndTheIcmpReturnsToAppBsVeth() {
        SimResult r = SimTestSupport.run("wrong-port", 3);
        PacketTruth syn = tcp(r, "TCP SYN").get(0);
        assertThat(syn.flow().dport()).isEqualTo(9090);
        assertThat(syn.dropStage()).isEqualTo(10);
        List<Frame> vtep2 = at(r, "cell2:silk-vtep");
        assertThat(vtep2).anyMatch(f -> f.data()[14 + 9] == 6 && Frames.u16(f.data(), 14 + 20 + 2) == 9090);
        List<Frame> vethB = at(r, "cell1:s-010255077002");
        assertThat(vethB).anyMatch(f -> f.data()[14 + 9] == 1 && f.data()[14 + 20] == 3 && f.data()[14 + 21] == 3);
    }

    @Test
    void wrongTagRejectsAppBButAdmitsAppCToTheSamePort() {
        SimResult r = SimTestSupport.run("wrong-tag", 3);
        List<PacketTruth> syns = tcp(r, "TCP SYN");
        assertThat(syns).filteredOn(t -> t.flow().src().equals("10.255.77.2")).allMatch(t -> t.dropStage() == 10);
        assertThat(syns).filteredOn(t -> t.flow().src().equals("10.255.77.3")).allMatch(t -> t.verdict() == Verdict.DELIVERED);
    }

    @Test
    void sameCellIsMarkedAndCheckedButNeverEncapsulated() {
        SimResult r = SimTestSupport.run("same-cell", 3);
        assertThat(r.frames()).noneMatch(f -> f.point().kind() == PointKind.UNDERLAY || f.point().kind() == PointKind.VTEP);
        assertThat(r.truth()).filteredOn(t -> t.flow().dport() == 8080 && t.flow().src().equals("10.255.77.3"))
                .isNotEmpty().allMatch(t -> t.verdict() == Verdict.DELIVERED);
        // AppA -> AppB has no policy: the same-cell check rejects it at step 10.
        assertThat(tcp(r, "TCP SYN")).filteredOn(t -> t.flow().src().equals("10.255.77.2"))
                .isNotEmpty().allMatch(t -> t.dropStage() == 10 && t.dropCell().equals("cell1"));
    }

    @Test
    void staleFdbDeliversToTheWrongCellWhichDropsAfterDecapsulation() {
        SimResult r = SimTestSupport.run("stale-fdb", 3);
        PacketTruth syn = tcp(r, "TCP SYN").get(0);
        assertThat(syn.dropStage()).isEqualTo(9);
        assertThat(syn.dropCell()).isEqualTo("cell3");
        assertThat(syn.reason()).contains("stale FDB").contains("cell3");
        assertThat(at(r, "cell2:eth0")).isEmpty();
        assertThat(at(r, "cell3:silk-vtep")).isNotEmpty();
    }

    @Test
    void noRouteDiesAtStep4OnCell1WithHostUnreachable() {
        SimResult r = SimTestSupport.run("no-route", 3);
        assertThat(tcp(r, "TCP SYN")).isNotEmpty().allMatch(t -> t.dropStage() == 4 && t.dropCell().equals("cell1"));
        assertThat(tcp(r, "ICMP host unreachable")).isNotEmpty();
        assertThat(r.frames()).noneMatch(f -> f.point().kind() == PointKind.UNDERLAY);
        assertThat(at(r, "cell1:silk-vtep")).allMatch(f -> Frames.u16(f.data(), 12) == 0x0806);
    }

    @Test
    void mtuDropsTheDfDatagramAtStep4AndTheSenderSendsNothingMore() {
        SimResult r = SimTestSupport.run("mtu", 3);
        assertThat(r.truth()).extracting(PacketTruth::summary)
                .containsExactly("UDP 1472 bytes", "ICMP fragmentation needed (MTU 1450)");
        PacketTruth big = r.truth().get(0);
        assertThat(big.dropStage()).isEqualTo(4);
        assertThat(big.dropCell()).isEqualTo("cell1");
        assertThat(r.truth().get(1).verdict()).isEqualTo(Verdict.DELIVERED);
    }

    @Test
    void cellDownLosesEverySynOnTheUnderlayAndRetriesWithBackoff() {
        SimResult r = SimTestSupport.run("cell-down", 3);
        List<PacketTruth> syns = tcp(r, "TCP SYN");
        assertThat(syns).hasSize(4).allMatch(t -> t.dropStage() == 7);
        assertThat(syns.get(1).sentAtNanos() - syns.get(0).sentAtNanos()).isEqualTo(1_000_000_000L);
        assertThat(syns.get(2).sentAtNanos() - syns.get(1).sentAtNanos()).isEqualTo(2_000_000_000L);
        assertThat(at(r, "cell1:eth0")).hasSize(4);
        assertThat(at(r, "cell2:eth0")).isEmpty();
    }

    @Test
    void meowSendsNothingFromItsNamespace() {
        SimResult r = SimTestSupport.run("meow", 3);
        List<PacketTruth> meow = r.truth().stream().filter(t -> t.flow().src().equals("0.0.0.0")).toList();
        assertThat(meow).hasSize(3).allMatch(t -> t.dropStage() == 2 && t.lastStage() == 2);
        assertThat(r.frames()).noneMatch(f -> Frames.isIpv4(f) && Frames.u32(f.data(), Frames.innerIp(f) + 12) == 0);
    }

    @Test
    void busyHasManyCellsAndBothDeliveredAndRejectedPackets() {
        SimResult r = SimTestSupport.run("busy", 3, 3000, null);
        assertThat(r.foundation().cells()).hasSize(20);
        assertThat(r.foundation().apps()).hasSize(100);
        assertThat(r.foundation().instances()).hasSize(300);
        assertThat(r.truth()).hasSizeGreaterThanOrEqualTo(3000);
        assertThat(r.truth()).anyMatch(t -> t.verdict() == Verdict.DELIVERED);
        assertThat(r.truth()).anyMatch(t -> t.dropStage() == 10);
    }
}
