package dev.silkscreen.live.stream;

import static org.assertj.core.api.Assertions.assertThat;

import com.jcraft.jsch.JSch;
import com.jcraft.jsch.KeyPair;
import dev.silkscreen.capture.CaptureStreamParser;
import dev.silkscreen.live.fixture.FakeCell;
import dev.silkscreen.live.fixture.TcpRelay;
import dev.silkscreen.live.fixture.TestPrompter;
import dev.silkscreen.live.profile.CaptureSettings;
import dev.silkscreen.live.profile.CellTarget;
import dev.silkscreen.live.profile.FoundationProfile;
import dev.silkscreen.live.profile.SshConfigLookup;
import dev.silkscreen.live.ssh.AuthMethod;
import dev.silkscreen.live.ssh.SshClient;
import dev.silkscreen.live.ssh.SshTarget;
import dev.silkscreen.live.ssh.SshTimeouts;
import dev.silkscreen.model.Foundation;
import dev.silkscreen.model.Frame;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LiveSessionTest {
    private static final SshTimeouts FAST = new SshTimeouts(Duration.ofSeconds(3), Duration.ofSeconds(3), Duration.ofSeconds(5), Duration.ofSeconds(1), 2);
    private static final List<String> POINTS = List.of("s-010255077003", "silk-vtep", "eth0");
    @TempDir
    Path dir;
    private final List<AutoCloseable> closing = new ArrayList<>();
    private final List<FakeCell> cells = new ArrayList<>();
    private final TestPrompter prompter = new TestPrompter();
    private final List<Frame> frames = new CopyOnWriteArrayList<>();
    private final Map<String, AtomicLong> perCell = new ConcurrentHashMap<>();
    private final List<String> events = new CopyOnWriteArrayList<>();
    private final List<PointStats> pointEvents = new CopyOnWriteArrayList<>();
    private Path knownHosts;
    private Path key;
    private byte[] publicKey;
    private LiveSession session;

    private final LiveListener listener = new LiveListener() {
        @Override
        public void cell(String cell, String state, String message) {
            events.add(cell + " " + state + (message == null ? "" : ": " + message));
        }

        @Override
        public void point(PointStats stats) {
            pointEvents.add(stats);
        }

        @Override
        public void warning(String message) {
            events.add("warning " + message);
        }
    };

    @BeforeEach
    void setUp() throws Exception {
        knownHosts = dir.resolve("known_hosts");
        Files.writeString(knownHosts, "");
        KeyPair kp = KeyPair.genKeyPair(new JSch(), KeyPair.ECDSA, 256);
        key = dir.resolve("id");
        kp.writePrivateKey(key.toString());
        Files.setPosixFilePermissions(key, PosixFilePermissions.fromString("rw-------"));
        publicKey = kp.getPublicKeyBlob();
    }

    @AfterEach
    void tearDown() throws Exception {
        if (session != null) {
            session.stop();
        }
        for (AutoCloseable c : closing) {
            c.close();
        }
    }

    private FakeCell cell(String name) throws Exception {
        FakeCell c = new FakeCell(Files.createDirectories(dir.resolve(name)));
        c.authorize(publicKey);
        cells.add(c);
        closing.add(c);
        return c;
    }

    /** Registers the host key for {@code port} and returns a cell target on it. */
    private CellTarget target(String name, FakeCell c, int port, boolean sudo) throws Exception {
        Files.writeString(knownHosts, c.knownHostsLine("[127.0.0.1]:" + port), java.nio.file.StandardOpenOption.APPEND);
        return new CellTarget(name, new SshTarget("127.0.0.1", port, FakeCell.USER, AuthMethod.KEY, key.toString()), sudo, List.of());
    }

    private LiveSession session(CaptureSettings capture, CellTarget... targets) throws Exception {
        FoundationProfile p = new FoundationProfile("test", null, List.of(targets), capture);
        SshClient client = new SshClient(knownHosts, null, prompter, FAST);
        session = new LiveSession(p, client, SshConfigLookup.none(), f -> {
            frames.add(f);
            perCell.computeIfAbsent(f.point().cell(), k -> new AtomicLong()).incrementAndGet();
        }, listener, "vcap");
        return session;
    }

    private static CaptureSettings limits(String filter) {
        return new CaptureSettings(filter, 256, Duration.ofSeconds(60), 100_000);
    }

    private static void waitUntil(String what, Duration max, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + max.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out waiting for: " + what);
            }
            Thread.sleep(20);
        }
    }

    private long count(String cell) {
        return perCell.getOrDefault(cell, new AtomicLong()).get();
    }

    private boolean framesFromEveryPoint(String cell) {
        return POINTS.stream().allMatch(i -> frames.stream().anyMatch(f -> f.point().cell().equals(cell) && f.point().iface().equals(i)));
    }

    @Test
    void discoveryBuildsTheFoundationFromTheCell() throws Exception {
        FakeCell c = cell("c0");
        Foundation f = session(limits(""), target("diego-cell/0", c, c.port(), false)).discover();
        assertThat(f.cells()).singleElement().satisfies(cell -> {
            assertThat(cell.name()).isEqualTo("diego-cell/0");
            assertThat(cell.subnet()).isEqualTo("10.255.77.0/24");
        });
        assertThat(f.appByTag(2)).isPresent();
        assertThat(f.instanceByIp("10.255.77.3")).isPresent();
    }

    @Test
    void framesArriveFromEveryDiscoveredPointWithTheirNames() throws Exception {
        FakeCell c = cell("c0");
        session(limits(""), target("diego-cell/0", c, c.port(), false)).start(Duration.ofSeconds(30));
        waitUntil("frames from all three points", Duration.ofSeconds(10), () -> framesFromEveryPoint("diego-cell/0"));
        assertThat(session.stats()).extracting(s -> s.point().iface()).containsExactlyInAnyOrderElementsOf(POINTS);
        assertThat(session.stats()).allMatch(s -> s.state() == PointState.RUNNING && s.frames() >= FakeCell.INITIAL_FRAMES && s.bytes() >= 60L * s.frames());
    }

    @Test
    void theUnderlayNicCapturesVxlanOnly() throws Exception {
        FakeCell c = cell("c0");
        session(limits("tcp port 8080"), target("diego-cell/0", c, c.port(), false)).start(Duration.ofSeconds(30));
        waitUntil("frames", Duration.ofSeconds(10), () -> framesFromEveryPoint("diego-cell/0"));
        assertThat(c.tcpdumpArgs("eth0")).endsWith("--", "udp dst port 4789");
        assertThat(c.tcpdumpArgs("silk-vtep")).endsWith("--", "tcp port 8080");
    }

    @Test
    void stopKillsEveryTcpdumpAndKeepsTheirDropCounts() throws Exception {
        FakeCell c = cell("c0");
        session(limits(""), target("diego-cell/0", c, c.port(), false)).start(Duration.ofSeconds(30));
        waitUntil("frames", Duration.ofSeconds(10), () -> framesFromEveryPoint("diego-cell/0"));
        List<Long> pids = POINTS.stream().map(c::tcpdumpPid).toList();
        assertThat(pids).allMatch(FakeCell::alive);
        session.stop();
        waitUntil("no fake tcpdump alive", Duration.ofSeconds(5), () -> pids.stream().noneMatch(FakeCell::alive));
        assertThat(session.stats()).allMatch(s -> s.state() == PointState.STOPPED);
        assertThat(session.stats()).allMatch(s -> s.drops() == 5);
    }

    @Test
    void aMissingTcpdumpFailsEachPointSayingSo() throws Exception {
        FakeCell c = cell("c0");
        c.removeTcpdump();
        session(limits(""), target("diego-cell/0", c, c.port(), false)).start(Duration.ofSeconds(30));
        assertThat(session.awaitEnd(Duration.ofSeconds(10))).as(() -> session.stats() + " " + events + " " + c.commands()).isTrue();
        assertThat(session.stats()).hasSize(3).allSatisfy(s -> {
            assertThat(s.state()).isEqualTo(PointState.FAILED);
            assertThat(s.message()).contains("tcpdump is not installed");
        });
    }

    @Test
    void aRefusedCaptureFailsEachPointWithTheReason() throws Exception {
        FakeCell c = cell("c0");
        c.set("FAKE_TCPDUMP", "denied");
        session(limits(""), target("diego-cell/0", c, c.port(), false)).start(Duration.ofSeconds(30));
        assertThat(session.awaitEnd(Duration.ofSeconds(10))).isTrue();
        assertThat(session.stats()).hasSize(3).allSatisfy(s -> {
            assertThat(s.state()).isEqualTo(PointState.FAILED);
            assertThat(s.message()).contains("not allowed to capture").contains("sudo: true");
        });
    }

    @Test
    void sudoWantingAPasswordIsExplained() throws Exception {
        FakeCell c = cell("c0");
        c.set("FAKE_SUDO", "password");
        session(limits(""), target("diego-cell/0", c, c.port(), true)).start(Duration.ofSeconds(30));
        assertThat(session.awaitEnd(Duration.ofSeconds(10))).isTrue();
        assertThat(session.stats()).allSatisfy(s -> assertThat(s.message()).contains("passwordless sudo"));
        assertThat(events).anyMatch(e -> e.startsWith("warning") && e.contains("iptables-save"));
    }

    @Test
    void aTcpdumpThatEndsByItselfReportsKernelDrops() throws Exception {
        FakeCell c = cell("c0");
        c.set("FAKE_TCPDUMP", "ends");
        session(limits(""), target("diego-cell/0", c, c.port(), false)).start(Duration.ofSeconds(30));
        assertThat(session.awaitEnd(Duration.ofSeconds(10))).isTrue();
        assertThat(session.stats()).hasSize(3).allSatisfy(s -> {
            assertThat(s.state()).isEqualTo(PointState.ENDED);
            assertThat(s.frames()).isEqualTo(FakeCell.INITIAL_FRAMES);
            assertThat(s.drops()).isEqualTo(7);
        });
    }

    @Test
    void theDurationCapEndsTcpdumpOnTheCell() throws Exception {
        FakeCell c = cell("c0");
        session(limits(""), target("diego-cell/0", c, c.port(), false)).start(Duration.ofSeconds(2));
        waitUntil("frames", Duration.ofSeconds(10), () -> framesFromEveryPoint("diego-cell/0"));
        List<Long> pids = POINTS.stream().map(c::tcpdumpPid).toList();
        assertThat(session.awaitEnd(Duration.ofSeconds(15))).isTrue();
        assertThat(pids).noneMatch(FakeCell::alive);
        assertThat(session.stats()).allMatch(s -> s.state() == PointState.ENDED || s.state() == PointState.STOPPED);
    }

    @Test
    void aCutCellIsReconnectedWhileTheOtherGoesOn() throws Exception {
        FakeCell a = cell("a");
        FakeCell b = cell("b");
        TcpRelay relay = new TcpRelay(a.port());
        closing.add(0, relay);
        session(limits(""), target("cell-a", a, relay.port(), false), target("cell-b", b, b.port(), false)).start(Duration.ofSeconds(60));
        waitUntil("frames from both cells", Duration.ofSeconds(10), () -> framesFromEveryPoint("cell-a") && framesFromEveryPoint("cell-b"));
        long oldPid = a.tcpdumpPid("silk-vtep");
        relay.cut(false);
        waitUntil("cell-a lost", Duration.ofSeconds(10), () -> events.stream().anyMatch(e -> e.startsWith("cell-a lost")));
        long bAtCut = count("cell-b");
        long aAtCut = count("cell-a");
        waitUntil("cell-a capturing again", Duration.ofSeconds(15), () -> a.tcpdumpPid("silk-vtep") != oldPid && count("cell-a") > aAtCut + 3);
        assertThat(count("cell-b")).isGreaterThan(bAtCut);
        assertThat(pointEvents).noneMatch(p -> p.point().cell().equals("cell-b") && p.state() == PointState.LOST);
        waitUntil("the cut tcpdump died of its broken pipe", Duration.ofSeconds(5), () -> !FakeCell.alive(oldPid));
    }

    @Test
    void aStalledConnectionIsDetectedByKeepAlivesAndReplaced() throws Exception {
        FakeCell a = cell("a");
        TcpRelay relay = new TcpRelay(a.port());
        closing.add(0, relay);
        session(limits(""), target("cell-a", a, relay.port(), false)).start(Duration.ofSeconds(60));
        waitUntil("frames", Duration.ofSeconds(10), () -> framesFromEveryPoint("cell-a"));
        relay.freeze();
        waitUntil("the stall noticed", Duration.ofSeconds(15), () -> events.stream().anyMatch(e -> e.startsWith("cell-a lost")));
        relay.thaw();
        long before = count("cell-a");
        waitUntil("capturing again", Duration.ofSeconds(15), () -> count("cell-a") > before + 3);
    }

    @Test
    void aVanishedClientLeavesNoTcpdumpBehind() throws Exception {
        FakeCell a = cell("a");
        TcpRelay relay = new TcpRelay(a.port());
        closing.add(0, relay);
        session(limits(""), target("cell-a", a, relay.port(), false)).start(Duration.ofSeconds(60));
        waitUntil("frames", Duration.ofSeconds(10), () -> framesFromEveryPoint("cell-a"));
        List<Long> pids = POINTS.stream().map(a::tcpdumpPid).toList();
        relay.cut(true); // as if Silkscreen were killed -9: no stop, no kill command, the connection just dies
        waitUntil("every tcpdump ended by SIGPIPE", Duration.ofSeconds(5), () -> pids.stream().noneMatch(FakeCell::alive));
    }

    @Test
    void aHostileFilterReachesTcpdumpAsOneArgumentAndRunsNothing() throws Exception {
        FakeCell c = cell("c0");
        String hostile = "tcp and $(touch MARK1) and `touch MARK2`; touch MARK3 | touch MARK4 ' \" && touch MARK5";
        session(limits(hostile), target("diego-cell/0", c, c.port(), false)).start(Duration.ofSeconds(30));
        waitUntil("frames", Duration.ofSeconds(10), () -> framesFromEveryPoint("diego-cell/0"));
        assertThat(c.tcpdumpArgs("silk-vtep")).endsWith("--", hostile);
        try (var files = Files.list(c.root())) {
            assertThat(files.map(p -> p.getFileName().toString())).noneMatch(n -> n.startsWith("MARK"));
        }
        try (var files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString())).noneMatch(n -> n.startsWith("MARK"));
        }
    }

    @Test
    void aHostileInterfaceNameReportedByTheCellIsNeverCapturedOrRun() throws Exception {
        FakeCell c = cell("c0");
        // the cell (compromised, say) names its underlay NIC so that it would run a command if it ever reached a shell
        String links = Files.readString(c.root().resolve("link.json"));
        Files.writeString(c.root().resolve("link.json"), links.replace("\"eth0\"", "\"e$(touch MARK)\""));
        session(limits(""), target("diego-cell/0", c, c.port(), false)).start(Duration.ofSeconds(30));
        waitUntil("frames from the veth", Duration.ofSeconds(10), () -> frames.stream().anyMatch(f -> f.point().iface().equals("s-010255077003")));
        assertThat(session.stats()).extracting(s -> s.point().iface()).containsExactlyInAnyOrder("s-010255077003", "silk-vtep");
        assertThat(events).anyMatch(e -> e.startsWith("warning") && e.contains("not a plain interface name"));
        assertThat(c.commands()).noneMatch(cmd -> cmd.contains("touch MARK"));
        try (var files = Files.list(c.root())) {
            assertThat(files.map(p -> p.getFileName().toString())).noneMatch(n -> n.startsWith("MARK"));
        }
    }

    @Test
    void aRecordedSessionReadsBackAsACaptureWithItsTopology() throws Exception {
        FakeCell c = cell("c0");
        Path pcapng = dir.resolve("session.pcapng");
        try (SessionRecorder rec = new SessionRecorder(pcapng, "test", 256)) {
            FoundationProfile p = new FoundationProfile("test", null, List.of(target("diego-cell/0", c, c.port(), false)), limits(""));
            session = new LiveSession(p, new SshClient(knownHosts, null, prompter, FAST), SshConfigLookup.none(), rec, new LiveListener() {
                @Override
                public void topology(Foundation foundation) {
                    try {
                        rec.topology(foundation);
                    } catch (java.io.IOException e) {
                        throw new java.io.UncheckedIOException(e);
                    }
                }
            }, "vcap");
            session.start(Duration.ofSeconds(30));
            waitUntil("frames recorded", Duration.ofSeconds(10), () -> rec.framesWritten() >= 9);
            session.stop();
        }
        List<Frame> back = new ArrayList<>();
        CaptureStreamParser parser = new CaptureStreamParser(back::add, null);
        byte[] bytes = Files.readAllBytes(pcapng);
        assertThat(parser.feed(bytes, 0, bytes.length)).isTrue();
        assertThat(parser.finish()).isNull();
        assertThat(back).extracting(f -> f.point().name()).contains("diego-cell/0:silk-vtep", "diego-cell/0:eth0", "diego-cell/0:s-010255077003");
        assertThat(Files.readString(SessionRecorder.topologyFileFor(pcapng))).contains("10.255.77.0/24");
    }
}
