package dev.silkscreen.bench;

import static dev.silkscreen.decode.TestPackets.ethernet;
import static dev.silkscreen.decode.TestPackets.icmp;
import static dev.silkscreen.decode.TestPackets.ip;
import static dev.silkscreen.decode.TestPackets.ipv4;
import static dev.silkscreen.decode.TestPackets.tcp;
import static dev.silkscreen.decode.TestPackets.udp;
import static dev.silkscreen.decode.TestPackets.vxlan;

import dev.silkscreen.capture.PcapngWriter;
import dev.silkscreen.model.CapturePoint;
import dev.silkscreen.model.Frame;
import dev.silkscreen.model.LinkType;
import dev.silkscreen.trace.Correlator;
import dev.silkscreen.trace.JourneyStore;
import dev.silkscreen.trace.TraceSettings;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;

/**
 * Does the correlator stay linear on traffic shaped to hurt it? For each shape the issue names
 * (a UDP flow whose IP ID is always 0, one giant TCP segment then many small ones inside it, a
 * same-sequence flood, descending sequence numbers, a flood of ICMP errors quoting one flow) it
 * writes a capture of 100 k and of 1 M frames, runs the shipped jar's {@code trace --summary} on
 * each as a whole process, and feeds the same frames to a correlator in live mode (points opened
 * and advanced as a live stream's are). It prints the times and the growth: 10× the frames should
 * take at most about 12× the time. Frames are 10 µs apart, so the 2 s window holds up to 200 k
 * journeys at once.
 *
 * <p>Run (after {@code mvn -q package -DskipTests}, which makes {@code target/silkscreen.jar}):
 * {@code mvn -q -Pbench test-compile exec:exec -Dbench.main=dev.silkscreen.bench.ShapesBench -Dbench.args="target/silkscreen.jar"}
 * ({@code bench.args}: the jar, then optionally the shapes to run and {@code --small N --large N}).
 */
public final class ShapesBench {
    private static final CapturePoint SRC_VETH = new CapturePoint("cell1", "s-010255001002");
    private static final CapturePoint VTEP1 = new CapturePoint("cell1", "silk-vtep");
    private static final CapturePoint NIC1 = new CapturePoint("cell1", "eth0");
    private static final CapturePoint[] POINTS = {SRC_VETH, VTEP1, NIC1};
    private static final int SRC = ip("10.255.1.2");
    private static final int DST = ip("10.255.2.3");
    private static final long T0 = 1_767_225_600_000_000_000L;
    private static final long STEP = 10_000;
    private static final long SEQ0 = 4_000_000_000L;

    /** A shape: writes frames numbered {@code 0..} until {@code frames} are out. */
    private interface Shape {
        void emit(long frames, Consumer<Frame> out);
    }

    private static final List<String> NAMES = List.of("udp-id-0", "giant-then-small", "same-sequence", "descending-sequence",
            "icmp-error-flood");

