package dev.silkscreen.live.discover;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class IptablesSaveParserTest {
    private final IptablesRules rules = IptablesSaveParser.parse(Samples.read("iptables-save.txt"));

    @Test
    void theActiveChainIsTheOneForwardJumpsTo() {
        assertThat(rules.vpaChain()).isEqualTo("vpa--1732489802123456");
    }

    @Test
    void markRulesGiveEachSourceIpItsTagFromTheActiveChainOnly() {
        assertThat(rules.tags()).containsExactly(
                new IptablesRules.TagRule("10.255.77.3", 2, "0d1e2f30-aaaa-4bbb-8ccc-000000000001"),
                new IptablesRules.TagRule("10.255.77.4", 3, "7a8b9c0d-bbbb-4ccc-9ddd-000000000002"));
    }

    @Test
    void acceptRulesGiveDestinationProtocolPortsAndRequiredTag() {
        assertThat(rules.accepts()).contains(new IptablesRules.AcceptRule("10.255.77.4", "tcp", 8080, 8080, 2,
                "0d1e2f30-aaaa-4bbb-8ccc-000000000001", "7a8b9c0d-bbbb-4ccc-9ddd-000000000002"));
    }

    @Test
    void portRangesAreReadFromColonForm() {
        assertThat(rules.accepts()).anyMatch(a -> a.proto().equals("udp") && a.portStart() == 7000 && a.portEnd() == 8000 && a.tag() == 3);
    }

    @Test
    void icmpAcceptHasNoPorts() {
        assertThat(rules.accepts()).anyMatch(a -> a.proto().equals("icmp") && a.portStart() == 0 && a.portEnd() == 0);
    }

    @Test
    void logRulesAreNotPolicies() {
        assertThat(rules.accepts()).hasSize(3);
    }

    @Test
    void overlayChainsNameTheContainerHandles() {
        assertThat(rules.handles()).containsEntry("10.255.77.3", "4b2e7c1a-9d0f-4e55-6a3b-1c2d")
                .containsEntry("10.255.77.4", "8f3a1b2c-77e1-4c0d-5e9f-aa01");
    }

    @Test
    void rawRulesKeepVpaAndOverlayLinesOnly() {
        assertThat(rules.rawRules()).allMatch(l -> l.startsWith("-A vpa--") || l.startsWith("-A overlay--"));
        assertThat(rules.rawRules()).hasSize(17);
    }

    @Test
    void withoutVpaChainThereAreNoTags() {
        IptablesRules none = IptablesSaveParser.parse("*filter\n:FORWARD ACCEPT [0:0]\nCOMMIT\n");
        assertThat(none.vpaChain()).isNull();
        assertThat(none.tags()).isEmpty();
    }

    @Test
    void c2cRulesTheGrammarCannotReadAreSaidWhyAndOthersAreNot() {
        IptablesRules r = IptablesSaveParser.parse("-A FORWARD -j vpa--1\n-A istio -m owner --uid-owner 1337 -j RETURN\n"
                + "-A vpa--1 -d 10.255.1.2/32 -p tcp -m multiport --dports 80,443 -m mark --mark 0x2 -j ACCEPT\n");
        assertThat(r.unread()).singleElement().asString().contains("-m multiport");
        assertThat(r.accepts()).isEmpty();
    }
}
