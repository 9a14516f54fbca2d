package dev.silkscreen.testbed;

import static org.assertj.core.api.Assertions.assertThat;

import dev.silkscreen.live.profile.CaptureSettings;
import dev.silkscreen.live.profile.CellTarget;
import dev.silkscreen.live.profile.FoundationProfile;
import dev.silkscreen.live.profile.SshConfigLookup;
import dev.silkscreen.live.ssh.AuthMethod;
import dev.silkscreen.live.ssh.SecretPrompter;
import dev.silkscreen.live.ssh.SshClient;
import dev.silkscreen.live.ssh.SshTarget;
import dev.silkscreen.live.ssh.SshTimeouts;
import dev.silkscreen.live.stream.LiveFrameSource;
import dev.silkscreen.live.stream.LiveListener;
import dev.silkscreen.live.stream.LiveSession;
import dev.silkscreen.live.stream.PointState;
import dev.silkscreen.model.App;
import dev.silkscreen.model.Cell;
import dev.silkscreen.model.Foundation;
import dev.silkscreen.model.Instance;
import dev.silkscreen.model.Journey;
import dev.silkscreen.model.Policy;
import dev.silkscreen.model.TopologyJson;
import dev.silkscreen.model.Verdict;
import dev.silkscreen.trace.TraceSettings;
import dev.silkscreen.trace.Tracer;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Live capture against the testbed's real cells: real sshd in each cell namespace, real tcpdump,
 * real kernel VXLAN-GBP and iptables. Skips (saying why) where the testbed cannot run.
 */
@Tag("e2e")
class LiveCaptureE2ETest {
    private static final SshTimeouts FAST = new SshTimeouts(Duration.ofSeconds(5), Duration.ofSeconds(5), Duration.ofSeconds(10), Duration.ofSeconds(1), 2);
    private static final SecretPrompter NO_PROMPTS = new SecretPrompter() {
        @Override
        public char[] password(String who) {
            return null;
        }

        @Override
        public char[] passphrase(String keyFile) {
            return null;
        }

        @Override
        public boolean acceptNewHostKey(String host, String keyType, String fingerprint) {
            return false;
        }
    };
    @TempDir
    Path dir;
    private final List<String> events = new CopyOnWriteArrayList<>();
    private LiveSession session;
    private LiveFrameSource source;
    private Thread tracer;

    @BeforeAll
    static void testbed() {
        TestbedRig.assumeUsable();
        TestbedRig.up("seed");
    }

    @AfterEach
    void stop() throws Exception {
        if (source != null) {
            source.stop();
        }
        if (session != null) {
            session.stop();
        }
        if (tracer != null) {
            tracer.join(10_000);
        }
        ip("-n", "stb-cell2", "link", "set", "eth0", "up");
    }

    private static Foundation testbedTopology() throws IOException {
        try (InputStream in = Files.newInputStream(TestbedRig.STATE.resolve("topology.json"))) {
            return TopologyJson.read(in);
        } catch (IllegalArgumentException e) {
            return TestbedRig.topology();
        }
    }

    private FoundationProfile profile(Foundation tb) {
        List<CellTarget> cells = new ArrayList<>();
        for (Cell c : tb.cells()) {
            cells.add(new CellTarget(c.name(), new SshTarget(c.underlayIp(), 22, "root", AuthMethod.KEY,
                    TestbedRig.STATE.resolve("ssh/id_ed25519").toString()), false, List.of()));
        }
        return new FoundationProfile("testbed", null, cells, new CaptureSettings("", 256, Duration.ofMinutes(2), 1_000_000));
    }

    private SshClient client() throws IOException {
        Path kh = dir.resolve("known_hosts");
        Files.copy(TestbedRig.STATE.resolve("ssh/known_hosts"), kh);
        return new SshClient(kh, null, NO_PROMPTS, FAST);
    }

    private final LiveListener listener = new LiveListener() {
        @Override
        public void cell(String cell, String state, String message) {
            events.add(cell + " " + state + (message == null ? "" : " " + message));
        }

        @Override
        public void warning(String message) {
            events.add("warning " + message);
        }
    };

    @Test
    void discoveredTagsAndPoliciesEqualTheTestbeds() throws Exception {
        Foundation tb = testbedTopology();
        session = new LiveSession(profile(tb), client(), SshConfigLookup.none(), f -> { }, listener, "root");
        Foundation found = session.discover();
        assertThat(found.cells()).as(events.toString()).extracting(Cell::name).containsExactlyInAnyOrderElementsOf(tb.cells().stream().map(Cell::name).toList());
        assertThat(found.cells()).extracting(Cell::subnet).containsExactlyInAnyOrderElementsOf(tb.cells().stream().map(Cell::subnet).toList());
        assertThat(tagByIp(found)).isEqualTo(tagByIp(tb));
        assertThat(policiesByTag(found)).isEqualTo(policiesByTag(tb));
    }

