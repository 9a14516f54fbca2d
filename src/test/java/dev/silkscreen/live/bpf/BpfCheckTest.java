package dev.silkscreen.live.bpf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import org.junit.jupiter.api.Test;

/** libpcap's own compiler judges capture filters here, before any cell is asked. */
class BpfCheckTest {

    private static BpfCheck check() {
        BpfCheck c = BpfCheck.get();
        assumeTrue(c.available(), () -> "needs libpcap (Debian: libpcap0.8, installed with tcpdump by .ci/run): " + c.unavailableReason());
        return c;
    }

    @Test
    void acceptsTheFiltersSilkscreenSendsToCells() {
        BpfCheck c = check();
        assertThat(c.problem("host 10.255.1.2 and host 10.255.2.3", BpfCheck.EN10MB)).isNull();
        assertThat(c.problem("udp dst port 4789 and udp[42:4] = 0x0aff0102 and udp[46:4] = 0x0aff0203", BpfCheck.EN10MB)).isNull();
        assertThat(c.problem("tcp port 8080", BpfCheck.LINUX_SLL)).isNull();
    }

    @Test
    void refusesATypoWithLibpcapsOwnWordsAndNamesTheFilter() {
        BpfCheck c = check();
        // No host names in these inputs: libpcap would look them up, and tests stay off the network.
        assertThat(c.problem("udp dst port 4789 and", BpfCheck.EN10MB)).containsIgnoringCase("syntax error");
        assertThat(c.problem("net 10.255.0.0/33", BpfCheck.EN10MB)).isNotNull();
        assertThat(c.problem("port 99999", BpfCheck.EN10MB)).contains("99999");
        assertThatThrownBy(() -> c.require("the profile's filter", "tcp port 22 22", BpfCheck.EN10MB))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("the profile's filter 'tcp port 22 22' is not a capture filter libpcap accepts: ");
    }

    @Test
    void agreesWithTcpdumpOnWhatCompiles() throws Exception {
        BpfCheck c = check();
        assumeTrue(new java.io.File("/usr/bin/tcpdump").canExecute() || new java.io.File("/usr/sbin/tcpdump").canExecute(),
                "needs tcpdump (Debian package, installed by .ci/run) to compare with");
        for (String f : new String[] {"icmp or arp", "udp[8:2] & 0x0800 != 0", "not port 22 and (vlan or ip)", "ether proto 0x88cc",
            "ip[6:2] & 0x1fff = 0", "tcp[tcpflags] & tcp-syn != 0", "udp dst port 4789 and", "port 99999", "ip6 and ip[0] = 1",
            "tcp[13] = 2 or", "net 10.255.0.0/33", "udp[42:4 = 1", "len >= 1414 and udp port 4789"}) {
            Process p = new ProcessBuilder("tcpdump", "-d", "-y", "EN10MB", f).redirectErrorStream(true).start();
            p.getInputStream().readAllBytes();
            boolean tcpdumpAccepts = p.waitFor() == 0;
            assertThat(c.problem(f, BpfCheck.EN10MB) == null).as(f).isEqualTo(tcpdumpAccepts);
        }
    }
}
