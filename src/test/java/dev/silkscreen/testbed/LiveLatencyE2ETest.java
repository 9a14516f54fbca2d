package dev.silkscreen.testbed;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.silkscreen.cli.SilkscreenCli;
import dev.silkscreen.model.Cell;
import dev.silkscreen.model.Foundation;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * How soon {@code trace --live --json} prints a journey after its last frame was captured, on the
 * testbed's real sshd, tcpdump and kernel (its cells share the machine's clock, so a hop's time
 * and the moment its line is written are on one clock). A measurement, printed: no timed assertion;
 * what is asserted is only that the traffic's journeys came out.
 */
@Tag("e2e")
class LiveLatencyE2ETest {
    private static final int ROUNDS = 12;
    @TempDir
    Path dir;

    @BeforeAll
    static void testbed() {
        TestbedRig.assumeUsable();
        TestbedRig.up("seed");
    }

    /** Each line written, with the wall-clock time (epoch ns) its newline was written. */
    private static final class StampedLines extends Writer {
        final List<String> lines = new ArrayList<>();
        final List<Long> stamps = new ArrayList<>();
        private final StringBuilder current = new StringBuilder();

        @Override
        public synchronized void write(char[] buf, int off, int len) {
            for (int i = off; i < off + len; i++) {
                if (buf[i] == '\n') {
                    Instant now = Instant.now();
                    stamps.add(now.getEpochSecond() * 1_000_000_000L + now.getNano());
                    lines.add(current.toString());
                    current.setLength(0);
                } else {
                    current.append(buf[i]);
                }
            }
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }

        synchronized int size() {
            return lines.size();
        }
    }

    @Test
    void journeysArePrintedSoonAfterTheirLastFrame() throws Exception {
        Foundation tb = TestbedRig.topology();
        StringBuilder y = new StringBuilder("name: testbed\ncapture: {duration: 40s}\ndefaults: {user: root, port: 22, auth: key, keyFile: "
                + TestbedRig.STATE.resolve("ssh/id_ed25519") + ", sudo: false}\ncells:\n");
        for (Cell c : tb.cells()) {
            y.append("  - {name: ").append(c.name()).append(", host: ").append(c.underlayIp()).append("}\n");
        }
        Path profile = Files.writeString(dir.resolve("testbed.yaml"), y.toString());
        Files.copy(TestbedRig.STATE.resolve("ssh/known_hosts"), dir.resolve("known_hosts"));
        StampedLines out = new StampedLines();
        StringWriter err = new StringWriter();
        int[] exit = {-1};
        Thread cli = new Thread(() -> exit[0] = SilkscreenCli.run(new PrintWriter(out, true), new PrintWriter(err, true),
                "trace", "--live", profile.toString(), "--json", "--duration", "25s",
                "--known-hosts", dir.resolve("known_hosts").toString(), "--ssh-config", dir.resolve("none").toString()), "trace --live");
        cli.start();
        Thread.sleep(4_000); // connect, discover, start every tcpdump
        for (int i = 0; i < ROUNDS && cli.isAlive(); i++) {
            TestbedRig.traffic("http", "ping", "udp", "upload");
            Thread.sleep(300);
        }
        cli.join(60_000);
        assertThat(exit[0]).as(err.toString()).isZero();

        ObjectMapper json = new ObjectMapper();
        List<Long> decided = new ArrayList<>();
        List<Long> waited = new ArrayList<>();
        for (int i = 0; i < out.lines.size(); i++) {
            JsonNode j = json.readTree(out.lines.get(i));
            long last = Long.MIN_VALUE;
            for (JsonNode h : j.path("hops")) {
                Instant t = Instant.parse(h.path("time").asText());
                last = Math.max(last, t.getEpochSecond() * 1_000_000_000L + t.getNano());
            }
            if (last == Long.MIN_VALUE) {
                continue;
            }
            long latency = out.stamps.get(i) - last;
            String verdict = j.path("verdict").asText();
            boolean certain = verdict.equals("delivered") && j.path("stage").asInt() == 11
                    || verdict.equals("dropped") && j.path("reason").asText().contains("ICMP");
            (certain ? decided : waited).add(latency);
        }
        System.out.printf(Locale.ROOT, "trace --live --json, last frame captured -> line on stdout: %s decided at once: %s; "
                        + "%d waited for the window (silent losses, unknowns): %s%n",
                decided.size(), figures(decided), waited.size(), figures(waited));
        assertThat(decided).as(out.lines.toString()).hasSizeGreaterThan(ROUNDS * 4);
    }

    private static String figures(List<Long> nanos) {
        if (nanos.isEmpty()) {
            return "-";
        }
        return String.format(Locale.ROOT, "p50 %.1f ms, p99 %.1f ms, max %.1f ms", percentile(nanos, 50) / 1e6,
                percentile(nanos, 99) / 1e6, percentile(nanos, 100) / 1e6);
    }

    private static long percentile(List<Long> values, int p) {
        List<Long> sorted = new ArrayList<>(values);
        sorted.sort(null);
        int i = (int) Math.ceil(p / 100.0 * sorted.size()) - 1;
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, i)));
    }
}
