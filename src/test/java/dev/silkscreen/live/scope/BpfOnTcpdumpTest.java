package dev.silkscreen.live.scope;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.silkscreen.capture.CaptureReader;
import dev.silkscreen.decode.DecodedFrame;
import dev.silkscreen.decode.FrameDecoder;
import dev.silkscreen.model.CapturePoint;
import dev.silkscreen.model.Foundation;
import dev.silkscreen.model.Frame;
import dev.silkscreen.model.Instance;
import dev.silkscreen.model.PointKind;
import dev.silkscreen.model.SilkNames;
import dev.silkscreen.sim.Scenarios;
import dev.silkscreen.sim.SimResult;
import dev.silkscreen.sim.Simulator;
import java.io.File;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The flow filters as the real tcpdump reads them: they compile ({@code tcpdump -d -y EN10MB}),
 * and run over the simulator's {@code busy} foundation (20 cells, 300 containers, allowed and
 * denied traffic) at every point they keep exactly the frames of the flow and the ICMP errors sent
 * to its ends, as Silkscreen's own decoder reads the same frames.
 */
class BpfOnTcpdumpTest {
    private static final SimResult BUSY = Simulator.run(Scenarios.named("busy"), 3, 0, null);
    @TempDir
    Path dir;

    @BeforeAll
    static void tcpdump() {
        assumeTrue(tcpdumpPath() != null, "tcpdump not installed (apt-get install tcpdump)");
    }

    private static String tcpdumpPath() {
        for (String d : List.of("/usr/bin", "/usr/sbin", "/bin", "/sbin")) {
            if (new File(d, "tcpdump").canExecute()) {
                return d + "/tcpdump";
            }
        }
        return null;
    }

    private record Run(int exit, String out) {
    }

    private static Run tcpdump(String... args) throws Exception {
        List<String> cmd = new ArrayList<>(List.of(tcpdumpPath()));
        cmd.addAll(List.of(args));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        byte[] out = p.getInputStream().readAllBytes();
        assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
        return new Run(p.exitValue(), new String(out, StandardCharsets.UTF_8));
    }

    private static FlowScope scope(Foundation f, String from, String to) throws ScopeException {
        return FlowScope.resolve(f, FlowEnd.parse("--from", from, false), FlowEnd.parse("--to", to, true), f.cells().size());
    }

    /** The two instances that exchanged the most TCP frames, as "APP/INDEX" and "APP/INDEX:PORT". */
    private static String[] busiestPair() {
        Foundation f = BUSY.foundation();
        FrameDecoder decoder = new FrameDecoder();
        DecodedFrame d = new DecodedFrame();
        Map<String, Integer> count = new HashMap<>();
        for (Frame fr : BUSY.frames()) {
            decoder.decode(fr, d);
            if (d.ipProto == 6 && f.instanceByIp(d.src).isPresent() && f.instanceByIp(d.dst).isPresent() && d.dport < 32768) {
                count.merge(d.src + " " + d.dst + " " + d.dport, 1, Integer::sum);
            }
        }
        String best = count.entrySet().stream().max(Map.Entry.comparingByValue()).orElseThrow().getKey();
        String[] w = best.split(" ");
        Instance a = f.instanceByIp(Integer.parseInt(w[0])).orElseThrow();
        Instance b = f.instanceByIp(Integer.parseInt(w[1])).orElseThrow();
        return new String[] {a.app() + "/" + a.index(), b.app() + "/" + b.index() + ":" + w[2], b.app()};
    }

    @Test
    void everyFilterCompiles() throws Exception {
        String[] pair = busiestPair();
        List<FlowScope> scopes = List.of(scope(BUSY.foundation(), pair[0], pair[1]),
                scope(BUSY.foundation(), pair[0].split("/")[0], pair[2]),
                scope(BUSY.foundation(), BUSY.foundation().instances().get(0).ip(), BUSY.foundation().instances().get(1).ip() + ":53"));
        for (FlowScope s : scopes) {
            for (String filter : List.of(s.overlayFilter(), s.underlayFilter())) {
                Run r = tcpdump("-d", "-y", "EN10MB", filter);
                assertThat(r.exit()).as(filter + "\n" + r.out()).isZero();
                assertThat(r.out()).contains("ret");
            }
        }
    }

