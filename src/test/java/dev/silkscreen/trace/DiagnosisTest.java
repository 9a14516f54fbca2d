package dev.silkscreen.trace;

import static org.assertj.core.api.Assertions.assertThat;

import dev.silkscreen.model.CapturePoint;
import dev.silkscreen.model.CellTables;
import dev.silkscreen.model.ConntrackUse;
import dev.silkscreen.model.Foundation;
import dev.silkscreen.model.Frame;
import dev.silkscreen.model.LinkType;
import dev.silkscreen.model.PointKind;
import dev.silkscreen.model.Policy;
import dev.silkscreen.model.Verdict;
import dev.silkscreen.sim.PacketTruth;
import dev.silkscreen.sim.Scenarios;
import dev.silkscreen.sim.SimResult;
import dev.silkscreen.sim.Simulator;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The whole-trace diagnosis names each fault in the sentence an operator acts on, with figures
 * that agree with the simulator's ground truth, and names nothing in scenarios without it.
 */
class DiagnosisTest {

    /** What the diagnosis must find in each built-in scenario (nothing where not listed). */
    private static final Map<String, List<String>> EXPECTED = Map.of(
            "underlay-mtu", List.of("underlay-mtu"),
            "vxlan-blocked", List.of("vxlan-blocked"),
            "reply-lost", List.of("reply-lost"),
            "conntrack-full", List.of("conntrack-full"),
            "cell-down", List.of("underlay-silent"));

