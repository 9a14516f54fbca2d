package dev.silkscreen.bench;

import com.jcraft.jsch.JSch;
import com.jcraft.jsch.KeyPair;
import dev.silkscreen.live.fixture.FakeCell;
import dev.silkscreen.live.fixture.TestPrompter;
import dev.silkscreen.live.profile.CaptureSettings;
import dev.silkscreen.live.profile.CellTarget;
import dev.silkscreen.live.profile.FoundationProfile;
import dev.silkscreen.live.profile.SshConfigLookup;
import dev.silkscreen.live.ssh.AuthMethod;
import dev.silkscreen.live.ssh.SshClient;
import dev.silkscreen.live.ssh.SshTarget;
import dev.silkscreen.live.ssh.SshTimeouts;
import dev.silkscreen.live.stream.LiveFrameSource;
import dev.silkscreen.live.stream.LiveListener;
import dev.silkscreen.live.stream.PointStats;
import dev.silkscreen.live.stream.SessionRecorder;
import dev.silkscreen.model.Cell;
import dev.silkscreen.model.Foundation;
import dev.silkscreen.model.Frame;
import dev.silkscreen.sim.Scenarios;
import dev.silkscreen.sim.SimResult;
import dev.silkscreen.sim.Simulator;
import dev.silkscreen.trace.TraceSettings;
import dev.silkscreen.trace.Tracer;
import java.io.File;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.stream.Collectors;

/**
 * Load on the live path, end to end in one process: four fake cells (in-process SSH servers) whose
 * tcpdump is a {@link PcapPacer} writing (for the duration less 3 s, then ending on its own, so that
 * every frame it counted has left it before the capture's time cap) a simulated capture (the {@code busy} foundation's
 * underlay VXLAN frames) at a set rate, streamed over SSH into {@code LiveFrameSource}, a
 * recording ({@code SessionRecorder}) and the correlator, as {@code trace --live --record} does.
 * Prints, every 5 s and at the end: frames sent by the fakes, arrived, recorded, traced; how late
 * frames arrive and journeys are given (p50/p99/max); the most heap used.
 *
 * <p>{@code java -Xmx1g -cp TEST_CLASSPATH dev.silkscreen.bench.LiveLoadBench [FRAMES_PER_SECOND [SECONDS [STREAMS]]]}
 * (defaults 50000, 60, 4). A measurement, not a test: run it on a machine as quiet as it gets.
 */
public final class LiveLoadBench {
    private LiveLoadBench() {
    }

