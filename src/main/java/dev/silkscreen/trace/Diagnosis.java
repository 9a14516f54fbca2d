package dev.silkscreen.trace;

import dev.silkscreen.decode.DecodedFrame;
import dev.silkscreen.decode.FrameDecoder;
import dev.silkscreen.model.CaptureSink;
import dev.silkscreen.model.ForwardingCaptureSink;
import dev.silkscreen.model.CapturePoint;
import dev.silkscreen.model.App;
import dev.silkscreen.model.Cell;
import dev.silkscreen.model.ConntrackUse;
import dev.silkscreen.model.Foundation;
import dev.silkscreen.model.Frame;
import dev.silkscreen.model.FrameSource;
import dev.silkscreen.model.Hop;
import dev.silkscreen.model.Ipv4;
import dev.silkscreen.model.FilterTable;
import dev.silkscreen.model.Journey;
import dev.silkscreen.model.PointKind;
import dev.silkscreen.model.Policy;
import dev.silkscreen.model.Stage;
import dev.silkscreen.model.Verdict;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What a whole trace says that no single packet does: the faults operators hit, named in a
 * sentence they can act on. It reads every decided journey (and connection) and, at the end,
 * the foundation traced against:
 * <ul>
 * <li>underlay MTU blackhole: between two cells, every frame from some size up left one cell's NIC
 *     and never reached the other's, while every smaller one did;</li>
 * <li>VXLAN blocked: no VXLAN from one cell reached the other, though the other cell's NIC was
 *     captured and busy (so it is up);</li>
 * <li>allowed but never established: the SYN was delivered, the SYN-ACK never got back;</li>
 * <li>conntrack full: packets of new connections vanished on a cell after silk-vtep with no
 *     ICMP, and the cell's conntrack table (as discovered) is full;</li>
 * <li>policy not applied yet: packets were rejected at step 10 on a cell whose rules admit them
 *     not, though the policies CF holds ({@link #cfPolicies}) do.</li>
 * </ul>
 */
public final class Diagnosis {
    /**
     * One finding.
     *
     * @param kind  {@code underlay-mtu}, {@code vxlan-blocked}, {@code underlay-silent}, {@code reply-lost},
     *              {@code conntrack-full}, {@code policy-lag}
     * @param cells the cells it is about
     * @param text  the sentence
     */
    public record Finding(String kind, List<String> cells, String text) {
    }

    /** VXLAN that left {@code from}'s NIC for one underlay address. */
    private static final class Pair {
        final String from;
        final int outerDst;
        long left;
        long arrived;
        long lost;
        int maxArrived;
        int minLost = Integer.MAX_VALUE;

        Pair(String from, int outerDst) {
            this.from = from;
            this.outerDst = outerDst;
        }
    }

    /** Packets that vanished on a cell with no ICMP, at step 10 (after silk-vtep) or 4 (leaving its own containers). */
    private static final class Vanished {
        long count;
        long newConnections;
    }

    private record Unestablished(String clientCell, String serverCell, String srcApp, String dstApp, String dst, int dport) {
    }

    private final Map<String, Pair> pairs = new LinkedHashMap<>();
    private final Map<String, Vanished> vanished = new LinkedHashMap<>();
    private final Map<Unestablished, List<String>> unestablished = new LinkedHashMap<>();
    private final Map<CapturePoint, long[]> framesAt = new HashMap<>();
    private final Map<Rejected, long[]> rejected = new LinkedHashMap<>();
    private List<Policy> cfPolicies;

    /** A packet rejected by policy at step 10: on which cell, with which tag, to what. */
    private record Rejected(String cell, int tag, String srcApp, String dstApp, String dst, String proto, int dport) {
    }
    private final FrameDecoder decoder = new FrameDecoder();
    private final DecodedFrame scratch = new DecodedFrame();

    /** The same source, counting the frames each point captured (a cell whose NIC saw frames is up). */
    public FrameSource watch(FrameSource source) {
        return new FrameSource() {
            @Override
            public String describe() {
                return source.describe();
            }

            @Override
            public void run(CaptureSink sink) throws IOException, InterruptedException {
                source.run(new ForwardingCaptureSink(sink) {
                    @Override
                    public void accept(Frame frame) {
                        framesAt.computeIfAbsent(frame.point(), p -> new long[1])[0]++;
                        next.accept(frame);
                    }
                });
            }
        };
    }

    /**
     * The policies Cloud Foundry holds ({@code cf curl /networking/v1/external/policies}), with
     * {@code srcApp} and {@code dstApp} the apps' GUIDs (policy group ids) or names: packets
     * rejected by a cell that such a policy admits are a policy not applied there yet.
     */
    public void cfPolicies(List<Policy> policies) {
        this.cfPolicies = List.copyOf(policies);
    }

    /** Takes one decided journey. */
    public void add(Journey j) {
        if (j.verdict() == Verdict.DROPPED && j.dropStage() == Stage.POLICY.number() && j.dropCell() != null
                && j.reason() != null && j.reason().startsWith("rejected by policy") && rejected.size() < 10_000) {
            rejected.computeIfAbsent(new Rejected(j.dropCell(), j.tag(), j.srcApp(), j.dstApp(), j.flow().dst(), j.flow().proto(),
                    j.flow().dport()), k -> new long[1])[0]++;
        }
        Hop leaving = null;
        boolean arrived = false;
        for (Hop h : j.hops()) {
            if (h.stage() == Stage.LEAVE_CELL.number() && h.point().kind() == PointKind.UNDERLAY && leaving == null) {
                leaving = h;
            }
        }
        if (leaving != null) {
            for (Hop h : j.hops()) {
                if (h.stage() >= Stage.ARRIVE_CELL.number() && !h.point().cell().equals(leaving.point().cell())) {
                    arrived = true;
                    break;
                }
            }
            if (leaving.frame() != null) {
                DecodedFrame d = decoder.decode(leaving.frame(), scratch);
                if (d.encapsulated) {
                    String from = leaving.point().cell();
                    Pair p = pairs.computeIfAbsent(from + ">" + d.outerDst, k -> new Pair(from, d.outerDst));
                    int size = leaving.frame().origLen();
                    p.left++;
                    if (arrived) {
                        p.arrived++;
                        p.maxArrived = Math.max(p.maxArrived, size);
                    } else if (j.verdict() == Verdict.DROPPED && j.dropStage() == Stage.UNDERLAY.number()) {
                        p.lost++;
                        p.minLost = Math.min(p.minLost, size);
                    }
                }
            }
        }
        boolean silent = j.verdict() == Verdict.DROPPED && j.dropCell() != null && j.reason() != null
                && !j.reason().startsWith("rejected")
                && (j.dropStage() == Stage.POLICY.number() || j.dropStage() == Stage.TO_VTEP.number());
        if (silent) {
            Vanished v = vanished.computeIfAbsent(j.dropCell(), c -> new Vanished());
            v.count++;
            if (j.summary().equals("TCP SYN") || !j.flow().proto().equals("tcp")) {
                v.newConnections++;
            }
        }
    }

    /** Takes one connection (for "allowed but never established"). */
    public void add(Connections.Connection c) {
        if (c.verdict() == Connections.Verdict.NEVER_ESTABLISHED && c.detail().startsWith("SYN delivered")
                && c.detail().contains("SYN-ACK ")) {
            Unestablished u = new Unestablished(c.clientCell(), c.serverCell(), c.srcApp(), c.dstApp(), c.flow().dst(), c.flow().dport());
            List<String> details = unestablished.computeIfAbsent(u, k -> new ArrayList<>());
            if (details.size() < 1000) {
                details.add(c.detail());
            }
        }
    }

    /** The findings, against the foundation traced (the topology given, or the one learned from the frames). */
    public List<Finding> findings(Foundation f) {
        List<Finding> out = new ArrayList<>();
        underlay(f, out);
        replies(out);
        conntrack(f, out);
        policyLag(f, out);
        return out;
    }

    private void underlay(Foundation f, List<Finding> out) {
        List<String> done = new ArrayList<>();
        for (Pair p : pairs.values()) {
            String to = cellAt(f, p.outerDst).orElse(null);
            if (to == null) {
                if (p.arrived == 0 && p.lost > 0 && p.lost == p.left) {
                    String ip = Ipv4.format(p.outerDst);
                    out.add(new Finding("underlay-silent", List.of(p.from), "no VXLAN from " + p.from + " reached " + ip
                            + " (0 of " + p.left + ") and no captured cell has that address: is that cell down, or is UDP 4789"
                            + " between the cells blocked?"));
                }
                continue;
            }
            if (p.from.equals(to)) {
                continue;
            }
            if (p.arrived == 0 && p.lost > 0 && p.lost == p.left) {
                if (done.contains(to + ">" + p.from)) {
                    continue;
                }
                Pair back = backOf(f, p);
                boolean backBlocked = back != null && back.arrived == 0 && back.lost > 0 && back.lost == back.left;
                if (backBlocked) {
                    done.add(p.from + ">" + to);
                    out.add(new Finding("vxlan-blocked", List.of(p.from, to), "no VXLAN from " + p.from + " reached " + to
                            + " (0 of " + p.left + ") and none from " + to + " reached " + p.from + " (0 of " + back.left
                            + "); UDP 4789 between the cells is blocked"));
                } else if (nicFrames(f, to) > 0) {
                    out.add(new Finding("vxlan-blocked", List.of(p.from, to), "no VXLAN from " + p.from + " reached " + to
                            + " (0 of " + p.left + "); UDP 4789 between the cells is blocked"));
                } else {
                    out.add(new Finding("underlay-silent", List.of(p.from, to), "no VXLAN from " + p.from + " reached " + to
                            + " (0 of " + p.left + ") and " + to + "'s NIC saw no frame at all: is " + to
                            + " down, or is UDP 4789 between the cells blocked?"));
                }
            } else if (p.arrived > 0 && p.lost > 0 && p.minLost > p.maxArrived) {
                int mtu = f.cell(p.from).map(Cell::underlayMtu).orElse(1500);
                out.add(new Finding("underlay-mtu", List.of(p.from, to), "frames of " + p.minLost + " B and more leave "
                        + p.from + " and never reach " + to + "; smaller ones do: the underlay path MTU is below the NICs' " + mtu
                        + " (" + p.lost + " lost, the largest that arrived had " + p.maxArrived + " B)"));
            }
        }
    }

    private Pair backOf(Foundation f, Pair p) {
        int fromIp = f.cell(p.from).map(c -> Ipv4.parse(c.underlayIp())).orElse(0);
        for (Pair q : pairs.values()) {
            if (q.outerDst == fromIp && cellAt(f, p.outerDst).map(q.from::equals).orElse(false)) {
                return q;
            }
        }
        return null;
    }

    private void replies(List<Finding> out) {
        for (Map.Entry<Unestablished, List<String>> e : unestablished.entrySet()) {
            Unestablished u = e.getKey();
            List<String> details = e.getValue();
            String detail = details.get(details.size() - 1);
            String synAck = detail.substring(detail.indexOf("SYN-ACK ") + "SYN-ACK ".length());
            String client = u.clientCell() != null ? u.clientCell() : "the client's cell";
            String server = u.serverCell() != null ? u.serverCell() : "the server's cell";
            String who = (u.srcApp() != null ? u.srcApp() : "the client") + " → " + (u.dstApp() != null ? u.dstApp() : u.dst())
                    + " tcp " + u.dport();
            out.add(new Finding("reply-lost", u.serverCell() != null && u.clientCell() != null ? List.of(u.serverCell(), u.clientCell()) : List.of(),
                    "allowed but never established: " + who + " (" + details.size() + (details.size() == 1 ? " connection" : " connections")
                            + "): the SYN was delivered, the SYN-ACK never reached " + client + " (" + synAck + "); replies from "
                            + server + " to " + client + " are lost: check " + server + "'s way back (bridge fdb show dev silk-vtep, ip neigh show dev silk-vtep)"));
        }
    }

    private void conntrack(Foundation f, List<Finding> out) {
        for (Map.Entry<String, Vanished> e : vanished.entrySet()) {
            ConntrackUse ct = f.tablesOf(e.getKey()).conntrack();
            if (ct == null || !ct.full() || e.getValue().newConnections == 0) {
                continue;
            }
            String cell = e.getKey();
            out.add(new Finding("conntrack-full", List.of(cell), "conntrack table full on " + cell + ": nf_conntrack_count "
                    + ct.count() + " of nf_conntrack_max " + ct.max() + "; " + e.getValue().newConnections
                    + " packets of new connections vanished on " + cell + " with no ICMP (the kernel logs \"nf_conntrack: table full,"
                    + " dropping packet\"): raise net.netfilter.nf_conntrack_max or find what fills the table (conntrack -C)"));
        }
    }

    private void policyLag(Foundation f, List<Finding> out) {
        if (cfPolicies == null) {
            return;
        }
        Map<String, FilterTable> tables = new HashMap<>();
        List<String> told = new ArrayList<>();
        for (Map.Entry<Rejected, long[]> e : rejected.entrySet()) {
            Rejected r = e.getKey();
            Optional<App> src = r.tag() >= 0 ? f.appByTag(r.tag()) : Optional.empty();
            String srcName = src.map(App::name).orElse(r.srcApp());
            String dstName = r.dstApp();
            if (srcName == null || dstName == null) {
                continue;
            }
            Optional<Policy> held = cfPolicies.stream().filter(p -> names(f, p.srcApp(), srcName) && names(f, p.dstApp(), dstName)
                    && p.admits(r.proto(), r.dport())).findFirst();
            if (held.isEmpty()) {
                continue;
            }
            List<String> lines = f.rules().get(r.cell());
            FilterTable t = lines == null || lines.isEmpty() ? null : tables.computeIfAbsent(r.cell(), c -> FilterTable.parse(lines));
            int dst;
            try {
                dst = Ipv4.parse(r.dst());
            } catch (IllegalArgumentException ex) {
                continue;
            }
            if (t != null && r.tag() >= 0 && t.acceptFor(r.tag(), dst, r.proto(), r.dport()) != null) {
                continue;
            }
            Policy p = held.get();
            String what = srcName + " → " + dstName + " " + p.protocol() + ("icmp".equals(p.protocol()) ? "" : " " + p.portText());
            if (told.contains(r.cell() + " " + what)) {
                continue;
            }
            told.add(r.cell() + " " + what);
            out.add(new Finding("policy-lag", List.of(r.cell()), what + ": the policy exists in CF but not on " + r.cell()
                    + "'s iptables: not applied yet (" + e.getValue()[0] + (e.getValue()[0] == 1 ? " packet" : " packets")
                    + " rejected; vxlan-policy-agent on " + r.cell() + " polls the policy server, every 5 s by default:"
                    + " is it running and reaching it? iptables -S | grep vpa--)"));
        }
    }

    /** True when a policy's app ({@code id}: a GUID or a name) is the app named {@code name}. */
    private static boolean names(Foundation f, String id, String name) {
        return id.equals(name) || f.app(name).map(a -> id.equalsIgnoreCase(a.guid())).orElse(false);
    }

    private long nicFrames(Foundation f, String cell) {
        long n = 0;
        for (Map.Entry<CapturePoint, long[]> e : framesAt.entrySet()) {
            if (e.getKey().cell().equals(cell) && e.getKey().kind() == PointKind.UNDERLAY) {
                n += e.getValue()[0];
            }
        }
        return n;
    }

    private static Optional<String> cellAt(Foundation f, int underlayIp) {
        return f.cellByUnderlayIp(Ipv4.format(underlayIp)).map(Cell::name);
    }
}