    @Test
    void atEveryPointOnlyTheFlowsFramesPassOneInstanceAndPort() throws Exception {
        String[] pair = busiestPair();
        checkEveryPoint(scope(BUSY.foundation(), pair[0], pair[1]));
    }

    @Test
    void atEveryPointOnlyTheFlowsFramesPassEveryInstanceAnyPort() throws Exception {
        String[] pair = busiestPair();
        checkEveryPoint(scope(BUSY.foundation(), pair[0].split("/")[0], pair[2]));
    }

    private void checkEveryPoint(FlowScope s) throws Exception {
        Map<CapturePoint, List<Frame>> byPoint = new LinkedHashMap<>();
        for (Frame f : BUSY.frames()) {
            byPoint.computeIfAbsent(f.point(), p -> new ArrayList<>()).add(f);
        }
        Set<Integer> a = new HashSet<>(s.from().stream().map(FlowScope.Endpoint::ip).toList());
        Set<Integer> b = new HashSet<>(s.to().stream().map(FlowScope.Endpoint::ip).toList());
        int port = s.overlayFilter().contains(" port ") ? Integer.parseInt(s.overlayFilter().replaceAll(".* port (\\d+)\\).*", "$1")) : -1;
        int kept = 0;
        int points = 0;
        FrameDecoder decoder = new FrameDecoder();
        DecodedFrame d = new DecodedFrame();
        for (Map.Entry<CapturePoint, List<Frame>> e : byPoint.entrySet()) {
            boolean nic = e.getKey().kind() == PointKind.UNDERLAY;
            List<Frame> expected = new ArrayList<>();
            for (Frame f : e.getValue()) {
                decoder.decode(f, d);
                if (nic && !(d.encapsulated && d.outerDport == SilkNames.VXLAN_PORT)) {
                    continue;
                }
                boolean pair = a.contains(d.src) && b.contains(d.dst) || b.contains(d.src) && a.contains(d.dst);
                boolean portOk = port < 0 || d.ipProto == 1 || (d.ipProto == 6 || d.ipProto == 17) && (d.sport == port || d.dport == port);
                boolean error = d.ipProto == 1 && (d.icmpType == 3 || d.icmpType == 11) && (a.contains(d.dst) || b.contains(d.dst));
                if (d.ipVersion == 4 && (pair && portOk || error)) {
                    expected.add(f);
                }
            }
            Path in = dir.resolve(e.getKey().cell() + "-" + e.getKey().iface() + ".pcap");
            Path out = dir.resolve(e.getKey().cell() + "-" + e.getKey().iface() + ".kept.pcap");
            writePcap(in, e.getValue());
            Run r = tcpdump("-r", in.toString(), "-w", out.toString(), "--", nic ? s.underlayFilter() : s.overlayFilter());
            assertThat(r.exit()).as(r.out()).isZero();
            List<Frame> passed = CaptureReader.readAll(out, e.getKey());
            assertThat(passed).as(e.getKey() + ": frames tcpdump kept").hasSameSizeAs(expected);
            for (int i = 0; i < expected.size(); i++) {
                assertThat(passed.get(i).data()).as(e.getKey() + " frame " + i).isEqualTo(expected.get(i).data());
            }
            kept += expected.size();
            points++;
        }
        assertThat(kept).as("frames of the flow at " + points + " points").isPositive();
        assertThat(kept).as("the filters drop the rest").isLessThan(BUSY.frames().size() / 10);
    }

    private static void writePcap(Path file, List<Frame> frames) throws IOException {
        int size = 24;
        for (Frame f : frames) {
            size += 16 + f.data().length;
        }
        ByteBuffer b = ByteBuffer.allocate(size).order(ByteOrder.LITTLE_ENDIAN);
        b.putInt(0xa1b23c4d).putShort((short) 2).putShort((short) 4).putInt(0).putInt(0).putInt(65535).putInt(frames.isEmpty() ? 1 : frames.get(0).linkType());
        for (Frame f : frames) {
            b.putInt((int) (f.timeNanos() / 1_000_000_000L)).putInt((int) (f.timeNanos() % 1_000_000_000L))
                    .putInt(f.data().length).putInt(f.origLen()).put(f.data());
        }
        Files.write(file, Arrays.copyOf(b.array(), b.position()));
    }
}
