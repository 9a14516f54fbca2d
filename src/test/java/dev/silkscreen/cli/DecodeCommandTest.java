package dev.silkscreen.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.silkscreen.capture.PcapngWriter;
import dev.silkscreen.decode.TestPackets;
import dev.silkscreen.model.CapturePoint;
import dev.silkscreen.model.Frame;
import dev.silkscreen.model.LinkType;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DecodeCommandTest {
    private static final CapturePoint UNDERLAY = new CapturePoint("cell1", "eth0");
    private static final long T0 = 1_764_026_875_000_000_001L;

    @TempDir
    Path dir;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        return SilkscreenCli.run(new PrintWriter(out), new PrintWriter(err), args);
    }

    private Path pcapng(String name, Frame... frames) throws IOException {
        Path file = dir.resolve(name);
        try (OutputStream os = Files.newOutputStream(file); PcapngWriter w = new PcapngWriter(os, "test")) {
            for (Frame f : frames) {
                w.accept(f);
            }
        }
        return file;
    }

    private static Frame syn(long time) {
        byte[] b = TestPackets.silkVxlanSyn();
        return new Frame(UNDERLAY, time, LinkType.ETHERNET, b.length, b);
    }

    @Test
    void jsonLineCarriesOuterAndInnerFieldsOfAVxlanFrame() throws IOException {
        Path file = pcapng("one.pcapng", syn(T0));

        int code = run("decode", "--json", file.toString());

        assertThat(code).isZero();
        assertThat(out.toString()).isEqualTo("{\"frame\":1,\"time\":\"2025-11-24T23:27:55.000000001Z\",\"point\":\"cell1:eth0\","
                + "\"caplen\":120,\"len\":120,\"outer_src\":\"10.0.16.11\",\"outer_dst\":\"10.0.16.12\",\"outer_sport\":51234,"
                + "\"outer_dport\":4789,\"vni\":1,\"gbp\":3,\"src\":\"10.255.1.2\",\"dst\":\"10.255.2.3\",\"proto\":\"tcp\","
                + "\"sport\":40000,\"dport\":8080,\"tcp_flags\":\"S\",\"seq\":1000000,\"ack\":0,\"payload_len\":0,\"ip_id\":4660}\n");
        assertThat(err.toString()).isEmpty();
    }

    @Test
    void summaryLineReadsLikeTcpdump() throws IOException {
        Path file = pcapng("one.pcapng", syn(T0));

        run("decode", file.toString());

        assertThat(out.toString()).isEqualTo("1 2025-11-24T23:27:55.000000001Z cell1:eth0 10.0.16.11.51234 > 10.0.16.12.4789: "
                + "VXLAN vni 1 gbp 3 | 10.255.1.2.40000 > 10.255.2.3.8080: TCP [S] seq 1000000 ack 0 win 64240 len 0\n");
    }

    @Test
    void notACaptureIsOneLineAndExitTwo() throws IOException {
        Path file = dir.resolve("notes.txt");
        Files.writeString(file, "hello, this is text\n");

        int code = run("decode", file.toString());

        assertThat(code).isEqualTo(ExitCodes.USAGE);
        assertThat(err.toString()).isEqualTo("silkscreen: " + file + ": not a pcap or pcapng file\n");
        assertThat(out.toString()).isEmpty();
    }

    @Test
    void fileCutShortPrintsEveryCompleteFrameThenOneWarning() throws IOException {
        Path whole = pcapng("whole.pcapng", syn(T0), syn(T0 + 1000), syn(T0 + 2000));
        byte[] bytes = Files.readAllBytes(whole);
        Path cut = dir.resolve("cut.pcapng");
        Files.write(cut, Arrays.copyOf(bytes, bytes.length - 10));

        int code = run("decode", cut.toString());

        assertThat(code).isEqualTo(ExitCodes.PARTIAL);
        assertThat(out.toString().lines()).hasSize(2);
        assertThat(err.toString().lines()).hasSize(1);
        assertThat(err.toString()).startsWith("silkscreen: " + cut + ": warning: cut short");
    }

    @Test
    void missingFileIsAUserErrorWithoutStackTrace() {
        int code = run("decode", dir.resolve("nope.pcap").toString());

        assertThat(code).isEqualTo(ExitCodes.USAGE);
        assertThat(err.toString()).isEqualTo("silkscreen: " + dir.resolve("nope.pcap") + ": no such file\n");
    }

    @Test
    void vxlanPortOptionMovesVxlanDecodingToAnotherPort() throws IOException {
        Path file = pcapng("one.pcapng", syn(T0));

        run("decode", "--json", "--vxlan-port", "8472", file.toString());

        assertThat(out.toString()).contains("\"proto\":\"udp\"").doesNotContain("\"vni\"");
    }

    @Test
    void framesAreNumberedFromOneInEachFile() throws IOException {
        Path a = pcapng("a.pcapng", syn(T0), syn(T0 + 1));
        Path b = pcapng("b.pcapng", syn(T0 + 2));

        run("decode", "--json", a.toString(), b.toString());

        assertThat(out.toString().lines().map(l -> l.substring(0, l.indexOf(',')))).containsExactly(
                "{\"frame\":1", "{\"frame\":2", "{\"frame\":1");
    }

    @Test
    void displayFilterPrintsOnlyMatchingFramesUnderTheirOwnNumbers() throws IOException {
        byte[] untagged = TestPackets.silkVxlanSyn();
        untagged[42] = 0x08; // G flag clear: no Group Policy ID
        Path file = pcapng("two.pcapng", new Frame(UNDERLAY, T0, LinkType.ETHERNET, untagged.length, untagged), syn(T0 + 1));

        int code = run("decode", "-Y", "vxlan.flag_g == 1 && vxlan.gbp == 3 && ip.dst == 10.255.2.3", file.toString());

        assertThat(code).isZero();
        assertThat(out.toString().lines()).hasSize(1).allMatch(l -> l.startsWith("2 ") && l.contains("gbp 3"));
    }

    @Test
    void aBadDisplayFilterIsOneLineNamingTheColumnAndExitsTwo() throws IOException {
        Path file = pcapng("one.pcapng", syn(T0));

        int code = run("decode", "-Y", "udp.dstport == 4789 && tcp.flgs.syn == 1", file.toString());

        assertThat(code).isEqualTo(ExitCodes.USAGE);
        assertThat(out.toString()).isEmpty();
        assertThat(err.toString().lines()).containsExactly(
                "silkscreen: -Y udp.dstport == 4789 && tcp.flgs.syn == 1: column 24: 'tcp.flgs.syn' is not a field (did you mean tcp.flags.syn?)");
    }

    @Test
    void aJourneysFieldInDecodeIsAUsageError() throws IOException {
        Path file = pcapng("one.pcapng", syn(T0));

        int code = run("decode", "-Y", "silk.verdict == dropped", file.toString());

        assertThat(code).isEqualTo(ExitCodes.USAGE);
        assertThat(err.toString()).contains("use it with trace -Y");
    }
}
