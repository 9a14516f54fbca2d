/*
 * Rewrites the sample captures in assets/captures/ from the testbed: for each sample scenario it
 * brings the testbed to that scenario, captures at every point while the scenario's traffic runs,
 * and merges the per-point pcaps into one pcapng whose interfaces are named CELL:IFACE, beside the
 * topology in force. Run by make-samples.sh (as root), against the compiled main classes; holds
 * the testbed lease (/run/silkscreen-testbed.lease) the e2e tests take, so they never overlap.
 */

import dev.silkscreen.capture.CaptureException;
import dev.silkscreen.capture.CaptureReader;
import dev.silkscreen.capture.PcapngWriter;
import dev.silkscreen.decode.DecodedFrame;
import dev.silkscreen.decode.FrameDecoder;
import dev.silkscreen.model.CapturePoint;
import dev.silkscreen.model.Frame;
import dev.silkscreen.model.Ipv4;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;

public class MakeSamples {
    /** Scenarios kept as samples: one delivered, one rejected by policy, one lost to a stale FDB, one too big. */
    static final List<String> SCENARIOS = List.of("seed", "no-policy", "stale-fdb", "mtu");
    /** The test runner's address on the underlay: SSH sessions of other tests, not part of a scenario. */
    static final int TEST_RUNNER = Ipv4.parse("172.31.200.254");
    /** Seconds to keep capturing after the traffic, for late ICMP errors and retransmissions. */
    static final String LINGER = "1.5";
    static final Path LEASE = Path.of("/run/silkscreen-testbed.lease");
    static final long LEASE_WAIT_MINUTES = 10;

    public static void main(String[] args) throws Exception {
        if (args.length < 1 || args.length > 2) {
            System.err.println("usage: MakeSamples.java REPOSITORY [OUTPUT_DIR] (run make-samples.sh)");
            System.exit(2);
        }
        Path repo = Path.of(args[0]);
        Path script = repo.resolve("src/test/testbed/testbed.sh");
        Path out = args.length > 1 ? Path.of(args[1]) : repo.resolve("assets/captures");
        Files.createDirectories(out);
        String stateEnv = System.getenv("SILKSCREEN_TESTBED_STATE");
        Path state = Path.of(stateEnv != null && !stateEnv.isBlank() ? stateEnv : "/run/silkscreen-testbed");
        try (FileChannel channel = FileChannel.open(LEASE, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
             FileLock lease = take(channel)) {
            try {
                for (String scenario : SCENARIOS) {
                    write(scenario, script, state, out);
                }
            } finally {
                run(script, "down");
            }
        }
    }

    private static FileLock take(FileChannel channel) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(LEASE_WAIT_MINUTES);
        while (true) {
            FileLock lock = channel.tryLock();
            if (lock != null) {
                return lock;
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("another run held the testbed for " + LEASE_WAIT_MINUTES + " minutes (" + LEASE + ")");
            }
            System.err.println("waiting for the testbed lease (" + LEASE + ") ...");
            Thread.sleep(5_000);
        }
    }

    private static void write(String scenario, Path script, Path state, Path out) throws Exception {
        run(script, "up", scenario);
        Path dir = Files.createTempDirectory("silkscreen-sample-" + scenario);
        try {
            List<String> capture = new ArrayList<>(List.of("capture", dir.toString(), LINGER, "--", script.toString(), "traffic"));
            if (scenario.equals("mtu")) {
                capture.addAll(List.of("bigudp", "http")); // the too-big datagram, then small packets passing
            }
            run(script, capture.toArray(String[]::new));
            String now = Files.readString(state.resolve("scenario")).strip();
            if (!now.equals(scenario)) {
                throw new IllegalStateException("the testbed was switched to " + now + " during the " + scenario + " capture");
            }
            List<Frame> frames = new ArrayList<>();
            for (String line : Files.readAllLines(dir.resolve("points.tsv"))) {
                String[] cols = line.split("\t");
                if (cols.length == 2) {
                    frames.addAll(CaptureReader.readAll(dir.resolve(cols[1]), CapturePoint.parse(cols[0])));
                }
            }
            frames.sort(Comparator.comparingLong(Frame::timeNanos));
            Path pcapng = out.resolve("testbed-" + scenario + ".pcapng");
            long kept = 0;
            FrameDecoder decoder = new FrameDecoder();
            DecodedFrame d = new DecodedFrame();
            try (OutputStream os = Files.newOutputStream(pcapng);
                 PcapngWriter w = new PcapngWriter(os, "Silkscreen testbed, scenario " + scenario
                         + ": real tcpdump at every point (src/test/testbed, assets/captures/README.md)")) {
                for (Frame f : frames) {
                    decoder.decode(f, d);
                    boolean runner = !d.encapsulated && d.ipVersion == 4 && (d.src == TEST_RUNNER || d.dst == TEST_RUNNER);
                    if (!runner) {
                        w.accept(f);
                        kept++;
                    }
                }
            }
            if (kept == 0) {
                throw new IllegalStateException(scenario + ": no frame was captured");
            }
            Files.copy(state.resolve("topology.json"), out.resolve("testbed-" + scenario + ".topology.json"),
                    StandardCopyOption.REPLACE_EXISTING);
            System.out.println(pcapng + ": " + kept + " frames");
        } catch (CaptureException e) {
            throw new IllegalStateException(scenario + ": " + e.getMessage(), e);
        } finally {
            try (var files = Files.walk(dir)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    private static void run(Path script, String... args) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of(script.toString()));
        cmd.addAll(List.of(args));
        Process p = new ProcessBuilder(cmd).inheritIO().start();
        if (!p.waitFor(2, TimeUnit.MINUTES)) {
            p.destroy();
            throw new IllegalStateException("testbed.sh " + String.join(" ", args) + " took more than 2 minutes");
        }
        if (p.exitValue() != 0) {
            throw new IllegalStateException("testbed.sh " + String.join(" ", args) + " failed (status " + p.exitValue() + ")");
        }
    }
}
