package dev.silkscreen.trace;

import static org.assertj.core.api.Assertions.assertThat;

import dev.silkscreen.model.Flow;
import dev.silkscreen.model.Verdict;
import dev.silkscreen.sim.PacketTruth;
import dev.silkscreen.sim.Scenarios;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Journeys grouped into connections agree with what the simulator's ground truth says of each
 * connection: established or not, stalled, answered or lost; and the sentences say where the
 * missing packet died.
 */
class ConnectionsTest {

    static Stream<String> scenarios() {
        return Scenarios.BUILT_IN.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("scenarios")
    void everyConnectionsVerdictAgreesWithTheGroundTruth(String name) {
        FaultTraces.Run run = FaultTraces.run(name, true);
        Map<String, Connections.Verdict> truth = truthVerdicts(run);
        Map<String, Connections.Verdict> traced = new LinkedHashMap<>();
        for (Connections.Connection c : run.connections()) {
            assertThat(traced.put(ends(c.flow()), c.verdict())).as("one connection per conversation: " + c).isNull();
        }
        assertThat(traced).as(name).isEqualTo(truth);
    }

    @Test
    void theSentencesSayWhereTheMissingPacketDied() {
        assertThat(details("seed")).allMatch(d -> d.endsWith("closed"));
        assertThat(details("no-policy")).contains("SYN rejected by policy on cell2 (step 10)");
        assertThat(details("reply-lost")).containsExactly("SYN delivered (4 SYNs); SYN-ACK dropped at step 6 on cell2");
        assertThat(details("conntrack-full")).containsExactly("SYN dropped at step 10 on cell2 (4 SYNs)");
        assertThat(details("cell-down")).containsExactly("SYN lost on the underlay between cell1 and cell2 (4 SYNs)");
        assertThat(details("underlay-mtu")).containsExactly("180 B up, 900 B down, closed",
                "stalled after 0 B from client to server: the next segment (1398 B) was lost on the underlay between cell1 and cell2, 6 times");
        assertThat(details("vxlan-blocked")).contains("request lost on the underlay between cell2 and cell1");
    }

    @Test
    void bytesCountOnlyWhatArrivedInOrder() {
        Connections.Connection ok = FaultTraces.run("underlay-mtu", true).connections().get(0);
        assertThat(ok.bytesUp()).isEqualTo(180);
        assertThat(ok.bytesDown()).isEqualTo(900);
        assertThat(ok.clientCell()).isEqualTo("cell1");
        assertThat(ok.serverCell()).isEqualTo("cell2");
        assertThat(ok.srcApp()).isEqualTo("AppB");
    }

    @Test
    void aBoundedGroupingGivesOutTheOldestEarlyWithEverythingItHad() {
        FaultTraces.Run run = FaultTraces.run("underlay-mtu", true);
        List<Connections.Connection> out = new ArrayList<>();
        Connections small = new Connections(1, run.sim().foundation(), out::add);
        run.journeys().forEach(small::add);
        small.finish();
        assertThat(out).extracting(Connections.Connection::verdict).containsExactlyElementsOf(
                run.connections().stream().map(Connections.Connection::verdict).toList());
        assertThat(out).extracting(Connections.Connection::packets).containsExactly(10, 13);
    }

    private static List<String> details(String scenario) {
        return FaultTraces.run(scenario, true).connections().stream().map(Connections.Connection::detail).toList();
    }

    private static String ends(Flow f) {
        String a = f.src() + ":" + f.sport();
        String b = f.dst() + ":" + f.dport();
        return f.proto() + " " + (a.compareTo(b) < 0 ? a + " " + b : b + " " + a);
    }

    /** What the truth says of each conversation whose packets were captured somewhere. */
    private static Map<String, Connections.Verdict> truthVerdicts(FaultTraces.Run run) {
        Set<SimTraces.Key> seen = SimTraces.seenKeys(run.sim().frames());
        Map<String, List<PacketTruth>> byEnds = new LinkedHashMap<>();
        Map<String, String> client = new HashMap<>();
        for (PacketTruth t : run.sim().truth()) {
            Flow f = t.flow();
            boolean echo = t.summary().startsWith("ICMP echo");
            if (!seen.contains(SimTraces.keyOf(t)) || (f.proto().equals("icmp") && !echo)) {
                continue;
            }
            String key = ends(f);
            byEnds.computeIfAbsent(key, k -> new ArrayList<>()).add(t);
            client.putIfAbsent(key, f.src() + ":" + f.sport());
        }
        Map<String, Connections.Verdict> out = new LinkedHashMap<>();
        for (Map.Entry<String, List<PacketTruth>> e : byEnds.entrySet()) {
            String c = client.get(e.getKey());
            List<PacketTruth> ps = e.getValue();
            if (ps.get(0).flow().proto().equals("tcp")) {
                boolean established = ps.stream().anyMatch(t -> t.summary().equals("TCP SYN-ACK") && t.verdict() == Verdict.DELIVERED);
                boolean stalled = ps.stream().anyMatch(t -> t.summary().contains("bytes") && ps.stream()
                        .noneMatch(u -> u.seq() == t.seq() && u.flow().equals(t.flow()) && u.verdict() == Verdict.DELIVERED));
                out.put(e.getKey(), !established ? Connections.Verdict.NEVER_ESTABLISHED
                        : stalled ? Connections.Verdict.STALLED : Connections.Verdict.ESTABLISHED);
            } else {
                boolean requestArrived = ps.stream().anyMatch(t -> from(t, c) && t.verdict() == Verdict.DELIVERED);
                boolean replyArrived = ps.stream().anyMatch(t -> !from(t, c) && t.verdict() == Verdict.DELIVERED);
                boolean replySent = ps.stream().anyMatch(t -> !from(t, c));
                out.put(e.getKey(), replyArrived ? Connections.Verdict.ANSWERED
                        : !requestArrived || replySent ? Connections.Verdict.LOST : Connections.Verdict.NO_REPLY);
            }
        }
        return out;
    }

    private static boolean from(PacketTruth t, String client) {
        return (t.flow().src() + ":" + t.flow().sport()).equals(client);
    }
}
