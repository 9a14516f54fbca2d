package dev.silkscreen.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.silkscreen.sim.Scenarios;
import dev.silkscreen.sim.Simulator;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The one iptables grammar: {@link IptablesRule#parse} is the inverse of {@link IptablesRule#render}. */
class IptablesRuleTest {

    @Test
    void everyRuleTheSimulatorWritesReadsBackAsItself() {
        List<String> lines = new ArrayList<>();
        for (String name : Scenarios.BUILT_IN) {
            Simulator.foundation(Scenarios.named(name), 1).rules().values().forEach(cell -> lines.addAll(ruleLines(cell)));
        }
        assertThat(lines).hasSizeGreaterThan(100);
        for (String line : lines) {
            assertThat(IptablesRule.parse(line).render()).isEqualTo(line);
        }
    }

    /** The topologies in assets/captures hold what {@code iptables-save -t filter} printed on the testbed's cells. */
    @Test
    void everyRuleTheTestbedsIptablesSavePrintedReadsBackAsItself() throws IOException {
        List<String> lines = new ArrayList<>();
        try (Stream<Path> files = Files.list(Path.of("assets/captures"))) {
            for (Path p : files.filter(f -> f.toString().endsWith(".topology.json")).sorted().toList()) {
                try (InputStream in = Files.newInputStream(p)) {
                    TopologyJson.read(in).rules().values().forEach(cell -> lines.addAll(ruleLines(cell)));
                }
            }
        }
        lines.addAll(ruleLines(Files.readAllLines(Path.of("src/test/resources/dev/silkscreen/live/iptables-save.txt"))));
        assertThat(lines).hasSizeGreaterThan(100);
        for (String line : lines) {
            assertThat(IptablesRule.parse(line).render()).isEqualTo(line);
        }
    }

    @Test
    void randomRulesSurviveRenderingAndReadingBack() {
        Random rnd = new Random(16);
        for (int n = 0; n < 20_000; n++) {
            IptablesRule r = randomRule(rnd);
            assertThat(IptablesRule.parse(r.render())).as(r.render()).isEqualTo(r);
        }
    }

    @Test
    void negationBindsToTheOptionAfterIt() {
        IptablesRule r = IptablesRule.parse("-A overlay--a -s 10.255.1.2/32 ! -o silk-vtep -m mark ! --mark 0x0 -j ACCEPT");
        assertThat(r.src()).isEqualTo(new IptablesRule.Operand("10.255.1.2/32", false));
        assertThat(r.outIface()).isEqualTo(new IptablesRule.Operand("silk-vtep", true));
        assertThat(r.matchesOut("eth0")).isTrue();
        assertThat(r.matchesOut("silk-vtep")).isFalse();
        assertThat(r.matchesMark(2)).isTrue();
        assertThat(r.matchesMark(0)).isFalse();
    }

    @Test
    void aNegatedAddressMatchesEverythingOutsideIt() {
        IptablesRule r = IptablesRule.parse("-A x ! -d 10.255.0.0/16 -j ACCEPT");
        assertThat(r.matchesDst(Ipv4.parse("10.0.16.11"))).isTrue();
        assertThat(r.matchesDst(Ipv4.parse("10.255.2.7"))).isFalse();
        assertThat(IptablesRule.host(r.dst())).isNull();
    }

    @Test
    void aMarkMaskComparesOnlyTheMaskedBits() {
        IptablesRule r = IptablesRule.parse("-A vpa--1 -m mark --mark 0x2/0xffff -j ACCEPT");
        assertThat(r.mark()).isEqualTo(new IptablesRule.Mark(2, 0xffff, false));
        assertThat(r.matchesMark(0x10002)).isTrue();
        assertThat(r.matchesMark(0x3)).isFalse();
        assertThat(IptablesRule.parse("-A x -m mark --mark 0xffff0000 -j ACCEPT").matchesMark(0xffff0000)).isTrue();
    }

    @Test
    void theTargetsArgumentsStayAsPrinted() {
        IptablesRule r = IptablesRule.parse("-A overlay--a -d 10.255.1.2/32 -m limit --limit 5/sec -j LOG --log-prefix \"DENY_C2C_a \"");
        assertThat(r.target()).isEqualTo("LOG");
        assertThat(r.targetArgs()).isEqualTo("--log-prefix \"DENY_C2C_a \"");
        assertThat(IptablesRule.parse("-A vpa--1 -s 10.0.0.1/32 -j MARK --set-xmark 0x2/0xffffffff").setXmark())
                .containsExactly(2L, 0xffffffffL);
    }

    @Test
    void quotedCommentsAreOneWordWithEscapedQuotes() {
        IptablesRule r = IptablesRule.parse("-A x -m comment --comment \"src:a \\\"b\\\"\" -j ACCEPT");
        assertThat(r.comment()).isEqualTo("src:a \"b\"");
    }

    @Test
    void whatTheGrammarDoesNotKnowIsAnErrorNamingIt() {
        assertThatThrownBy(() -> IptablesRule.parse("-A x -m multiport --dports 80,443 -j ACCEPT"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("-m multiport");
        assertThatThrownBy(() -> IptablesRule.parse("-A x ! -p tcp -j ACCEPT")).hasMessageContaining("'!' before -p");
        assertThatThrownBy(() -> IptablesRule.parse("-A x -d 10.0.0.1/32")).hasMessageContaining("no '-j TARGET'");
        assertThatThrownBy(() -> IptablesRule.parse("-A x -m comment --comment \"open -j ACCEPT")).hasMessageContaining("unclosed quote");
        assertThatThrownBy(() -> IptablesRule.parse("-A x -p tcp --dport 80 -j ACCEPT")).hasMessageContaining("--dport without");
        assertThatThrownBy(() -> IptablesRule.parse("-A x -m mark --mark 0x1ffffffff -j ACCEPT")).hasMessageContaining("the mark");
        assertThatThrownBy(() -> IptablesRule.parse(":FORWARD ACCEPT [0:0]")).hasMessageContaining("-A CHAIN");
    }

    private static List<String> ruleLines(List<String> lines) {
        return lines.stream().filter(l -> l.startsWith("-A ")).toList();
    }

    private static IptablesRule randomRule(Random rnd) {
        IptablesRule.Operand src = rnd.nextBoolean() ? null : new IptablesRule.Operand(cidr(rnd), rnd.nextInt(4) == 0);
        IptablesRule.Operand dst = rnd.nextBoolean() ? null : new IptablesRule.Operand(cidr(rnd), rnd.nextInt(4) == 0);
        IptablesRule.Operand in = rnd.nextInt(4) != 0 ? null : new IptablesRule.Operand("eth" + rnd.nextInt(3), rnd.nextBoolean());
        IptablesRule.Operand out = rnd.nextInt(3) != 0 ? null : new IptablesRule.Operand(rnd.nextBoolean() ? "silk-vtep" : "s-010255001002", rnd.nextBoolean());
        String proto = switch (rnd.nextInt(4)) {
            case 0 -> "tcp";
            case 1 -> "udp";
            case 2 -> "icmp";
            default -> null;
        };
        IptablesRule.Ports ports = null;
        if (proto != null && !proto.equals("icmp") && rnd.nextBoolean()) {
            int lo = 1 + rnd.nextInt(65535);
            ports = new IptablesRule.Ports(lo, rnd.nextBoolean() ? lo : lo + rnd.nextInt(65536 - lo));
        }
        IptablesRule.Mark mark = rnd.nextBoolean() ? null : new IptablesRule.Mark(rnd.nextInt(1 << 16),
                rnd.nextBoolean() ? IptablesRule.FULL_MASK : rnd.nextLong(1L << 32), rnd.nextInt(3) == 0);
        String ct = rnd.nextInt(4) == 0 ? "INVALID,NEW,UNTRACKED" : null;
        String state = rnd.nextInt(4) == 0 ? "RELATED,ESTABLISHED" : null;
        String limit = rnd.nextInt(4) == 0 ? (1 + rnd.nextInt(20)) + "/sec" : null;
        String comment = rnd.nextBoolean() ? null : comment(rnd);
        String[][] targets = {{"ACCEPT", null}, {"REJECT", "--reject-with icmp-port-unreachable"},
                {"LOG", "--log-prefix \"OK_0002_c7de6123-d906-4c65-9 \""}, {"MARK", "--set-xmark 0x2/0xffffffff"},
                {"vpa--1767225600000000", null}, {"DROP", null}};
        String[] t = targets[rnd.nextInt(targets.length)];
        return new IptablesRule(rnd.nextBoolean() ? "FORWARD" : "overlay--" + Integer.toHexString(rnd.nextInt()), src, dst, in, out,
                proto, ports, mark, ct, state, limit, comment, t[0], t[1]);
    }

    private static String cidr(Random rnd) {
        return "10.255." + rnd.nextInt(256) + "." + rnd.nextInt(256) + "/" + (8 + rnd.nextInt(25));
    }

    private static String comment(Random rnd) {
        String alphabet = "abcdef0123456789-:_ \"\\";
        StringBuilder sb = new StringBuilder();
        for (int i = 1 + rnd.nextInt(40); i > 0; i--) {
            sb.append(alphabet.charAt(rnd.nextInt(alphabet.length())));
        }
        return sb.toString();
    }
}
