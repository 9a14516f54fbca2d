package dev.silkscreen.ui.inspector;

import static org.assertj.core.api.Assertions.assertThat;

import dev.silkscreen.model.Foundation;
import dev.silkscreen.ui.Fixtures;
import java.util.List;
import org.junit.jupiter.api.Test;

class RuleMatcherTest {
    private final Foundation f = Fixtures.seed();

    @Test
    void theSourceCellMarksWithTheSourceAppsTag() {
        List<String> rules = RuleBook.of(f, "cell1").lines();
        int i = RuleMatcher.markRule(rules, Fixtures.delivered(1, 0));
        assertThat(rules.get(i)).contains("-s " + Fixtures.APP_B_IP + "/32").contains("--set-xmark 0x4/");
    }

    @Test
    void anAllowedPacketMatchesItsPolicysAcceptRule() {
        List<String> rules = RuleBook.of(f, "cell2").lines();
        int i = RuleMatcher.decidingRule(rules, Fixtures.delivered(1, 0));
        assertThat(rules.get(i)).contains("--dport 8080").contains("--mark 0x4").endsWith("-j ACCEPT");
    }

    @Test
    void aPacketWithAnotherMarkFallsToTheReject() {
        List<String> rules = RuleBook.of(f, "cell2").lines();
        var fromAppC = Fixtures.journey(1, Fixtures.APP_C_IP, Fixtures.APP_A_IP, 8080, "TCP SYN",
                dev.silkscreen.model.Verdict.DROPPED, 10, 0, "cell1", "cell2", 5, "AppC", "AppA");
        int i = RuleMatcher.decidingRule(rules, fromAppC);
        assertThat(rules.get(i)).contains("-j REJECT --reject-with icmp-port-unreachable");
    }

    @Test
    void aPacketToAnotherPortFallsToTheReject() {
        List<String> rules = List.of(
                "-A vpa--1 -d 10.255.2.2/32 -p tcp -m tcp --dport 7000:7999 -m mark --mark 0x4 -j ACCEPT",
                "-A overlay--a -d 10.255.2.2/32 -j REJECT --reject-with icmp-port-unreachable");
        assertThat(RuleMatcher.decidingRule(rules, Fixtures.delivered(1, 0))).isEqualTo(1);
    }

    @Test
    void recordedRulesWinOverDerivedOnes() {
        Foundation withRules = new Foundation("x", f.cells(), f.apps(), f.instances(), f.policies(),
                java.util.Map.of("cell2", List.of("-A FORWARD -j vpa--9")));
        assertThat(RuleBook.of(withRules, "cell2").derived()).isFalse();
        assertThat(RuleBook.of(f, "cell2").derived()).isTrue();
    }

    @Test
    void derivedRulesAreTheSimulatorsIncludingItsLogRules() {
        List<String> rules = RuleBook.of(f, "cell2").lines();
        assertThat(rules).isEqualTo(dev.silkscreen.sim.PolicyRules.iptablesSave(f, "cell2"));
        assertThat(rules).anyMatch(l -> l.contains("-j LOG --log-prefix \"OK_"))
                .anyMatch(l -> l.contains("-j LOG --log-prefix \"DENY_C2C_"));
    }

    @Test
    void onlyTheChainForwardJumpsToMarksAndAdmits() {
        List<String> rules = List.of(
                "-A FORWARD -j vpa--1732489802123456",
                "-A vpa--1732489701000000 -s " + Fixtures.APP_B_IP + "/32 -j MARK --set-xmark 0x9/0xffffffff",
                "-A vpa--1732489701000000 -d 10.255.2.2/32 -p tcp -m tcp --dport 8080 -m mark --mark 0x4 -j ACCEPT",
                "-A vpa--1732489802123456 -s " + Fixtures.APP_B_IP + "/32 -j MARK --set-xmark 0x4/0xffffffff",
                "-A overlay--a -d 10.255.2.2/32 -j REJECT --reject-with icmp-port-unreachable");
        assertThat(RuleMatcher.markRule(rules, Fixtures.delivered(1, 0))).isEqualTo(3);
        assertThat(RuleMatcher.decidingRule(rules, Fixtures.delivered(1, 0))).isEqualTo(4);
    }
}