    static Stream<String> scenarios() {
        return Scenarios.BUILT_IN.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("scenarios")
    void findsTheFaultOfEachScenarioAndNothingElse(String name) {
        assertThat(FaultTraces.run(name, true).kinds()).as(name).isEqualTo(EXPECTED.getOrDefault(name, List.of()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("scenarios")
    void fromFramesAloneTheSameExceptWhatOnlyTheTopologyKnows(String name) {
        List<String> expected = name.equals("conntrack-full") ? List.of() : EXPECTED.getOrDefault(name, List.of());
        assertThat(FaultTraces.run(name, false).kinds()).as(name).isEqualTo(expected);
    }

    @Test
    void underlayMtuNamesTheSmallestLostFrameAndTheLargestThatArrived() {
        FaultTraces.Run run = FaultTraces.run("underlay-mtu", true);
        SimResult r = run.sim();
        Map<SimTraces.Key, Integer> sizeLeavingCell1 = new HashMap<>();
        for (Frame f : r.frames()) {
            if (f.point().cell().equals("cell1") && f.point().kind() == PointKind.UNDERLAY && f.data().length > 60) {
                sizeLeavingCell1.putIfAbsent(SimTraces.keyOf(f), f.origLen());
            }
        }
        int minLost = Integer.MAX_VALUE;
        int maxArrived = 0;
        int lost = 0;
        for (PacketTruth t : r.truth()) {
            Integer size = sizeLeavingCell1.get(SimTraces.keyOf(t));
            if (size == null || !t.srcCell().equals("cell1")) {
                continue;
            }
            if (t.dropStage() == 7) {
                lost++;
                minLost = Math.min(minLost, size);
            } else if (t.lastStage() >= 8) {
                maxArrived = Math.max(maxArrived, size);
            }
        }
        assertThat(lost).isPositive();
        assertThat(minLost).isGreaterThan(1414);
        assertThat(run.finding("underlay-mtu").text()).isEqualTo("frames of " + minLost + " B and more leave cell1 and never reach cell2;"
                + " smaller ones do: the underlay path MTU is below the NICs' 1500 (" + lost + " lost, the largest that arrived had "
                + maxArrived + " B)");
    }

    @Test
    void vxlanBlockedCountsEveryOverlayPacketThatLeftEachCell() {
        FaultTraces.Run run = FaultTraces.run("vxlan-blocked", true);
        long fromCell1 = lostOnTheUnderlay(run.sim(), "cell1");
        long fromCell2 = lostOnTheUnderlay(run.sim(), "cell2");
        assertThat(fromCell1).isPositive();
        assertThat(fromCell2).isPositive();
        assertThat(run.finding("vxlan-blocked").text()).isEqualTo("no VXLAN from cell1 reached cell2 (0 of " + fromCell1
                + ") and none from cell2 reached cell1 (0 of " + fromCell2 + "); UDP 4789 between the cells is blocked");
    }

    @Test
    void vxlanBlockedOneWayIsToldFromACellThatIsDownByTheOtherNicsFrames() {
        FaultTraces.Run run = FaultTraces.run("vxlan-blocked", true);
        SimResult r = run.sim();
        // Only the TCP from cell1 to cell2 is left: none of it arrives.
        List<Frame> tcpOnly = new ArrayList<>(r.frames().stream().filter(f -> SimTraces.keyOf(f).flow().proto().equals("tcp")).toList());
        long lost = lostOnTheUnderlay(r, "cell1");
        assertThat(FaultTraces.trace(r, tcpOnly, r.foundation()).finding("underlay-silent").text())
                .isEqualTo("no VXLAN from cell1 reached cell2 (0 of " + lost + ") and cell2's NIC saw no frame at all:"
                        + " is cell2 down, or is UDP 4789 between the cells blocked?");
        // cell2's NIC was captured and saw an ARP request of its own: cell2 is up, VXLAN is what does not pass.
        Frame first = tcpOnly.get(0);
        tcpOnly.add(0, new Frame(new CapturePoint("cell2", "eth0"), first.timeNanos() - 1_000_000, LinkType.ETHERNET, 42, arpRequest()));
        assertThat(FaultTraces.trace(r, tcpOnly, r.foundation()).finding("vxlan-blocked").text())
                .isEqualTo("no VXLAN from cell1 reached cell2 (0 of " + lost + "); UDP 4789 between the cells is blocked");
    }

    /** Who has 10.0.16.1? Tell 10.0.16.12 (cell2 asking for its gateway). */
    private static byte[] arpRequest() {
        byte[] b = new byte[42];
        for (int i = 0; i < 6; i++) {
            b[i] = (byte) 0xff;
        }
        byte[] mac = {0x02, 0x00, 0x0a, 0x00, 0x10, 0x0c};
        System.arraycopy(mac, 0, b, 6, 6);
        b[12] = 0x08;
        b[13] = 0x06;
        byte[] arp = {0, 1, 8, 0, 6, 4, 0, 1};
        System.arraycopy(arp, 0, b, 14, 8);
        System.arraycopy(mac, 0, b, 22, 6);
        byte[] spa = {10, 0, 16, 12};
        System.arraycopy(spa, 0, b, 28, 4);
        byte[] tpa = {10, 0, 16, 1};
        System.arraycopy(tpa, 0, b, 38, 4);
        return b;
    }

    @Test
    void replyLostSaysTheSynArrivedAndWhereTheSynAckDied() {
        FaultTraces.Run run = FaultTraces.run("reply-lost", true);
        PacketTruth synAck = run.sim().truth().stream().filter(t -> t.summary().equals("TCP SYN-ACK")).reduce((a, b) -> b).orElseThrow();
        assertThat(run.sim().truth()).filteredOn(t -> t.summary().equals("TCP SYN")).allMatch(t -> t.verdict() == Verdict.DELIVERED);
        assertThat(run.finding("reply-lost").text()).startsWith("allowed but never established: AppB → AppA tcp 8080 (1 connection):"
                + " the SYN was delivered, the SYN-ACK never reached cell1 (dropped at step " + synAck.dropStage() + " on "
                + synAck.dropCell() + ")");
    }

    @Test
    void conntrackFullCitesTheTablesFiguresAndCountsTheVanishedPackets() {
        FaultTraces.Run run = FaultTraces.run("conntrack-full", true);
        long vanished = run.sim().truth().stream().filter(t -> "cell2".equals(t.dropCell()) && t.dropStage() == 10).count();
        assertThat(vanished).isPositive();
        assertThat(run.finding("conntrack-full").text()).startsWith("conntrack table full on cell2: nf_conntrack_count 262144 of"
                + " nf_conntrack_max 262144; " + vanished + " packets of new connections vanished on cell2 with no ICMP");
    }

    @Test
    void packetsVanishingWhereConntrackHasRoomAreNotBlamedOnIt() {
        FaultTraces.Run full = FaultTraces.run("conntrack-full", true);
        Foundation f = full.sim().foundation();
        Map<String, CellTables> tables = new HashMap<>(f.tables());
        CellTables t = tables.get("cell2");
        tables.put("cell2", new CellTables(t.routes(), t.neighbours(), t.fdb(), new ConntrackUse(1200, 262144)));
        Foundation roomy = new Foundation(f.name(), f.cells(), f.apps(), f.instances(), f.policies(), f.rules(), tables, f.faults());
        assertThat(FaultTraces.trace(full.sim(), SimTraces.skewed(full.sim(), 3), roomy).kinds()).isEmpty();
    }

    @Test
    void policyLagThePolicyCfHoldsIsMissingFromTheCellsRules() {
        SimResult r = Simulator.run(Scenarios.resolve("policy-lag"), FaultTraces.SEED, 0, null);
        Foundation f = r.foundation();
        List<Policy> cf = List.of(new Policy(f.app("AppB").orElseThrow().guid(), f.app("AppA").orElseThrow().guid(), "tcp", 8080, 8080));
        long rejected = r.truth().stream().filter(t -> t.dropStage() == 10 && "cell2".equals(t.dropCell())).count();
        assertThat(rejected).isPositive();
        FaultTraces.Run run = FaultTraces.trace(r, SimTraces.skewed(r, 5), f, cf);
        assertThat(run.finding("policy-lag").text()).startsWith("AppB → AppA tcp 8080: the policy exists in CF but not on cell2's"
                + " iptables: not applied yet (" + rejected + (rejected == 1 ? " packet" : " packets") + " rejected;");
        assertThat(run.kinds()).containsExactly("policy-lag");
    }

    @Test
    void aRejectionNoPolicyOfCfAdmitsIsNotALag() {
        SimResult r = Simulator.run(Scenarios.resolve("wrong-port"), FaultTraces.SEED, 0, null);
        Foundation f = r.foundation();
        // CF holds exactly the policies the cells have: the packet to the other port is rejected by design.
        List<Policy> cf = f.policies().stream().map(p -> new Policy(f.app(p.srcApp()).orElseThrow().guid(),
                f.app(p.dstApp()).orElseThrow().guid(), p.protocol(), p.portStart(), p.portEnd())).toList();
        assertThat(FaultTraces.trace(r, SimTraces.skewed(r, 5), f, cf).kinds()).isEmpty();
        // By name works too; and where the cell's rules do admit it, the rejection is not the lag's.
        SimResult lag = Simulator.run(Scenarios.resolve("policy-lag"), FaultTraces.SEED, 0, null);
        assertThat(FaultTraces.trace(lag, SimTraces.skewed(lag, 5), lag.foundation(),
                List.of(new Policy("AppB", "AppA", "tcp", 8080, 8080))).kinds()).containsExactly("policy-lag");
        assertThat(FaultTraces.trace(lag, SimTraces.skewed(lag, 5), lag.foundation(),
                List.of(new Policy("AppB", "AppA", "tcp", 9000, 9100))).kinds()).isEmpty();
    }

    private static long lostOnTheUnderlay(SimResult r, String fromCell) {
        Set<SimTraces.Key> keys = new HashSet<>();
        for (PacketTruth t : r.truth()) {
            if (fromCell.equals(t.dropCell()) && t.dropStage() == 7) {
                keys.add(SimTraces.keyOf(t));
            }
        }
        return keys.size();
    }
}
