package dev.silkscreen.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.jcraft.jsch.JSch;
import com.jcraft.jsch.KeyPair;
import dev.silkscreen.live.fixture.FakeCell;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LiveCliTest {
    @TempDir
    Path dir;
    private FakeCell cell;
    private Path profile;
    private Path knownHosts;
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    @BeforeEach
    void setUp() throws Exception {
        cell = new FakeCell(Files.createDirectories(dir.resolve("cell")));
        KeyPair kp = KeyPair.genKeyPair(new JSch(), KeyPair.ECDSA, 256);
        Path key = dir.resolve("id");
        kp.writePrivateKey(key.toString());
        Files.setPosixFilePermissions(key, PosixFilePermissions.fromString("rw-------"));
        cell.authorize(kp.getPublicKeyBlob());
        knownHosts = dir.resolve("known_hosts");
        Files.writeString(knownHosts, cell.knownHostsLine("[127.0.0.1]:" + cell.port()));
        profile = dir.resolve("p.yaml");
        Files.writeString(profile, """
                name: fake
                capture: {duration: 2s}
                cells:
                  - name: diego-cell/0
                    host: 127.0.0.1
                    port: %d
                    user: vcap
                    auth: key
                    keyFile: %s
                """.formatted(cell.port(), key));
    }

    @AfterEach
    void tearDown() throws Exception {
        cell.close();
    }

    private int run(String... args) {
        return SilkscreenCli.run(new PrintWriter(out, true), new PrintWriter(err, true), args);
    }

    private String[] withSsh(String... args) {
        String[] all = new String[args.length + 4];
        System.arraycopy(args, 0, all, 0, args.length);
        all[args.length] = "--known-hosts";
        all[args.length + 1] = knownHosts.toString();
        all[args.length + 2] = "--ssh-config";
        all[args.length + 3] = dir.resolve("no-ssh-config").toString();
        return all;
    }

    @Test
    void aCaptureFilterLibpcapRefusesStopsTheTraceBeforeAnyCellIsAsked() throws Exception {
        org.junit.jupiter.api.Assumptions.assumeTrue(dev.silkscreen.live.bpf.BpfCheck.get().available(),
                () -> "needs libpcap here: " + dev.silkscreen.live.bpf.BpfCheck.get().unavailableReason());
        Files.writeString(profile, Files.readString(profile).replace("capture: {duration: 2s}",
                "capture: {duration: 2s, filter: \"tcp port 22 22\"}"));
        int exit = run(withSsh("trace", "--live", profile.toString()));
        assertThat(exit).as(err.toString()).isEqualTo(ExitCodes.USAGE);
        assertThat(err.toString()).contains("capture filter for ").contains("'tcp port 22 22' is not one libpcap accepts: ")
                .doesNotContain("Exception");
        assertThat(cell.commands()).as("no command ran on the cell").isEmpty();
        assertThat(out.toString()).isEmpty();
    }

    @Test
    void discoverPrintsCellsContainersAppsAndPolicies() {
        assertThat(run(withSsh("discover", profile.toString()))).as(err.toString()).isZero();
        assertThat(out.toString()).contains("cell diego-cell/0  underlay 10.0.16.5 on eth0", "lease 10.255.77.0/24",
                "container 10.255.77.3", "tag 0x0002");
    }

    @Test
    void discoverJsonIsATopologyFile() {
        assertThat(run(withSsh("discover", "--json", profile.toString()))).isZero();
        assertThat(dev.silkscreen.model.TopologyJson.fromJson(out.toString()).cells()).hasSize(1);
    }

    @Test
    void anUnknownHostIsRefusedWithoutTheFlag() throws IOException {
        Files.writeString(knownHosts, "");
        assertThat(run(withSsh("discover", profile.toString()))).isEqualTo(ExitCodes.USAGE);
        assertThat(err.toString()).contains("is not in known_hosts", "SHA256:", "--accept-new-host-key");
    }

    @Test
    void theFlagAcceptsAndRecordsANewHostKey() throws IOException {
        Files.writeString(knownHosts, "");
        assertThat(run(withSsh("discover", "--accept-new-host-key", profile.toString()))).isZero();
        assertThat(Files.readString(knownHosts)).contains("[127.0.0.1]:" + cell.port());
    }

    @Test
    void liveRecordsEveryPointAndItsTopologyThenStopsAtTheDuration() throws IOException {
        Path rec = dir.resolve("s.pcapng");
        assertThat(run(withSsh("live", profile.toString(), "--record", rec.toString()))).as(err.toString()).isZero();
        assertThat(Files.size(rec)).isGreaterThan(100);
        assertThat(dir.resolve("s.topology.json")).exists();
        assertThat(err.toString()).contains("diego-cell/0:silk-vtep", "frames", "recorded");
        assertThat(FakeCell.alive(cell.tcpdumpPid("silk-vtep"))).isFalse();
    }

    @Test
    void whenNoCellCanBeReachedTheRecordingIsStillAFinishedCapture() throws Exception {
        Path rec = dir.resolve("nothing.pcapng");
        Path emptyKnownHosts = Files.writeString(dir.resolve("empty_known_hosts"), "");
        assertThat(run("live", profile.toString(), "--record", rec.toString(), "--known-hosts", emptyKnownHosts.toString(),
                "--ssh-config", dir.resolve("no-ssh-config").toString())).isEqualTo(ExitCodes.USAGE);
        assertThat(err.toString()).contains("no cell could be reached");
        dev.silkscreen.capture.CaptureReader.Result read = dev.silkscreen.capture.CaptureReader.read(rec, f -> { }, null);
        assertThat(read.problem()).as("reading the recording back").isNull();
        assertThat(read.frames()).isZero();
    }

    @Test
    void traceLiveRunsForTheDurationAndPrintsTheTable() {
        assertThat(run(withSsh("trace", "--live", profile.toString(), "--duration", "2s"))).as(err.toString()).isZero();
        assertThat(out.toString()).contains("journeys");
        assertThat(err.toString()).contains("diego-cell/0:eth0");
    }

    @Test
    void traceLiveRefusesCaptureFilesToo() {
        assertThat(run(withSsh("trace", "--live", profile.toString(), "x.pcap"))).isEqualTo(ExitCodes.USAGE);
        assertThat(err.toString()).contains("--live traces cells");
    }

    @Test
    void importBoshWritesAProfileThatReadsBack() throws IOException {
        Path vms = dir.resolve("vms.json");
        try (InputStream in = getClass().getResourceAsStream("/dev/silkscreen/live/bosh-vms.json")) {
            Files.write(vms, in.readAllBytes());
        }
        Path outFile = dir.resolve("imported.yaml");
        assertThat(run("profile", "import-bosh", vms.toString(), "--user", "vcap", "-o", outFile.toString())).as(err.toString()).isZero();
        var p = dev.silkscreen.live.profile.ProfileReader.read(outFile);
        assertThat(p.cells()).hasSize(2);
        assertThat(p.cells().get(0).sudo()).isTrue();
        assertThat(Files.readString(outFile, StandardCharsets.UTF_8)).startsWith("# Foundation profile imported");
    }

    @Test
    void aHostileProfileIsAOneLineError() throws IOException {
        Files.writeString(profile, "cells:\n  - host: \"h; touch MARK\"\n");
        assertThat(run(withSsh("discover", profile.toString()))).isEqualTo(ExitCodes.USAGE);
        assertThat(err.toString()).contains("is not a host name");
    }
}
