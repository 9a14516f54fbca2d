package dev.silkscreen.trace;

import static org.assertj.core.api.Assertions.assertThat;

import dev.silkscreen.model.Ipv4;
import java.util.List;
import org.junit.jupiter.api.Test;

/** vxlan-policy-agent's ACCEPT rules, read from iptables-save lines. */
class PolicyRulesTest {
    private static final int DST = Ipv4.parse("10.255.77.4");

    private static final List<String> RULES = List.of(
            "-A vpa--1555608460726256 -s 10.255.77.3/32 -m comment --comment \"src:a1b2\" -j MARK --set-xmark 0x2/0xffffffff",
            "-A vpa--1555608460726256 -d 10.255.77.4/32 -p tcp -m tcp --dport 8080 -m mark --mark 0x2 -m conntrack --ctstate INVALID,NEW,UNTRACKED -j LOG --log-prefix \"OK_0002_c7de6123-d906-4c65-9 \"",
            "-A vpa--1555608460726256 -d 10.255.77.4/32 -p tcp -m tcp --dport 8080 -m mark --mark 0x2 -m comment --comment \"src:a_dst:b\" -j ACCEPT",
            "-A vpa--1555608460726256 -d 10.255.77.4/32 -p udp -m udp --dport 7000:8000 -m mark --mark 0x9 -j ACCEPT",
            "-A overlay--abc -d 10.255.77.4/32 -j REJECT --reject-with icmp-port-unreachable");

    private final PolicyRules rules = PolicyRules.parse(RULES);

    @Test
    void onlyTheAcceptRulesOfTheVpaChainCount() {
        assertThat(rules.accepts()).hasSize(2);
    }

    @Test
    void aTagIsAdmittedToItsPortAndNoOther() {
        assertThat(rules.admits(2, DST, "tcp", 8080)).isTrue();
        assertThat(rules.admits(2, DST, "tcp", 8081)).isFalse();
        assertThat(rules.admits(3, DST, "tcp", 8080)).isFalse();
    }

    @Test
    void portRangesAdmitTheirEnds() {
        assertThat(rules.admits(9, DST, "udp", 7000)).isTrue();
        assertThat(rules.admits(9, DST, "udp", 8000)).isTrue();
        assertThat(rules.admits(9, DST, "udp", 8001)).isFalse();
        assertThat(rules.admits(9, DST, "tcp", 7500)).isFalse();
    }
}
