package dev.silkscreen.sim;

import dev.silkscreen.capture.PcapngWriter;
import dev.silkscreen.model.CapturePoint;
import dev.silkscreen.model.Frame;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** Runs tshark on captures for tests; {@link #available()} says whether it is installed. */
final class Tshark {
    static final String[] CHECKSUMS = {"-o", "ip.check_checksum:TRUE", "-o", "tcp.check_checksum:TRUE", "-o", "udp.check_checksum:TRUE"};
    /** Wireshark's expert severities (epan/proto.h). */
    static final long NOTE = 0x00400000L;

    private Tshark() {
    }

    static boolean available() {
        try {
            Process p = new ProcessBuilder("tshark", "-v").redirectErrorStream(true).start();
            p.getInputStream().readAllBytes();
            return p.waitFor(20, TimeUnit.SECONDS) && p.exitValue() == 0;
        } catch (IOException | InterruptedException e) {
            return false;
        }
    }

    /** Output lines of {@code tshark -r FILE ARGS...}; fails when tshark fails. */
    static List<String> run(Path file, String... args) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of("tshark", "-n", "-r", file.toString()));
        cmd.addAll(List.of(args));
        Path err = Files.createTempFile("tshark", ".err");
        Process p = new ProcessBuilder(cmd).redirectError(err.toFile()).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(120, TimeUnit.SECONDS) || p.exitValue() != 0) {
            throw new IOException("tshark failed: " + Files.readString(err));
        }
        Files.deleteIfExists(err);
        return out.lines().toList();
    }

    /** One capture file per point: what tcpdump on that one interface would have written. */
    static Map<CapturePoint, Path> splitByPoint(List<Frame> frames, Path dir) throws IOException {
        Map<CapturePoint, List<Frame>> by = new LinkedHashMap<>();
        for (Frame f : frames) {
            by.computeIfAbsent(f.point(), k -> new ArrayList<>()).add(f);
        }
        Map<CapturePoint, Path> files = new LinkedHashMap<>();
        for (var e : by.entrySet()) {
            Path p = dir.resolve(e.getKey().name().replace(':', '_') + ".pcapng");
            try (OutputStream out = Files.newOutputStream(p); PcapngWriter w = new PcapngWriter(out, null)) {
                e.getValue().forEach(w::accept);
            }
            files.put(e.getKey(), p);
        }
        return files;
    }
}
