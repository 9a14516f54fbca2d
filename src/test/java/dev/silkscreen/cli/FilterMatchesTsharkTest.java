package dev.silkscreen.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code decode -Y E} selects exactly the frames {@code tshark -Y E} does, for expressions both
 * understand, on one file that holds every capture we have: the testbed's (assets/captures), the
 * ones tcpdump wrote in namespaces (src/test/resources/captures), the crafted edge cases, and
 * what the simulator writes for the scenarios with drops, MTU errors and a stale FDB.
 */
@Tag("tshark")
class FilterMatchesTsharkTest {
    /** Field names, every operator, multiple occurrences (underlay, inner, quoted), prefixes, sets, ranges, masks. */
    static final List<String> EXPRESSIONS = List.of(
            "ip", "tcp", "udp", "icmp", "vxlan", "arp", "eth", "!ip",
            "ip.src == 172.31.200.11", "ip.dst == 10.255.0.0/16", "ip.addr == 10.255.21.2", "ip.src in {10.0.16.0/24, 172.31.200.0/24}",
            "ip.src != 10.255.77.2", "ip.src ~= 10.255.77.2", "!(ip.src == 10.255.77.2)", "ip.dst ne 10.0.16.12",
            "ip.ttl == 63", "ip.ttl in {62, 63}", "ip.ttl in {62..63}", "ip.ttl < 64", "ip.ttl >= 64", "ip.ttl == 077",
            "ip.proto == 17", "ip.proto == 1 && ip.ttl <= 62", "ip.len > 1000", "ip.flags.df == 1", "ip.flags.df == 0",
            "ip.flags.mf == 1", "ip.frag_offset > 0", "ip.flags == 0x02", "ip.hdr_len == 20", "ip.version == 4", "ip.id == 0",
            "udp.dstport == 4789", "udp.srcport != 4789", "udp.port == 53", "udp.length > 100", "udp.dstport == 4789 && !vxlan.gbp == 0",
            "tcp.srcport == 8080 || tcp.dstport == 8080", "tcp.port in {8080, 9999}", "tcp.port == 80",
            "tcp.flags.syn", "tcp.flags.syn == 1", "tcp.flags.syn == 1 && tcp.flags.ack == 0", "tcp.flags.reset == 1",
            "tcp.flags.fin == 1", "tcp.flags.push == 1", "tcp.flags & 0x12", "tcp.flags == 0x012", "tcp.flags & 0x12 == 0x12",
            "tcp.len > 0", "tcp.len == 0", "tcp.seq_raw > 3000000000", "tcp.ack_raw == 0", "tcp.hdr_len == 40",
            "tcp.window_size_value > 1000", "tcp.checksum == 0",
            "icmp.type == 3", "icmp.type == 8 && icmp.code == 0", "icmp.type == 0", "icmp.code == 4", "icmp.code == 3",
            "icmp.mtu == 1450", "icmp.mtu", "icmp.ident > 0", "icmp.seq == 1", "icmp.type == 3 and tcp",
            "vxlan.gbp == 4", "vxlan.gbp == 2", "vxlan.gbp == 0", "vxlan.gbp in {2, 4}", "vxlan.flag_g == 1", "vxlan.flag_g == 0",
            "vxlan.flag_a == 1", "vxlan.vni == 1", "vxlan.flag_i == 1", "vxlan.gbp > 1",
            "eth.src == ee:ee:0a:ff:4d:00", "eth.dst == ee:ee:0a:ff:15:00", "eth.addr == 02:00:ac:1f:c8:0b", "eth.type == 0x0806",
            "eth.type == 0x8100",
            "arp.opcode == 1", "arp.opcode == 2", "arp.src.proto_ipv4 == 10.255.1.0/24", "arp.dst.hw_mac == 00:00:00:00:00:00",
            "frame.len > 100", "frame.cap_len == 96", "frame.len >= 1500",
            "frame.interface_name == \"cell1:eth0\"", "frame.interface_name contains \"eth0\"",
            "not udp and ip", "(tcp or icmp) and ip.ttl == 62", "ip.src == 10.255.77.2 && (tcp.flags.syn == 1 || icmp)");

    @TempDir
    static Path dir;
    static Path all;