    private static Map<String, Integer> tagByIp(Foundation f) {
        Map<String, Integer> out = new HashMap<>();
        for (Instance i : f.instances()) {
            out.put(i.ip(), f.app(i.app()).map(App::tag).orElse(-1));
        }
        return out;
    }

    private static Set<String> policiesByTag(Foundation f) {
        Set<String> out = new HashSet<>();
        for (Policy p : f.policies()) {
            int src = f.app(p.srcApp()).map(App::tag).orElse(-1);
            int dst = f.app(p.dstApp()).map(App::tag).orElse(-1);
            out.add(src + "->" + dst + " " + p.protocol() + " " + p.portStart() + "-" + p.portEnd());
        }
        return out;
    }

    /** A journey as the tracer handed it over: when (monotonic), and how long after its last sighting (wall clock). */
    private record Seen(Journey journey, long atNanos, long sinceLastHopMillis) {
        static Seen now(Journey j) {
            long last = j.hops().isEmpty() ? 0 : j.hops().get(j.hops().size() - 1).timeNanos();
            return new Seen(j, System.nanoTime(), (System.currentTimeMillis() * 1_000_000L - last) / 1_000_000);
        }
    }

    @Test
    void liveJourneysAndVerdictsAppearWithinASecondOfTheTraffic() throws Exception {
        Foundation tb = testbedTopology();
        List<Seen> seen = new CopyOnWriteArrayList<>();
        java.util.concurrent.ConcurrentHashMap<String, long[]> arrival = new java.util.concurrent.ConcurrentHashMap<>();
        source = new LiveFrameSource(profile(tb), client(), SshConfigLookup.none(), listener, "root", Duration.ofMinutes(2), f -> {
            long lateMs = (System.currentTimeMillis() * 1_000_000L - f.timeNanos()) / 1_000_000;
            long[] a = arrival.computeIfAbsent(f.point().name(), k -> new long[2]);
            a[0] = Math.max(a[0], lateMs);
            a[1]++;
        });
        Foundation topo = source.start();
        TraceSettings settings = TraceSettings.defaults().withWindow(Duration.ofMillis(400));
        tracer = new Thread(() -> {
            try {
                Tracer.run(source, topo, settings, j -> seen.add(Seen.now(j)));
            } catch (Exception e) {
                events.add("tracer failed " + e);
            }
        }, "tracer");
        tracer.start();
        waitUntil("every point capturing", Duration.ofSeconds(20), () -> allRunning(source.session()));
        Thread.sleep(300);

        Instance client = instance(tb, "AppB", 0);
        Instance server = instance(tb, "AppA", 0);
        TestbedRig.traffic("http");
        long httpDone = System.nanoTime();
        waitUntil("a delivered tcp journey AppB/0 -> AppA/0:8080", Duration.ofSeconds(5), () -> seen.stream().anyMatch(s ->
                s.journey().verdict() == Verdict.DELIVERED && isFlow(s.journey(), client, server, "tcp", 8080)),
                () -> " client " + client + " server " + server + " stats " + source.session().stats() + describe(seen, httpDone));
        String lateness = arrival.entrySet().stream().map(e -> e.getKey() + " max " + e.getValue()[0] + " ms over " + e.getValue()[1]).sorted().toList().toString();
        Seen delivered = seen.stream().filter(s -> s.journey().verdict() == Verdict.DELIVERED && isFlow(s.journey(), client, server, "tcp", 8080)).findFirst().orElseThrow();
        assertThat(Duration.ofNanos(delivered.atNanos() - httpDone)).as(() -> "frames arrived late by: " + lateness + describe(seen, httpDone)).isLessThan(Duration.ofSeconds(1));
        assertThat(delivered.journey().stage()).isEqualTo(11);

        TestbedRig.traffic("ping");
        long pingDone = System.nanoTime();
        waitUntil("a dropped icmp journey", Duration.ofSeconds(5), () -> seen.stream().anyMatch(s ->
                s.journey().verdict() == Verdict.DROPPED && s.journey().flow().proto().equals("icmp") && s.journey().flow().dst().equals(server.ip())));
        Seen dropped = seen.stream().filter(s -> s.journey().verdict() == Verdict.DROPPED && s.journey().flow().proto().equals("icmp") && s.journey().flow().dst().equals(server.ip())).findFirst().orElseThrow();
        assertThat(Duration.ofNanos(dropped.atNanos() - pingDone)).as(() -> describe(seen, pingDone)).isLessThan(Duration.ofSeconds(1));
        assertThat(dropped.journey().dropCell()).isEqualTo(server.cell());
        System.out.printf("live journeys: delivered %d ms, rejected %d ms after the traffic ended; frames late by at most %s%n",
                (delivered.atNanos() - httpDone) / 1_000_000, (dropped.atNanos() - pingDone) / 1_000_000, lateness);
    }

