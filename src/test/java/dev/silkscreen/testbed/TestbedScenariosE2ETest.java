package dev.silkscreen.testbed;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Each scenario, made with the kernel, does what the simulator's scenario of that name says:
 * checked on the traffic's outcome and on what tcpdump saw at the points (read by tshark).
 * This is the ground truth the decoder, the correlator and the simulator are held to.
 */
@Tag("e2e")
class TestbedScenariosE2ETest {
    private static final String[] FIELDS = {
        "frame.protocols", "frame.len", "ip.src", "ip.dst", "ip.ttl", "ip.flags.df", "vxlan.flags", "vxlan.gbp",
        "tcp.dstport", "tcp.flags.syn", "tcp.flags.ack", "udp.dstport", "icmp.type", "icmp.code", "icmp.mtu", "arp.dst.proto_ipv4",
    };
    private static final String CLIENT_VETH = "cell1:s-010255077002";
    private static final String SERVER_VETH = "cell2:s-010255021002";

    @BeforeAll
    static void usable() {
        TestbedRig.assumeUsable();
    }

    @AfterAll
    static void tearDown() {
        if (TestbedRig.missingPrerequisite() == null) {
            TestbedRig.down();
        }
    }

    @Test
    void seedDeliversTcpAndUdpTaggedWithAppBsGbpAndRejectsPingFromTheVtepAddress() {
        PointCaptures run = ScenarioRuns.of("seed", "http", "upload", "udp", "ping");

        assertThat(run.result("http", "AppB/0")).contains(" ok 200 6000 bytes");
        assertThat(run.result("upload", "AppB/0")).contains("received 200000 bytes");
        assertThat(run.result("udp", "AppB/0")).contains(" ok echo from AppB/0");
        assertThat(run.result("ping", "AppB/0")).contains("From 10.255.21.0").contains("Port Unreachable");
        assertThat(frames(run, "cell1:eth0")).filteredOn(innerSyn(8080))
                .isNotEmpty().allMatch(f -> f.get("vxlan.flags").equals("0x8800") && f.get("vxlan.gbp").equals("2"));
        assertThat(frames(run, SERVER_VETH)).anyMatch(innerSyn(8080));
    }

    @Test
    void noPolicyRejectsAtCell2WithPortUnreachableFromItsVtepSentBackWithoutGbp() {
        PointCaptures run = ScenarioRuns.of("no-policy");

        assertThat(run.result("http", "AppB/0")).contains(" failed curl: (7)");
        assertThat(frames(run, SERVER_VETH)).noneMatch(innerSyn(8080));
        assertThat(frames(run, "cell2:eth0")).filteredOn(f -> f.get("icmp.type").equals("3"))
                .isNotEmpty()
                .allMatch(f -> f.get("icmp.code").equals("3") && f.get("ip.src").startsWith("172.31.200.12,10.255.21.0,")
                        && f.get("vxlan.flags").equals("0x0800") && f.get("vxlan.gbp").equals("0"));
    }

    @Test
    void wrongPortRejectsTcpToAPortNoPolicyAdmits() {
        PointCaptures run = ScenarioRuns.of("wrong-port");

        assertThat(run.result("http", "AppB/0")).contains(" failed curl: (7)").contains("port 9090");
        assertThat(frames(run, "cell2:silk-vtep")).anyMatch(innerSyn(9090));
        assertThat(frames(run, SERVER_VETH)).noneMatch(innerSyn(9090));
    }

    @Test
    void wrongTagRejectsAppBsTagAndDeliversAppCsOnTheSamePort() {
        PointCaptures run = ScenarioRuns.of("wrong-tag");

        assertThat(run.result("http", "AppB/0")).contains(" failed curl: (7)");
        assertThat(run.result("http", "AppC/0")).contains(" ok 200");
        List<Map<String, String>> underlay = frames(run, "cell2:eth0");
        assertThat(underlay).filteredOn(innerSyn(8080)).extracting(f -> f.get("vxlan.gbp")).containsOnly("2", "3").contains("2", "3");
        assertThat(frames(run, SERVER_VETH)).filteredOn(innerSyn(8080)).extracting(f -> f.get("ip.src")).containsOnly("10.255.77.4");
    }

    @Test
    void sameCellIsRoutedBetweenTheTwoVethsAndNeverEncapsulated() {
        PointCaptures run = ScenarioRuns.of("same-cell");

        assertThat(run.result("http", "AppB/0")).contains(" ok 200");
        assertThat(frames(run, CLIENT_VETH)).anyMatch(innerSyn(8080));
        assertThat(frames(run, "cell1:s-010255077003")).anyMatch(innerSyn(8080));
        assertThat(frames(run, "cell1:silk-vtep")).noneMatch(f -> f.get("ip.dst").contains("10.255.77.3"));
        assertThat(frames(run, "cell1:eth0")).noneMatch(f -> f.get("frame.protocols").contains("vxlan"));
    }