    @BeforeAll
    static void mergeEveryCapture() throws Exception {
        assumeTrue(TsharkCrossCheck.tsharkAvailable(), "tshark is not installed (apt-get install tshark): cross-check skipped");
        assumeTrue(run(List.of("mergecap", "-h")) == 0, "mergecap (wireshark-common) is not installed: cross-check skipped");
        List<String> cmd = new ArrayList<>(List.of("mergecap", "-a", "-w", dir.resolve("all.pcapng").toString()));
        try (var s = Files.list(Path.of("assets/captures"))) {
            s.filter(p -> p.toString().endsWith(".pcapng")).sorted().forEach(p -> cmd.add(p.toString()));
        }
        for (String name : DecodeMatchesTsharkTest.realCaptures().toList()) {
            cmd.add(resource(name).toString());
        }
        cmd.add(CraftedCaptures.write(dir).toString());
        for (String scenario : List.of("no-policy", "wrong-tag", "mtu", "stale-fdb", "same-cell")) {
            Path out = dir.resolve(scenario);
            assertThat(cli("simulate", "--scenario", scenario, "--out", out.toString())).isZero();
            cmd.add(out.resolve(scenario + ".pcapng").toString());
        }
        assertThat(run(cmd)).as("mergecap").isZero();
        all = dir.resolve("all.pcapng");
    }

    @Test
    void decodeSelectsTheFramesTsharkSelects() throws Exception {
        List<String> differences = new ArrayList<>();
        int nonTrivial = 0;
        int total = ours("frame.len > 0").size();
        for (String e : EXPRESSIONS) {
            TreeSet<Long> mine = ours(e);
            TreeSet<Long> theirs = tshark(e);
            if (!mine.equals(theirs)) {
                TreeSet<Long> onlyMine = new TreeSet<>(mine);
                onlyMine.removeAll(theirs);
                TreeSet<Long> onlyTheirs = new TreeSet<>(theirs);
                onlyTheirs.removeAll(mine);
                differences.add(e + ": only ours " + head(onlyMine) + ", only tshark's " + head(onlyTheirs));
            }
            if (!theirs.isEmpty() && theirs.size() < total) {
                nonTrivial++;
            }
        }

        assertThat(differences).isEmpty();
        assertThat(total).as("frames in the merged file").isGreaterThan(500);
        assertThat(nonTrivial).as("expressions that select some frames but not all").isGreaterThan(EXPRESSIONS.size() * 3 / 4);
    }

    private static String head(TreeSet<Long> s) {
        return s.size() <= 12 ? s.toString() : s.stream().limit(12).toList() + " … (" + s.size() + ")";
    }

    private static TreeSet<Long> ours(String expression) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = SilkscreenCli.run(new PrintWriter(out), new PrintWriter(err), "decode", "-Y", expression, all.toString());
        assertThat(code).as("decode -Y %s: %s", expression, err).isZero();
        TreeSet<Long> numbers = new TreeSet<>();
        out.toString().lines().filter(l -> !l.isEmpty()).forEach(l -> numbers.add(Long.parseLong(l.substring(0, l.indexOf(' ')))));
        return numbers;
    }

    private static TreeSet<Long> tshark(String expression) throws Exception {
        Process p = new ProcessBuilder("tshark", "-n", "-r", all.toString(), "-o", "ip.defragment:FALSE",
                "-o", "tcp.desegment_tcp_streams:FALSE", "-Y", expression, "-T", "fields", "-e", "frame.number")
                .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        String text = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as("tshark -Y %s exit status (does tshark understand it?)", expression).isZero();
        TreeSet<Long> numbers = new TreeSet<>();
        text.lines().filter(l -> !l.isBlank()).forEach(l -> numbers.add(Long.parseLong(l.trim())));
        return numbers;
    }

    private static int cli(String... args) {
        return SilkscreenCli.run(new PrintWriter(new StringWriter()), new PrintWriter(new StringWriter()), args);
    }

    private static int run(List<String> cmd) throws InterruptedException {
        try {
            Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            return p.waitFor(60, TimeUnit.SECONDS) ? p.exitValue() : -1;
        } catch (IOException e) {
            return -1;
        }
    }

    private static Path resource(String name) throws URISyntaxException {
        return Path.of(Objects.requireNonNull(FilterMatchesTsharkTest.class.getResource("/captures/" + name), name).toURI());
    }
}
