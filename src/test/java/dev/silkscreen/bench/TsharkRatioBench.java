package dev.silkscreen.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * The whole-process comparison anyone can repeat: simulates a scaled-up {@code busy} foundation
 * (20 cells, 100 apps, 300 instances, 16 000 conversations) into a capture, then times the jar's
 * {@code trace --summary} and {@code decode --json} on it against {@code tshark -T fields} with five
 * fields on the same file, and prints frames per second and the ratio. Each command runs
 * {@code --runs} times (default 3); the median is printed.
 *
 * <p>Run (after {@code mvn -q package -DskipTests}; tshark from Debian's package):
 * {@code mvn -q -Pbench test-compile exec:exec -Dbench.main=dev.silkscreen.bench.TsharkRatioBench -Dbench.args="target/silkscreen.jar"}
 */
public final class TsharkRatioBench {
    private TsharkRatioBench() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length < 1) {
            System.err.println("usage: TsharkRatioBench JAR [--runs N] [--conversations N] [--duration D]");
            System.exit(2);
        }
        String jar = args[0];
        int runs = 3;
        int conversations = 16_000;
        String duration = "1s";
        for (int i = 1; i < args.length; i++) {
            switch (args[i]) {
                case "--runs" -> runs = Integer.parseInt(args[++i]);
                case "--conversations" -> conversations = Integer.parseInt(args[++i]);
                case "--duration" -> duration = args[++i];
                default -> throw new IllegalArgumentException("unknown argument " + args[i]);
            }
        }
        Path dir = Files.createTempDirectory("silkscreen-ratio");
        try {
            Path yaml = dir.resolve("bigbusy.yaml");
            Files.writeString(yaml, "name: bigbusy\nduration: " + duration + "\nrandom: {cells: 20, apps: 100, instances: 300, policies: 150,"
                    + " allowedShare: 0.85, conversations: " + conversations + "}\n");
            Process sim = new ProcessBuilder("java", "-jar", jar, "simulate", "--scenario", yaml.toString(), "--out", dir.toString())
                    .redirectErrorStream(true).start();
            String simOut = new String(sim.getInputStream().readAllBytes());
            if (sim.waitFor() != 0) {
                throw new IllegalStateException("simulate failed: " + simOut);
            }
            Path pcap = dir.resolve("bigbusy.pcapng");
            long frames = framesOf(simOut);
            System.out.printf(Locale.ROOT, "capture: %,d frames, %,d MB%n", frames, Files.size(pcap) >> 20);
            double trace = median(runs, List.of("java", "-jar", jar, "trace", "--summary", pcap.toString()));
            double decode = median(runs, List.of("java", "-jar", jar, "decode", "--json", pcap.toString()));
            double tshark = median(runs, List.of("tshark", "-n", "-r", pcap.toString(), "-T", "fields", "-e", "frame.time_epoch",
                    "-e", "ip.src", "-e", "ip.dst", "-e", "udp.dstport", "-e", "vxlan.gbp"));
            System.out.printf(Locale.ROOT, "trace --summary   %7.2f s  %,10.0f frames/s%n", trace, frames / trace);
            System.out.printf(Locale.ROOT, "decode --json     %7.2f s  %,10.0f frames/s%n", decode, frames / decode);
            System.out.printf(Locale.ROOT, "tshark -T fields  %7.2f s  %,10.0f frames/s%n", tshark, frames / tshark);
            System.out.printf(Locale.ROOT, "trace is %.1f× faster than tshark (goal ≥ 40×; ≥ 1.5 M frames/s)%n", tshark / trace);
        } finally {
            try (var files = Files.list(dir)) {
                for (Path p : files.toList()) {
                    Files.delete(p);
                }
            }
            Files.delete(dir);
        }
    }

    /** The frame count from simulate's line ("NAME: N frames of M overlay packets ..."). */
    private static long framesOf(String simulateOutput) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile(": (\\d+) frames of").matcher(simulateOutput);
        if (!m.find()) {
            throw new IllegalStateException("no frame count in simulate's output: "
                    + simulateOutput.substring(0, Math.min(300, simulateOutput.length())));
        }
        return Long.parseLong(m.group(1));
    }

    private static double median(int runs, List<String> command) throws IOException, InterruptedException {
        double[] t = new double[runs];
        for (int i = 0; i < runs; i++) {
            long start = System.nanoTime();
            run(command);
            t[i] = (System.nanoTime() - start) / 1e9;
        }
        Arrays.sort(t);
        return t[runs / 2];
    }

    private static void run(List<String> command) throws IOException, InterruptedException {
        ProcessBuilder pb = new ProcessBuilder(new ArrayList<>(command)).redirectErrorStream(true);
        pb.redirectOutput(ProcessBuilder.Redirect.DISCARD);
        int rc = pb.start().waitFor();
        if (rc != 0 && rc != 3) {
            throw new IllegalStateException(String.join(" ", command) + " exited " + rc);
        }
    }
}
