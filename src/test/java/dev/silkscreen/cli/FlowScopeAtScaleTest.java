package dev.silkscreen.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.jcraft.jsch.JSch;
import com.jcraft.jsch.KeyPair;
import dev.silkscreen.live.fixture.FakeCell;
import dev.silkscreen.live.fixture.TestPrompter;
import dev.silkscreen.live.profile.ProfileReader;
import dev.silkscreen.live.profile.SshConfigLookup;
import dev.silkscreen.live.ssh.SshClient;
import dev.silkscreen.live.ssh.SshTimeouts;
import dev.silkscreen.live.stream.LiveListener;
import dev.silkscreen.live.stream.LiveSession;
import dev.silkscreen.model.Cell;
import dev.silkscreen.model.Foundation;
import dev.silkscreen.model.Instance;
import dev.silkscreen.model.Policy;
import dev.silkscreen.sim.Scenarios;
import dev.silkscreen.sim.Simulator;
import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A 200-cell foundation (the simulator's, each cell's discovery output printed from it) served by
 * 200 in-process SSH servers: every cell is discovered, and a flow-scoped {@code trace --live}
 * starts tcpdump on the two cells that host the flow and on no other. The time discovery took and
 * the heap are printed (a figure, not an assertion). Tagged {@code scale} (about a minute and a half on
 * a 2-core machine): {@code -DexcludedTestGroups=scale} leaves it out.
 */
@org.junit.jupiter.api.Tag("scale")
class FlowScopeAtScaleTest {
    private static final int CELLS = 200;
    @TempDir
    static Path dir;
    private static final List<FakeCell> cells = new ArrayList<>();
    private static Foundation foundation;
    private static Path profile;
    private static Path knownHosts;

    @BeforeAll
    static void foundation() throws Exception {
        String yaml = "name: big\nduration: 1s\nrandom: {cells: " + CELLS + ", apps: 300, instances: 600, policies: 300, conversations: 0}\n";
        foundation = Simulator.foundation(Scenarios.parse(new ByteArrayInputStream(yaml.getBytes(StandardCharsets.UTF_8)), "big"), 5);
        assertThat(foundation.cells()).hasSize(CELLS);
        KeyPair kp = KeyPair.genKeyPair(new JSch(), KeyPair.ECDSA, 256);
        Path key = dir.resolve("id");
        kp.writePrivateKey(key.toString());
        Files.setPosixFilePermissions(key, PosixFilePermissions.fromString("rw-------"));
        StringBuilder kh = new StringBuilder();
        StringBuilder y = new StringBuilder("name: big\ncapture: {duration: 3s}\ndefaults: {user: vcap, auth: key, keyFile: "
                + key + "}\ncells:\n");
        for (Cell c : foundation.cells()) {
            FakeCell fake = new FakeCell(Files.createDirectories(dir.resolve(c.name())));
            cells.add(fake);
            fake.describe(foundation, c.name());
            fake.authorize(kp.getPublicKeyBlob());
            kh.append(fake.knownHostsLine("[127.0.0.1]:" + fake.port())).append('\n');
            y.append("  - {name: ").append(c.name()).append(", host: 127.0.0.1, port: ").append(fake.port()).append("}\n");
        }
        knownHosts = Files.writeString(dir.resolve("known_hosts"), kh.toString());
        profile = Files.writeString(dir.resolve("big.yaml"), y.toString());
    }

    @AfterAll
    static void close() throws Exception {
        for (FakeCell c : cells) {
            c.close();
        }
    }

    @Test
    void everyCellIsDiscovered() throws Exception {
        SshClient client = new SshClient(knownHosts, null, new TestPrompter(), SshTimeouts.defaults());
        List<String> failures = new java.util.concurrent.CopyOnWriteArrayList<>();
        LiveListener listener = new LiveListener() {
            @Override
            public void cell(String cell, String state, String message) {
                if (state.equals("failed")) {
                    failures.add(cell + ": " + message);
                }
            }
        };
        long t0 = System.nanoTime();
        Foundation found;
        try (LiveSession s = new LiveSession(ProfileReader.read(profile), client, SshConfigLookup.none(), f -> { }, listener, "vcap")) {
            found = s.discover();
        }
        long ms = (System.nanoTime() - t0) / 1_000_000;
        Runtime rt = Runtime.getRuntime();
        System.out.printf("discovered %d cells over SSH in %.1f s; heap used %d MB of %d MB%n", found.cells().size(), ms / 1000.0,
                (rt.totalMemory() - rt.freeMemory()) >> 20, rt.maxMemory() >> 20);
        assertThat(failures).isEmpty();
        assertThat(found.cells()).containsExactlyInAnyOrderElementsOf(foundation.cells());
        // Instance indexes are discovery's own count; the containers are the same.
        assertThat(found.instances()).extracting(i -> i.ip() + " " + i.app() + " on " + i.cell())
                .containsExactlyInAnyOrderElementsOf(foundation.instances().stream().map(i -> i.ip() + " " + i.app() + " on " + i.cell()).toList());
    }

    @Test
    void aFlowScopedTraceStartsStreamsOnlyOnTheTwoCellsThatHostTheFlow() {
        Policy p = foundation.policies().stream().filter(x -> x.protocol().equals("tcp")).filter(x -> {
            Instance a = first(x.srcApp());
            Instance b = first(x.dstApp());
            boolean oneInstance = foundation.instances().stream().filter(i -> i.app().equals(x.srcApp())).count() == 1;
            return a != null && b != null && oneInstance && !a.cell().equals(b.cell());
        }).findFirst().orElseThrow();
        Instance from = first(p.srcApp());
        Instance to = first(p.dstApp());
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exit = SilkscreenCli.run(new PrintWriter(out, true), new PrintWriter(err, true), "trace", "--live", profile.toString(),
                "--from", from.app(), "--to", to.ip() + ":" + p.portStart(), "--duration", "2s",
                "--known-hosts", knownHosts.toString(), "--ssh-config", dir.resolve("none").toString());
        assertThat(exit).as(err.toString()).isZero();

        Set<String> capturing = new TreeSet<>();
        for (int i = 0; i < CELLS; i++) {
            if (cells.get(i).commands().stream().anyMatch(c -> c.contains("tcpdump"))) {
                capturing.add(foundation.cells().get(i).name());
            }
        }
        assertThat(capturing).containsExactlyInAnyOrder(from.cell(), to.cell());
        assertThat(err.toString()).contains("capturing on 2 of " + CELLS + " cells", from.cell() + ": " + from.vethName() + ", silk-vtep, eth0",
                to.cell() + ": " + to.vethName() + ", silk-vtep, eth0", "filter on the underlay NIC: udp dst port 4789 and ");
        for (Instance end : List.of(from, to)) {
            FakeCell fake = cells.get(foundation.cells().stream().map(Cell::name).toList().indexOf(end.cell()));
            List<String> tcpdumps = fake.commands().stream().filter(c -> c.contains("tcpdump")).collect(Collectors.toList());
            assertThat(tcpdumps).hasSize(3);
            assertThat(tcpdumps).anySatisfy(c -> assertThat(c).contains("'-i' 'eth0'", "udp[42:4] = ", "udp[46:4] = "))
                    .anySatisfy(c -> assertThat(c).contains("'-i' 'silk-vtep'", "host " + from.ip(), "host " + to.ip(), "port " + p.portStart()));
        }
    }

    private static Instance first(String app) {
        return foundation.instances().stream().filter(i -> i.app().equals(app)).findFirst().orElse(null);
    }
}