    @Test
    void sameCellRejectsTheReverseCallWithoutPolicyFromTheHostVethAddress() {
        PointCaptures run = ScenarioRuns.of("same-cell");

        assertThat(run.result("http", "AppA/1")).contains(" failed curl: (7)");
        assertThat(frames(run, "cell1:s-010255077003")).anyMatch(f -> f.get("icmp.type").equals("3") && f.get("icmp.code").equals("3")
                && f.get("ip.src").startsWith("169.254.0.1,"));
        assertThat(frames(run, CLIENT_VETH)).noneMatch(f -> f.get("ip.src").equals("10.255.77.3") && f.get("tcp.flags.syn").equals("1")
                && f.get("tcp.flags.ack").equals("0"));
    }

    @Test
    void staleFdbSendsTheUnderlayPacketToCell3InsteadOfCell2() {
        PointCaptures run = ScenarioRuns.of("stale-fdb");

        assertThat(run.result("http", "AppB/0")).contains(" failed curl: (28)");
        assertThat(frames(run, "cell1:eth0")).filteredOn(innerSyn(8080)).isNotEmpty()
                .allMatch(f -> f.get("ip.dst").startsWith("172.31.200.13,"));
        assertThat(frames(run, "cell3:eth0")).anyMatch(innerSyn(8080));
        assertThat(frames(run, "cell2:eth0")).noneMatch(innerSyn(8080));
        assertThat(frames(run, SERVER_VETH)).isEmpty();
    }

    @Test
    void noRouteLeavesOnlyUnansweredArpOnSilkVtepAndNothingOnTheUnderlay() {
        PointCaptures run = ScenarioRuns.of("no-route");

        assertThat(run.result("http", "AppB/0")).contains(" failed curl: (28)");
        assertThat(frames(run, "cell1:silk-vtep")).anyMatch(f -> f.get("arp.dst.proto_ipv4").equals("10.255.21.2"))
                .noneMatch(innerSyn(8080));
        assertThat(frames(run, "cell1:eth0")).noneMatch(f -> f.get("frame.protocols").contains("vxlan"));
    }

    @Test
    void mtuAnswersTheOversizedDfDatagramWithFragmentationNeededFromTheCellButPassesSmallPackets() {
        PointCaptures run = ScenarioRuns.of("mtu", "bigudp", "http", "upload");

        assertThat(run.result("bigudp", "AppB/0")).contains(" failed ");
        assertThat(run.result("http", "AppB/0")).contains(" ok ");
        assertThat(run.result("upload", "AppB/0")).as("TCP adapts by path MTU discovery").contains(" ok ");
        assertThat(frames(run, CLIENT_VETH)).anyMatch(f -> f.get("frame.len").equals("1514") && f.get("ip.flags.df").equals("1"))
                .anyMatch(f -> f.get("icmp.type").equals("3") && f.get("icmp.code").equals("4")
                        && f.get("icmp.mtu").equals("1450") && f.get("ip.src").startsWith("169.254.0.1,"));
        assertThat(frames(run, "cell1:silk-vtep")).noneMatch(f -> f.get("udp.dstport").equals("9000") && f.get("frame.len").equals("1514"));
    }

    @Test
    void cellDownLetsTheUnderlayPacketLeaveCell1AndNothingArrivesAtCell2() {
        PointCaptures run = ScenarioRuns.of("cell-down");

        assertThat(run.result("http", "AppB/0")).contains(" failed curl: (28)");
        assertThat(frames(run, "cell1:eth0")).filteredOn(innerSyn(8080)).isNotEmpty()
                .allMatch(f -> f.get("ip.dst").startsWith("172.31.200.12,"));
        assertThat(frames(run, "cell2:eth0")).isEmpty();
    }

    @Test
    void forwardingDecrementsTheInnerTtlOncePerCellWhileTheOuterHeaderStartsAt64() {
        PointCaptures run = ScenarioRuns.of("seed");

        assertThat(frames(run, CLIENT_VETH)).filteredOn(innerSyn(8080)).extracting(f -> f.get("ip.ttl")).containsOnly("64");
        assertThat(frames(run, "cell1:eth0")).filteredOn(innerSyn(8080)).extracting(f -> f.get("ip.ttl")).containsOnly("64,63");
        assertThat(frames(run, SERVER_VETH)).filteredOn(innerSyn(8080)).extracting(f -> f.get("ip.ttl")).containsOnly("62");
    }

    private static List<Map<String, String>> frames(PointCaptures run, String point) {
        return TsharkFields.of(run.file(point), FIELDS);
    }

    /** A TCP SYN (not SYN-ACK) to {@code port}, encapsulated or not (and not quoted by an ICMP error). */
    private static Predicate<Map<String, String>> innerSyn(int port) {
        return f -> f.get("tcp.dstport").equals(Integer.toString(port)) && f.get("tcp.flags.syn").equals("1")
                && f.get("tcp.flags.ack").equals("0") && f.get("icmp.type").isEmpty();
    }
}