    private ShapesBench() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length < 1) {
            System.err.println("usage: ShapesBench JAR [SHAPE...] [--small N] [--large N]");
            System.exit(2);
        }
        Path jar = Path.of(args[0]);
        long small = 100_000;
        long large = 1_000_000;
        List<String> shapes = new ArrayList<>();
        for (int i = 1; i < args.length; i++) {
            switch (args[i]) {
                case "--small" -> small = Long.parseLong(args[++i]);
                case "--large" -> large = Long.parseLong(args[++i]);
                default -> shapes.add(args[i]);
            }
        }
        if (shapes.isEmpty()) {
            shapes.addAll(NAMES);
        }
        Path dir = Files.createTempDirectory("silkscreen-shapes");
        // The JVM's start and the jar's loading, measured on a capture of a few frames: the growth is of what is left.
        Path tiny = dir.resolve("tiny.pcapng");
        write(shape(NAMES.get(0)), 30, tiny);
        double startup = Double.MAX_VALUE;
        for (int i = 0; i < 3; i++) {
            startup = Math.min(startup, traceSeconds(jar, tiny));
        }
        Files.delete(tiny);
        System.out.printf(Locale.ROOT, "start-up (trace on 30 frames, best of 3): %.2fs; growth below is of the time past it%n", startup);
        System.out.printf(Locale.ROOT, "%-20s %10s %10s %8s   %10s %10s %8s%n", "shape", "trace " + k(small), "trace " + k(large),
                "growth", "live " + k(small), "live " + k(large), "growth");
        try {
            for (String name : shapes) {
                Shape shape = shape(name);
                double[] file = new double[2];
                double[] live = new double[2];
                long[] sizes = {small, large};
                liveSeconds(shape, small); // warm the JIT for this shape
                for (int s = 0; s < 2; s++) {
                    Path pcap = dir.resolve(name + "-" + sizes[s] + ".pcapng");
                    write(shape, sizes[s], pcap);
                    file[s] = traceSeconds(jar, pcap);
                    Files.delete(pcap);
                    live[s] = liveSeconds(shape, sizes[s]);
                }
                System.out.printf(Locale.ROOT, "%-20s %9.2fs %9.2fs %7.1f×   %9.2fs %9.2fs %7.1f×%n", name, file[0], file[1],
                        (file[1] - startup) / Math.max(0.01, file[0] - startup), live[0], live[1], live[1] / live[0]);
            }
        } finally {
            Files.deleteIfExists(dir);
        }
        System.out.printf(Locale.ROOT, "growth: time for %s frames over time for %s (linear is %.0f×; the goal is at most %.0f×)%n",
                k(large), k(small), (double) large / small, 1.2 * large / small);
    }

    private static String k(long n) {
        return n >= 1_000_000 ? n / 1_000_000 + "M" : n / 1000 + "k";
    }

    private static void write(Shape shape, long frames, Path to) throws IOException {
        try (OutputStream os = Files.newOutputStream(to); PcapngWriter w = new PcapngWriter(os, "ShapesBench")) {
            shape.emit(frames, w::accept);
        }
    }

    /** Wall seconds of {@code java -jar JAR trace --summary FILE}, the JVM's start included. */
    private static double traceSeconds(Path jar, Path pcap) throws IOException, InterruptedException {
        ProcessBuilder pb = new ProcessBuilder("java", "-jar", jar.toString(), "trace", "--summary", pcap.toString())
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD);
        long t = System.nanoTime();
        int rc = pb.start().waitFor();
        double s = (System.nanoTime() - t) / 1e9;
        if (rc != 0 && rc != 3) {
            throw new IllegalStateException("trace exited " + rc + " on " + pcap);
        }
        return s;
    }

    /** Seconds for the same frames through a correlator fed as a live session feeds it. */
    private static double liveSeconds(Shape shape, long frames) {
        JourneyStore store = new JourneyStore(TraceSettings.DEFAULT_CAPACITY);
        long[] decided = new long[1];
        store.addListener(j -> decided[0]++);
        Correlator c = new Correlator(TraceSettings.defaults(), null, store);
        for (CapturePoint p : POINTS) {
            c.opened(p, T0);
        }
        long[] n = new long[1];
        long t = System.nanoTime();
        shape.emit(frames, f -> {
            c.accept(f);
            if ((++n[0] & 255) == 0) {
                for (CapturePoint p : POINTS) {
                    c.advanced(p, f.timeNanos());
                }
            }
        });
        for (CapturePoint p : POINTS) {
            c.closed(p, T0 + frames * STEP + 10_000_000_000L);
        }
        c.finish();
        double s = (System.nanoTime() - t) / 1e9;
        if (decided[0] == 0) {
            throw new IllegalStateException("no journey decided");
        }
        return s;
    }

    private static Shape shape(String name) {
        return switch (name) {
            case "udp-id-0" -> (frames, out) -> {
                // Each datagram at the veth, silk-vtep and the NIC; IP ID 0 on all (DF, as Linux sends them).
                for (long i = 0; 3 * i < frames; i++) {
                    byte[] in = udpFrame(0, (int) i);
                    long t = T0 + i * STEP;
                    out.accept(frame(SRC_VETH, t, in));
                    out.accept(frame(VTEP1, t + 2_000, in));
                    out.accept(frame(NIC1, t + 4_000, outer(in)));
                }
            };
            case "giant-then-small" -> (frames, out) -> {
                out.accept(frame(SRC_VETH, T0, tcpFrame(1, SEQ0, 60_000)));
                for (long i = 1; 2 * i < frames; i++) {
                    byte[] in = tcpFrame((int) i, SEQ0 + (i * 100) % 59_900, 100);
                    long t = T0 + i * STEP;
                    out.accept(frame(SRC_VETH, t, in));
                    out.accept(frame(VTEP1, t + 2_000, in));
                }
            };
            case "same-sequence" -> (frames, out) -> {
                for (long i = 0; 2 * i < frames; i++) {
                    byte[] in = tcpFrame((int) i, SEQ0, 100);
                    long t = T0 + i * STEP;
                    out.accept(frame(SRC_VETH, t, in));
                    out.accept(frame(VTEP1, t + 2_000, in));
                }
            };
            case "descending-sequence" -> (frames, out) -> {
                for (long i = 0; 2 * i < frames; i++) {
                    byte[] in = tcpFrame((int) i, SEQ0 - 100 * i, 100);
                    long t = T0 + i * STEP;
                    out.accept(frame(SRC_VETH, t, in));
                    out.accept(frame(VTEP1, t + 2_000, in));
                }
            };
            case "icmp-error-flood" -> (frames, out) -> {
                // Segments of one flow, IP ID 0, each answered by a port unreachable quoting it.
                for (long i = 0; 2 * i < frames; i++) {
                    byte[] in = tcpFrame(0, SEQ0 + 100 * i, 100);
                    long t = T0 + i * STEP;
                    out.accept(frame(SRC_VETH, t, in));
                    byte[] quoted = Arrays.copyOfRange(in, 14, 14 + 28);
                    byte[] err = ethernet(0xaaaa0aff0102L, 0xeeee0aff0203L, 0x0800,
                            ipv4(DST, SRC, 1, (int) i, icmp(3, 3, 0, quoted)));
                    out.accept(frame(SRC_VETH, t + 3_000, err));
                }
            };
            default -> throw new IllegalArgumentException("unknown shape '" + name + "' (shapes: " + String.join(", ", NAMES) + ")");
        };
    }

    private static byte[] udpFrame(int ipId, int n) {
        byte[] payload = new byte[32];
        payload[0] = (byte) (n >>> 24);
        payload[1] = (byte) (n >>> 16);
        payload[2] = (byte) (n >>> 8);
        payload[3] = (byte) n;
        return ethernet(0xeeee0aff0203L, 0xaaaa0aff0102L, 0x0800, ipv4(SRC, DST, 17, ipId, udp(40000, 5353, payload)));
    }

    private static byte[] tcpFrame(int ipId, long seq, int len) {
        return ethernet(0xeeee0aff0203L, 0xaaaa0aff0102L, 0x0800, ipv4(SRC, DST, 6, ipId & 0xFFFF, tcp(40000, 8080, seq, 1, 0x18, new byte[len])));
    }

    private static byte[] outer(byte[] inner) {
        return ethernet(0x0250560000a2L, 0x0250560000a1L, 0x0800,
                ipv4(ip("10.0.16.11"), ip("10.0.16.12"), 17, 0x0101, udp(51234, 4789, vxlan(0x88, 0, 4, 1, inner))));
    }

    private static Frame frame(CapturePoint p, long t, byte[] data) {
        return new Frame(p, t, LinkType.ETHERNET, data.length, data);
    }
}
