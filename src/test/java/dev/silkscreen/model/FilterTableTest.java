package dev.silkscreen.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Which vpa-- chain counts, and what its rules admit, read from iptables-save lines. */
class FilterTableTest {
    private static final int DST = Ipv4.parse("10.255.77.4");

    private static final List<String> SAVE = List.of(
            "*filter",
            ":FORWARD ACCEPT [0:0]",
            ":overlay--abc - [0:0]",
            ":vpa--1732489802123456 - [0:0]",
            ":vpa--1732489701000000 - [0:0]",
            "-A FORWARD -j vpa--1732489802123456",
            "-A FORWARD -j overlay--abc",
            "-A overlay--abc -s 10.255.77.4/32 -o silk-vtep -m mark ! --mark 0x0 -j ACCEPT",
            "-A overlay--abc -d 10.255.77.4/32 -m mark --mark 0xffff0000 -j ACCEPT",
            "-A overlay--abc -d 10.255.77.4/32 -j REJECT --reject-with icmp-port-unreachable",
            "-A vpa--1732489701000000 -s 10.255.77.3/32 -j MARK --set-xmark 0x9/0xffffffff",
            "-A vpa--1732489701000000 -d 10.255.77.4/32 -p tcp -m tcp --dport 8080 -m mark --mark 0x9 -j ACCEPT",
            "-A vpa--1732489802123456 -s 10.255.77.3/32 -m comment --comment \"src:a1b2\" -j MARK --set-xmark 0x2/0xffffffff",
            "-A vpa--1732489802123456 -d 10.255.77.4/32 -p tcp -m tcp --dport 8080 -m mark --mark 0x2 -m conntrack --ctstate INVALID,NEW,UNTRACKED -j LOG --log-prefix \"OK_0002_c7de6123-d906-4c65-9 \"",
            "-A vpa--1732489802123456 -d 10.255.77.4/32 -p tcp -m tcp --dport 8080 -m mark --mark 0x2 -m comment --comment \"src:a_dst:b\" -j ACCEPT",
            "-A vpa--1732489802123456 -d 10.255.77.4/32 -p udp -m udp --dport 7000:8000 -m mark --mark 0x5/0xffff -j ACCEPT",
            "-A vpa--1732489802123456 -d 10.255.77.4/32 -p tcp -m multiport --dports 80,443 -m mark --mark 0x6 -j ACCEPT",
            "COMMIT");

    private final FilterTable table = FilterTable.parse(SAVE);

    @Test
    void theChainInForceIsTheOneForwardJumpsToEvenWhenAnOtherIsNewer() {
        List<String> lines = List.of(":vpa--2000000000000000 - [0:0]", "-A FORWARD -j vpa--1000000000000000",
                "-A vpa--2000000000000000 -s 10.0.0.1/32 -j MARK --set-xmark 0x7/0xffffffff");
        assertThat(FilterTable.parse(lines).vpaChain()).isEqualTo("vpa--1000000000000000");
        assertThat(table.vpaChain()).isEqualTo("vpa--1732489802123456");
    }

    @Test
    void withoutAJumpTheNewestChainCounts() {
        FilterTable t = FilterTable.parse(List.of(":vpa--999 - [0:0]", "-N vpa--1732489701000000", "-A vpa--1000 -j ACCEPT"));
        assertThat(t.vpaChain()).isEqualTo("vpa--1732489701000000");
        assertThat(FilterTable.parse(List.of("*filter", "COMMIT")).vpaChain()).isNull();
    }

    @Test
    void theStaleChainsMarkRuleIsNotTheOneThatTags() {
        FilterTable.Line mark = table.markFor(Ipv4.parse("10.255.77.3"));
        assertThat(mark.index()).isEqualTo(12);
        assertThat(mark.rule().setXmark()[0]).isEqualTo(2);
    }

    @Test
    void aTagIsAdmittedToItsPortAndNoOther() {
        assertThat(table.acceptFor(2, DST, "tcp", 8080).index()).isEqualTo(14);
        assertThat(table.acceptFor(2, DST, "tcp", 8081)).isNull();
        assertThat(table.acceptFor(3, DST, "tcp", 8080)).isNull();
        assertThat(table.acceptFor(9, DST, "tcp", 8080)).as("only the stale chain admits tag 9").isNull();
    }

    @Test
    void portRangesAdmitTheirEndsAndMasksTheirBits() {
        assertThat(table.acceptFor(5, DST, "udp", 7000)).isNotNull();
        assertThat(table.acceptFor(0x10005, DST, "udp", 8000)).isNotNull();
        assertThat(table.acceptFor(5, DST, "udp", 8001)).isNull();
        assertThat(table.acceptFor(5, DST, "tcp", 7500)).isNull();
    }

    @Test
    void theOverlayChainsAcceptsAreNotPolicies() {
        assertThat(table.acceptFor(0, DST, "tcp", 8080)).isNull();
        assertThat(table.acceptFor(0xffff0000, DST, "tcp", 8080)).isNull();
        assertThat(table.rejectFor(DST).index()).isEqualTo(9);
    }

    @Test
    void rulesTheGrammarCannotReadAreKeptWithTheReason() {
        assertThat(table.unread()).singleElement().satisfies(u -> {
            assertThat(u.index()).isEqualTo(16);
            assertThat(u.why()).contains("-m multiport");
        });
        assertThat(table.acceptFor(6, DST, "tcp", 443)).isNull();
    }
}
