package dev.silkscreen.sim;

import static org.assertj.core.api.Assertions.assertThat;

import dev.silkscreen.model.Foundation;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The rules print exactly as iptables-save prints vxlan-policy-agent's and the CNI wrapper's. */
class PolicyRulesTest {
    private static final Foundation SEED = Simulator.foundation(Scenarios.named("seed"), 1);

    private static List<String> rules(String cell) {
        return SEED.rules().get(cell);
    }

    @Test
    void sourceCellMarksItsContainerWithTheAppsTag() {
        String guid = SEED.app("AppB").orElseThrow().guid();
        assertThat(rules("cell1")).contains("-A vpa--1767225600000000 -s 10.255.77.2/32 -m comment --comment \"src:"
                + guid + "\" -j MARK --set-xmark 0x2/0xffffffff");
    }

    @Test
    void destinationCellLogsAndAcceptsThePolicysMarkAndPort() {
        String a = SEED.app("AppA").orElseThrow().guid();
        String b = SEED.app("AppB").orElseThrow().guid();
        assertThat(rules("cell2")).contains(
                "-A vpa--1767225600000000 -d 10.255.21.2/32 -p tcp -m tcp --dport 8080 -m mark --mark 0x2 -m conntrack"
                        + " --ctstate INVALID,NEW,UNTRACKED -j LOG --log-prefix \"OK_0002_" + a.substring(0, 20) + " \"",
                "-A vpa--1767225600000000 -d 10.255.21.2/32 -p tcp -m tcp --dport 8080 -m mark --mark 0x2 -m comment"
                        + " --comment \"src:" + b + "_dst:" + a + "\" -j ACCEPT");
    }

    @Test
    void overlayChainEndsInRejectWithPortUnreachable() {
        String handle = SEED.instances().stream().filter(i -> i.app().equals("AppA")).findFirst().orElseThrow().handle();
        String chain = ("overlay--" + handle).substring(0, 28);
        List<String> own = rules("cell2").stream().filter(l -> l.startsWith("-A " + chain + " ")).toList();
        assertThat(own).containsExactly(
                "-A " + chain + " -s 10.255.21.2/32 -o silk-vtep -m mark ! --mark 0x0 -j ACCEPT",
                "-A " + chain + " -d 10.255.21.2/32 -m state --state RELATED,ESTABLISHED -j ACCEPT",
                "-A " + chain + " -d 10.255.21.2/32 -m mark --mark 0xffff0000 -j ACCEPT",
                "-A " + chain + " -d 10.255.21.2/32 -m limit --limit 5/sec -j LOG --log-prefix \"DENY_C2C_" + handle.substring(0, 19) + " \"",
                "-A " + chain + " -d 10.255.21.2/32 -j REJECT --reject-with icmp-port-unreachable");
    }

    @Test
    void vpaChainIsJumpedToFirstFromForward() {
        List<String> forward = rules("cell1").stream().filter(l -> l.startsWith("-A FORWARD")).toList();
        assertThat(forward.get(0)).isEqualTo("-A FORWARD -j vpa--1767225600000000");
        assertThat(rules("cell1").get(0)).isEqualTo("*filter");
        assertThat(rules("cell1")).last().isEqualTo("COMMIT");
    }

    @Test
    void portRangesPrintWithAColon() {
        var r = dev.silkscreen.model.IptablesRule.in("vpa--1").dst("10.255.1.2/32").proto("tcp").dport(7000, 8000)
                .mark(3).to("ACCEPT");
        assertThat(r.render()).isEqualTo("-A vpa--1 -d 10.255.1.2/32 -p tcp -m tcp --dport 7000:8000 -m mark --mark 0x3 -j ACCEPT");
    }

    @Test
    void silkDaemonWritesRouteNeighbourAndFdbPerRemoteCell() {
        var t = SEED.tablesOf("cell1");
        assertThat(t.routes().stream().map(r -> r.render())).contains(
                "10.255.0.0/16 dev silk-vtep proto kernel scope link src 10.255.77.0",
                "10.255.21.0/24 via 10.255.21.0 dev silk-vtep",
                "10.255.77.2 dev s-010255077002 proto kernel scope link src 169.254.0.1");
        assertThat(t.neighbours().stream().map(n -> n.render())).contains("10.255.21.0 dev silk-vtep lladdr ee:ee:0a:ff:15:00 PERMANENT");
        assertThat(t.fdb().stream().map(e -> e.render())).containsExactly("ee:ee:0a:ff:15:00 dev silk-vtep dst 10.0.16.12 self permanent");
    }
}