    public static void main(String[] args) throws Exception {
        int rate = args.length > 0 ? Integer.parseInt(args[0]) : 50_000;
        int seconds = args.length > 1 ? Integer.parseInt(args[1]) : 60;
        int streams = args.length > 2 ? Integer.parseInt(args[2]) : 4;
        Path dir = Files.createTempDirectory("silkscreen-load");
        System.out.printf(Locale.ROOT, "load: %d streams x %d frames/s for %d s; load average at start %s%n", streams, rate, seconds, loadAverage());

        SimResult sim = Simulator.run(Scenarios.named("busy"), 1, 60_000, null);
        Foundation f = sim.foundation();
        Map<String, List<Frame>> nicFrames = sim.frames().stream().filter(x -> x.point().iface().equals("eth0"))
                .collect(Collectors.groupingBy(x -> x.point().cell()));
        List<Cell> busiest = f.cells().stream().sorted(Comparator.comparingInt((Cell c) -> -nicFrames.getOrDefault(c.name(), List.of()).size()))
                .limit(streams).toList();

        KeyPair kp = KeyPair.genKeyPair(new JSch(), KeyPair.ECDSA, 256);
        Path key = dir.resolve("id");
        kp.writePrivateKey(key.toString());
        Files.setPosixFilePermissions(key, PosixFilePermissions.fromString("rw-------"));
        StringBuilder kh = new StringBuilder();
        List<FakeCell> fakes = new ArrayList<>();
        List<CellTarget> targets = new ArrayList<>();
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        String cp = Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
                .map(e -> Path.of(e).toAbsolutePath().toString()).collect(Collectors.joining(File.pathSeparator));
        for (Cell c : busiest) {
            FakeCell fake = new FakeCell(Files.createDirectories(dir.resolve(c.name())));
            fakes.add(fake);
            fake.describe(f, c.name());
            fake.authorize(kp.getPublicKeyBlob());
            writePcap(fake.root().resolve("template.pcap"), nicFrames.get(c.name()));
            fake.replaceTcpdump("""
                    iface=""; prev=""
                    for a in "$@"; do [ "$prev" = "-i" ] && iface="$a"; prev="$a"; done
                    echo "tcpdump: listening on $iface, link-type EN10MB (Ethernet), snapshot length 256 bytes" >&2
                    exec '%s' -Xmx128m -cp '%s' dev.silkscreen.bench.PcapPacer "$FAKE_ROOT/template.pcap" %d %d "$FAKE_ROOT/state/sent.$iface"
                    """.formatted(java, cp, rate, Math.max(1, seconds - 3)));
            kh.append(fake.knownHostsLine("[127.0.0.1]:" + fake.port())).append('\n');
            targets.add(new CellTarget(c.name(), new SshTarget("127.0.0.1", fake.port(), FakeCell.USER, AuthMethod.KEY, key.toString()),
                    false, List.of("eth0")));
        }
        Path knownHosts = Files.writeString(dir.resolve("known_hosts"), kh.toString());
        FoundationProfile profile = new FoundationProfile("load", null, targets,
                new CaptureSettings("", 256, Duration.ofSeconds(seconds), 100_000_000L));

        Path rec = dir.resolve("load.pcapng");
        SessionRecorder recorder = new SessionRecorder(rec, "load", 256);
        AtomicLong arrived = new AtomicLong();
        Lags frameLag = new Lags();
        Lags journeyLag = new Lags();
        AtomicLong journeys = new AtomicLong();
        LiveListener listener = new LiveListener() {
            @Override
            public void cell(String cell, String state, String message) {
                if (!state.equals("connecting") && !state.equals("connected") && !state.equals("done") && !state.equals("stopped")) {
                    System.out.println("  " + cell + " " + state + (message == null ? "" : ": " + message));
                }
            }
        };
        listener = new dev.silkscreen.live.stream.ForwardingListener(listener) {
            @Override
            public void point(PointStats s) {
                if (s.message() != null) {
                    System.out.println("  " + s.point() + " " + s.state() + ": " + s.message());
                }
                super.point(s);
            }
        };
        LiveFrameSource source = new LiveFrameSource(profile, new SshClient(knownHosts, null, new TestPrompter(), SshTimeouts.defaults()),
                SshConfigLookup.none(), listener, "vcap", Duration.ofSeconds(seconds), frame -> {
                    recorder.accept(frame);
                    if (arrived.incrementAndGet() % 64 == 0) {
                        frameLag.add(System.currentTimeMillis() * 1_000_000L - frame.timeNanos());
                    }
                });
        Foundation topo = source.start();
        long t0 = System.nanoTime();
        long[] maxHeap = {0};
        Thread tracer = new Thread(() -> {
            try {
                Tracer.Outcome o = Tracer.run(source, topo, TraceSettings.defaults(), j -> {
                    if (journeys.incrementAndGet() % 16 == 0 && !j.hops().isEmpty()) {
                        journeyLag.add(System.currentTimeMillis() * 1_000_000L - j.hops().get(j.hops().size() - 1).timeNanos());
                    }
                });
                System.out.printf(Locale.ROOT, "traced: %d frames, %d on the overlay, %d journeys (%d decided early for room, %d late sightings)%n",
                        o.stats().frames(), o.stats().overlayFrames(), o.stats().journeys(), o.stats().decidedEarly(), o.stats().lateSightings());
            } catch (Exception e) {
                System.out.println("tracer failed: " + e);
            }
        }, "tracer");
        tracer.start();
        Runtime rt = Runtime.getRuntime();
        long lastPrint = System.nanoTime();
        long lastArrived = 0;
        while (tracer.isAlive()) {
            tracer.join(250);
            maxHeap[0] = Math.max(maxHeap[0], rt.totalMemory() - rt.freeMemory());
            if (System.nanoTime() - lastPrint >= 5_000_000_000L) {
                long a = arrived.get();
                System.out.printf(Locale.ROOT, "  %3d s: sent %,d  arrived %,d (%,d/s)  journeys %,d  frame lag %s  journey lag %s  heap %d MB%n",
                        (System.nanoTime() - t0) / 1_000_000_000L, sent(fakes), a, (a - lastArrived) / 5, journeys.get(),
                        frameLag.recent(), journeyLag.recent(), (rt.totalMemory() - rt.freeMemory()) >> 20);
                lastPrint = System.nanoTime();
                lastArrived = a;
            }
        }
        double elapsed = (System.nanoTime() - t0) / 1e9;
        source.stop();
        recorder.close();
        long recorded = recorder.framesWritten();
        long pointFrames = source.session().stats().stream().mapToLong(PointStats::frames).sum();
        Thread.sleep(1500); // the pacers write their final count when their stdout closes
        long sent = sent(fakes);
        System.out.printf(Locale.ROOT, "frames: sent %,d, arrived %,d (points counted %,d), recorded %,d; lost between sent and recorded: %,d%n",
                sent, arrived.get(), pointFrames, recorded, sent - recorded);
        System.out.printf(Locale.ROOT, "sustained: %,.0f frames/s over %.1f s (asked %,d/s)%n", arrived.get() / elapsed, elapsed, (long) rate * streams);
        System.out.printf(Locale.ROOT, "frame arrival lag %s; journey lag (last frame captured -> journey given) %s%n", frameLag.all(), journeyLag.all());
        System.out.printf(Locale.ROOT, "most heap used %d MB of %d MB; load average at end %s%n", maxHeap[0] >> 20, rt.maxMemory() >> 20, loadAverage());
        for (FakeCell fake : fakes) {
            fake.close();
        }
        System.exit(0);
    }

