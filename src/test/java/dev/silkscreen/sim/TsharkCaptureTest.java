package dev.silkscreen.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.silkscreen.model.CapturePoint;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** tshark, the reference dissector, reads every simulated capture as a sound one. */
@Tag("tshark")
class TsharkCaptureTest {
    @TempDir
    Path dir;

    @BeforeAll
    static void needTshark() {
        assumeTrue(Tshark.available(), "tshark is not installed");
    }

    private static SimResult run(String scenario) {
        return SimTestSupport.run(scenario, 7, scenario.equals("busy") ? 1500 : 0, scenario.equals("busy") ? Duration.ofMillis(300) : null);
    }

    @ParameterizedTest
    @ValueSource(strings = {"seed", "no-policy", "wrong-port", "wrong-tag", "same-cell", "stale-fdb", "no-route", "mtu", "cell-down", "busy", "meow"})
    void everyPointsCaptureHasNoExpertInfoAboveNote(String scenario) throws Exception {
        SimResult r = run(scenario);
        Map<CapturePoint, Path> files = Tshark.splitByPoint(r.frames(), dir);
        List<String> problems = new ArrayList<>();
        for (var e : files.entrySet()) {
            List<String> args = new ArrayList<>(List.of(Tshark.CHECKSUMS));
            args.addAll(List.of("-T", "fields", "-e", "frame.number", "-e", "_ws.expert.severity", "-e", "_ws.expert.message"));
            for (String line : Tshark.run(e.getValue(), args.toArray(String[]::new))) {
                String[] f = line.split("\t", -1);
                if (f.length > 1 && !f[1].isEmpty()) {
                    for (String sev : f[1].split(",")) {
                        if (Long.decode(sev) > Tshark.NOTE) {
                            problems.add(e.getKey() + " frame " + f[0] + ": " + (f.length > 2 ? f[2] : ""));
                        }
                    }
                }
            }
        }
        assertThat(problems).isEmpty();
    }

    /**
     * The whole capture (every point in one file) once TCP analysis and reassembly are off: those
     * compare frames across interfaces (Wireshark 4.0 does not separate them), so the same segment
     * seen at six points would read as retransmissions and overlaps.
     */
    @ParameterizedTest
    @ValueSource(strings = {"seed", "no-policy", "wrong-tag", "same-cell", "stale-fdb", "no-route", "mtu", "cell-down", "busy", "meow"})
    void wholeCaptureHasNoExpertInfoAboveNoteWithoutCrossInterfaceTcpAnalysis(String scenario) throws Exception {
        SimResult r = run(scenario);
        Path file = SimTestSupport.write(r, dir);
        List<String> args = new ArrayList<>(List.of(Tshark.CHECKSUMS));
        args.addAll(List.of("-o", "tcp.analyze_sequence_numbers:FALSE", "-o", "tcp.desegment_tcp_streams:FALSE",
                "-T", "fields", "-e", "frame.number", "-e", "_ws.expert.severity", "-e", "_ws.expert.message"));
        List<String> problems = new ArrayList<>();
        for (String line : Tshark.run(file, args.toArray(String[]::new))) {
            String[] f = line.split("\t", -1);
            if (f.length > 1 && !f[1].isEmpty()) {
                for (String sev : f[1].split(",")) {
                    if (Long.decode(sev) > Tshark.NOTE) {
                        problems.add("frame " + f[0] + ": " + (f.length > 2 ? f[2] : ""));
                    }
                }
            }
        }
        assertThat(problems).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"seed", "no-policy", "same-cell", "no-route", "mtu", "busy"})
    void tsharkFindsEveryChecksumGoodAndNoFrameMalformed(String scenario) throws Exception {
        SimResult r = run(scenario);
        Path file = SimTestSupport.write(r, dir);
        List<String> args = new ArrayList<>(List.of(Tshark.CHECKSUMS));
        args.addAll(List.of("-o", "tcp.analyze_sequence_numbers:FALSE", "-T", "fields",
                "-e", "ip.checksum.status", "-e", "tcp.checksum.status", "-e", "udp.checksum.status",
                "-e", "icmp.checksum.status", "-e", "_ws.malformed", "-e", "_ws.expert.message"));
        List<String> lines = Tshark.run(file, args.toArray(String[]::new));
        assertThat(lines).hasSize(r.frames().size());
        List<String> bad = lines.stream().filter(l -> l.contains("0") && badStatus(l) || l.contains("Malformed")).toList();
        assertThat(bad).isEmpty();
    }

    /**
     * The outer UDP header of every underlay frame carries a checksum tshark verifies as good (the
     * kernel computes it over the outer IPv4 pseudo-header; 0 would read as "unverified").
     */
    @ParameterizedTest
    @ValueSource(strings = {"seed", "wrong-port", "stale-fdb", "busy"})
    void everyUnderlayFramesOuterUdpChecksumIsGood(String scenario) throws Exception {
        SimResult r = run(scenario);
        Path file = SimTestSupport.write(r, dir);
        List<String> args = new ArrayList<>(List.of(Tshark.CHECKSUMS));
        args.addAll(List.of("-Y", "vxlan", "-T", "fields", "-e", "frame.number", "-e", "udp.checksum", "-e", "udp.checksum.status"));
        List<String> lines = Tshark.run(file, args.toArray(String[]::new));
        assertThat(lines).isNotEmpty();
        List<String> notGood = lines.stream().filter(l -> !l.split("\t", -1)[2].split(",")[0].equals("1")).toList();
        assertThat(notGood).as("frame, outer udp.checksum, status (1 = good)").isEmpty();
    }

    /** Checksum status 0 is "bad" (1 good, 2 unverified, e.g. a UDP checksum of 0). */
    private static boolean badStatus(String line) {
        String[] f = line.split("\t", -1);
        for (int i = 0; i < 4 && i < f.length; i++) {
            for (String s : f[i].split(",")) {
                if (s.equals("0")) {
                    return true;
                }
            }
        }
        return false;
    }
}