    private static String describe(List<Seen> seen, long t0) {
        StringBuilder sb = new StringBuilder();
        for (Seen s : seen) {
            Journey j = s.journey();
            sb.append(String.format("%n%+d ms %s %s %s stage %d, decided %d ms after its last sighting", (s.atNanos() - t0) / 1_000_000,
                    j.flow(), j.summary(), j.verdict(), j.stage(), s.sinceLastHopMillis()));
        }
        return sb.toString();
    }

    private static boolean isFlow(Journey j, Instance from, Instance to, String proto, int dport) {
        return j.flow().proto().equals(proto) && j.flow().src().equals(from.ip()) && j.flow().dst().equals(to.ip()) && j.flow().dport() == dport;
    }

    private static Instance instance(Foundation f, String app, int index) {
        return f.instances().stream().filter(i -> i.app().equals(app) && i.index() == index).findFirst()
                .orElseThrow(() -> new AssertionError("the testbed has no " + app + "/" + index));
    }

    @Test
    void aCellWhoseLinkGoesDownIsReconnectedAndStopLeavesNoTcpdump() throws Exception {
        Foundation tb = testbedTopology();
        session = new LiveSession(profile(tb), client(), SshConfigLookup.none(), f -> { }, listener, "root");
        session.start(Duration.ofMinutes(2));
        waitUntil("every point capturing", Duration.ofSeconds(20), () -> allRunning(session));
        try {
            ip("-n", "stb-cell2", "link", "set", "eth0", "down");
            waitUntil("cell2 lost", Duration.ofSeconds(20), () -> events.stream().anyMatch(e -> e.startsWith("cell2 lost") || e.startsWith("cell2 unreachable")));
        } finally {
            ip("-n", "stb-cell2", "link", "set", "eth0", "up");
        }
        int before = events.size();
        waitUntil("cell2 connected again", Duration.ofSeconds(40), () -> events.subList(before, events.size()).stream().anyMatch(e -> e.startsWith("cell2 connected")));
        waitUntil("cell2 capturing again", Duration.ofSeconds(20), () -> allRunning(session));
        assertThat(events).noneMatch(e -> e.startsWith("cell1 lost") || e.startsWith("cell3 lost"));
        session.stop();
        waitUntil("no live tcpdump in any cell", Duration.ofSeconds(10), () -> liveTcpdumps().isEmpty(), () -> " left: " + liveTcpdumps() + " points: " + session.stats());
    }

    @Test
    void stopLeavesNoTcpdumpOnAnyCell() throws Exception {
        Foundation tb = testbedTopology();
        session = new LiveSession(profile(tb), client(), SshConfigLookup.none(), f -> { }, listener, "root");
        session.start(Duration.ofMinutes(2));
        waitUntil("every point capturing", Duration.ofSeconds(20), () -> allRunning(session));
        assertThat(liveTcpdumps()).isNotEmpty();
        session.stop();
        assertThat(liveTcpdumps()).isEmpty();
    }

    private static boolean allRunning(LiveSession s) {
        var stats = s.stats();
        return !stats.isEmpty() && stats.stream().allMatch(p -> p.state() == PointState.RUNNING);
    }

    /** tcpdumps writing to stdout ({@code -w -}, as Silkscreen runs them) in the cell namespaces, found with ip netns pids. */
    private static List<String> liveTcpdumps() {
        List<String> found = new ArrayList<>();
        for (String ns : List.of("stb-cell1", "stb-cell2", "stb-cell3")) {
            TestbedRig.Result r = TestbedRig.run(Duration.ofSeconds(5), List.of("ip", "netns", "pids", ns));
            for (String pid : r.lines()) {
                try {
                    String cmd = Files.readString(Path.of("/proc", pid.strip(), "cmdline")).replace('\0', ' ');
                    if (cmd.startsWith("tcpdump ") && cmd.contains(" -w - ")) {
                        found.add(ns + " " + pid.strip() + " " + cmd);
                    }
                } catch (IOException e) {
                    // the process ended meanwhile
                }
            }
        }
        return found;
    }

    private static void ip(String... args) {
        List<String> cmd = new ArrayList<>(List.of("ip"));
        cmd.addAll(List.of(args));
        TestbedRig.run(Duration.ofSeconds(5), cmd);
    }

    private void waitUntil(String what, Duration max, BooleanSupplier condition) throws InterruptedException {
        waitUntil(what, max, condition, () -> "");
    }

    private void waitUntil(String what, Duration max, BooleanSupplier condition, java.util.function.Supplier<String> context) throws InterruptedException {
        long deadline = System.nanoTime() + max.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out waiting for: " + what + "; events: " + events + context.get());
            }
            Thread.sleep(20);
        }
    }
}