    private static long sent(List<FakeCell> fakes) {
        long n = 0;
        for (FakeCell fake : fakes) {
            try {
                n += Long.parseLong(Files.readString(fake.state().resolve("sent.eth0")).strip());
            } catch (Exception e) {
                // not written yet
            }
        }
        return n;
    }

    private static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).strip();
        } catch (Exception e) {
            return "?";
        }
    }

    private static void writePcap(Path file, List<Frame> frames) throws Exception {
        int size = 24;
        for (Frame fr : frames) {
            size += 16 + fr.data().length;
        }
        ByteBuffer b = ByteBuffer.allocate(size).order(ByteOrder.LITTLE_ENDIAN);
        b.putInt(0xa1b23c4d).putShort((short) 2).putShort((short) 4).putInt(0).putInt(0).putInt(65535).putInt(1);
        for (Frame fr : frames) {
            b.putInt(0).putInt(0).putInt(fr.data().length).putInt(fr.data().length).put(fr.data());
        }
        Files.write(file, b.array());
    }

    /** Lag samples (ns): all of them, and those since the last {@link #recent()}. */
    private static final class Lags {
        private static final int MAX = 1 << 20;
        private final AtomicLongArray all = new AtomicLongArray(MAX);
        private final AtomicLong n = new AtomicLong();
        private long recentFrom;

        void add(long nanos) {
            long i = n.getAndIncrement();
            if (i < MAX) {
                all.set((int) i, nanos);
            }
        }

        synchronized String recent() {
            long to = Math.min(n.get(), MAX);
            String s = figures(recentFrom, to);
            recentFrom = to;
            return s;
        }

        String all() {
            return figures(0, Math.min(n.get(), MAX));
        }

        private String figures(long from, long to) {
            if (to <= from) {
                return "-";
            }
            long[] v = new long[(int) (to - from)];
            for (int i = 0; i < v.length; i++) {
                v[i] = all.get((int) (from + i));
            }
            Arrays.sort(v);
            return String.format(Locale.ROOT, "p50 %.0f ms p99 %.0f ms max %.0f ms", v[v.length / 2] / 1e6,
                    v[Math.min(v.length - 1, (int) (v.length * 0.99))] / 1e6, v[v.length - 1] / 1e6);
        }
    }
}
