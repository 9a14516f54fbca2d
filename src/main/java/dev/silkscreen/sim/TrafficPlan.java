package dev.silkscreen.sim;

import dev.silkscreen.model.Foundation;
import dev.silkscreen.model.Instance;
import dev.silkscreen.model.Ipv4;
import dev.silkscreen.model.Policy;
import dev.silkscreen.model.Stage;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * Turns a scenario's traffic into conversations on the event loop: the listed traffic at its
 * times, and for a generated foundation a steady stream of random conversations (mostly along
 * policies, some without one).
 */
final class TrafficPlan {
    private final Datapath dp;
    private final EventLoop loop;
    private final Foundation f;
    private final BuiltFoundation built;
    private final SplittableRandom rnd;
    private final long start;
    private int conversations;
    private final java.util.Map<String, List<Instance>> instancesByApp = new java.util.HashMap<>();
    private final java.util.Map<String, List<Policy>> policiesFrom = new java.util.HashMap<>();
    private double allowedShare;

    TrafficPlan(Datapath dp, EventLoop loop, BuiltFoundation built, SplittableRandom rnd, long start) {
        this.dp = dp;
        this.loop = loop;
        this.f = built.foundation();
        this.built = built;
        this.rnd = rnd;
        this.start = start;
        for (Instance i : f.instances()) {
            instancesByApp.computeIfAbsent(i.app(), a -> new ArrayList<>()).add(i);
        }
        for (Policy p : f.policies()) {
            policiesFrom.computeIfAbsent(p.srcApp(), a -> new ArrayList<>()).add(p);
        }
    }

    void schedule(ScenarioSpec spec) {
        int j = 0;
        for (ScenarioSpec.TrafficSpec t : spec.traffic()) {
            scheduleListed(t, j++);
        }
        if (spec.random() != null) {
            // as many conversations as asked, spread over the run; left out: 5000/s, and never more
            // than ScenarioLimits.MAX_CONVERSATIONS in all however long the run
            long span = loop.end() - start;
            long gap = spec.random().conversations() > 0
                    ? Math.max(1_000L, span / spec.random().conversations())
                    : Math.max(200_000L, span / ScenarioLimits.MAX_CONVERSATIONS);
            allowedShare = spec.random().allowedShare() > 0 ? spec.random().allowedShare() : 0.85;
            loop.at(start + 1_000_000L, () -> randomConversation(gap));
        }
    }

    private void scheduleListed(ScenarioSpec.TrafficSpec t, int j) {
        String proto = t.protocol() == null ? "tcp" : t.protocol().toLowerCase(Locale.ROOT);
        if (!proto.equals("tcp") && !proto.equals("udp") && !proto.equals("icmp")) {
            throw new ScenarioException("traffic protocol must be tcp, udp or icmp, not " + t.protocol());
        }
        int count = t.count() == null ? 1 : t.count();
        long every = t.every() == null ? 1_000_000_000L : ScenarioSpec.nanos(t.every());
        long at = start + (t.at() == null ? 1_000_000L + j * 250_000_000L : ScenarioSpec.nanos(t.at()));
        List<Instance> servers = instancesOf(t.to(), "to");
        if ("meow".equals(t.from())) {
            String cell = built.meowCells().stream().findFirst()
                    .orElseThrow(() -> new ScenarioException("traffic from meow needs a meow fault"));
            for (int r = 0; r < count; r++) {
                Instance server = servers.get(r % servers.size());
                int seq = r + 1;
                loop.at(at + r * every, () -> meow(cell, server, seq));
            }
            return;
        }
        List<Instance> clients = instancesOf(t.from(), "from");
        int port = t.port() != null ? t.port() : proto.equals("udp") ? 8053 : 8080;
        int echoId = rnd.nextInt(65536);
        for (int r = 0; r < count; r++) {
            Instance client = clients.get(t.fromInstance() != null ? t.fromInstance() % clients.size() : r % clients.size());
            Instance server = servers.get(t.toInstance() != null ? t.toInstance() % servers.size() : r % servers.size());
            if (client == server) {
                continue; // a container calling its own address goes over its lo: nothing leaves it
            }
            long when = at + r * every;
            int n = r + 1;
            switch (proto) {
                case "tcp" -> new TcpConversation(dp, loop, start, rnd, client, server, port,
                        t.request() == null ? 180 : t.request(), t.response() == null ? 4000 : t.response(), n).start(when);
                case "udp" -> {
                    int[] sizes = udpSizes(t, built, client, server);
                    boolean df = t.df() == null || t.df();
                    new UdpExchange(dp, loop, rnd, client, server, port, sizes[0], sizes[1], df).start(when);
                }
                default -> new PingExchange(dp, loop, rnd, client, server, echoId, n).start(when);
            }
        }
    }

    /**
     * The listed traffic checked against the foundation it will run on, so that a scenario file is
     * refused when it is read, never in the middle of a run: apps that exist and have instances, a
     * meow fault for traffic from meow, UDP sizes that fit one datagram.
     */
    static void check(ScenarioSpec spec, BuiltFoundation built) {
        Foundation f = built.foundation();
        for (ScenarioSpec.TrafficSpec t : spec.traffic()) {
            String proto = t.protocol() == null ? "tcp" : t.protocol().toLowerCase(Locale.ROOT);
            List<Instance> servers = instancesOf(f, t.to(), "to");
            if ("meow".equals(t.from())) {
                if (built.meowCells().isEmpty()) {
                    throw new ScenarioException("traffic from meow needs a meow fault");
                }
                continue;
            }
            List<Instance> clients = instancesOf(f, t.from(), "from");
            if (proto.equals("udp")) {
                for (Instance client : onePerCell(clients)) {
                    for (Instance server : onePerCell(servers)) {
                        udpSizes(t, built, client, server);
                    }
                }
            }
        }
    }

    private static int[] udpSizes(ScenarioSpec.TrafficSpec t, BuiltFoundation built, Instance client, Instance server) {
        int req = t.request() == null ? 120 : t.request();
        int resp = t.response() == null ? 240 : t.response();
        int clientMtu = built.containerMtu().get(client.cell());
        int serverMtu = built.containerMtu().get(server.cell());
        int max = clientMtu - 28;
        if (resp > serverMtu - 28 || req > max) {
            throw new ScenarioException("udp sizes must fit one datagram within the container MTU (request ≤ " + max + " bytes)");
        }
        boolean df = t.df() == null || t.df();
        int vtepMax = Math.min(overlayMtu(built, client.cell()), overlayMtu(built, server.cell())) - 28;
        if (!df && (req > vtepMax || resp > vtepMax)) {
            throw new ScenarioException("udp without df larger than silk-vtep's MTU (" + vtepMax
                    + " bytes of data) would be fragmented, which the simulator does not do; send it with df: true");
        }
        return new int[] {req, resp};
    }

    private static java.util.Collection<Instance> onePerCell(List<Instance> instances) {
        java.util.Map<String, Instance> byCell = new java.util.LinkedHashMap<>();
        for (Instance i : instances) {
            byCell.putIfAbsent(i.cell(), i);
        }
        return byCell.values();
    }

    private static int overlayMtu(BuiltFoundation built, String cell) {
        return built.foundation().cells().stream().filter(c -> c.name().equals(cell)).findFirst().orElseThrow().overlayMtu();
    }

    private List<Instance> instancesOf(String app, String what) {
        return instancesOf(f, app, what);
    }

    private static List<Instance> instancesOf(Foundation f, String app, String what) {
        if (app == null) {
            throw new ScenarioException("traffic needs \"" + what + "\": an app name");
        }
        List<Instance> list = f.instances().stream().filter(i -> i.app().equals(app)).toList();
        if (list.isEmpty()) {
            throw new ScenarioException("traffic " + what + " " + app + ": no such app or it has no instances");
        }
        return list;
    }

    /** A process in a namespace with only lo tries to reach a container: connect() fails, nothing leaves. */
    private void meow(String cell, Instance server, int seq) {
        long t = loop.now();
        byte[] d = PingExchange.data(t);
        byte[] ip = Wire.icmp(0, server.ipInt(), 0, 0, true, Datapath.TTL, 8, 0, (0x6d65 << 16) | seq, d, d.length);
        Trip trip = new Trip(ip, t, cell);
        trip.drop(Stage.VETH_OUT, cell, "network namespace meow on " + cell + " has only lo, and it is down: sending to "
                + Ipv4.format(server.ipInt()) + " fails with \"Network is unreachable\"; nothing leaves the namespace");
        dp.neverLeft(trip);
    }

    private void randomConversation(long meanGap) {
        long t = loop.now();
        conversations++;
        List<Instance> all = f.instances();
        Instance client = all.get(rnd.nextInt(all.size()));
        List<Policy> out = policiesFrom.getOrDefault(client.app(), List.of());
        String proto;
        int port;
        Instance server;
        Policy p = !out.isEmpty() && rnd.nextDouble() < allowedShare ? out.get(rnd.nextInt(out.size())) : null;
        List<Instance> dsts = p == null ? List.of() : instancesByApp.getOrDefault(p.dstApp(), List.of());
        if (!dsts.isEmpty()) {
            server = dsts.get(rnd.nextInt(dsts.size()));
            proto = p.protocol();
            port = p.portStart(); // the app listens on the first port of the range
        } else {
            server = all.get(rnd.nextInt(all.size()));
            proto = rnd.nextInt(10) < 8 ? "tcp" : "udp";
            port = proto.equals("tcp") ? 8080 : 8053;
        }
        if (server != client) {
            switch (proto) {
                case "udp" -> new UdpExchange(dp, loop, rnd, client, server, port, 60 + rnd.nextInt(400),
                        60 + rnd.nextInt(1000), true).start(t);
                case "icmp" -> new PingExchange(dp, loop, rnd, client, server, rnd.nextInt(65536), 1).start(t);
                default -> {
                    int resp = (int) Math.exp(Math.log(200) + rnd.nextDouble() * (Math.log(60_000) - Math.log(200)));
                    new TcpConversation(dp, loop, start, rnd, client, server, port, 120 + rnd.nextInt(700), resp, conversations).start(t);
                }
            }
        }
        long gap = (long) (-Math.log(1 - rnd.nextDouble()) * meanGap) + 1;
        loop.at(t + gap, () -> randomConversation(meanGap));
    }

    /** Random foundation of the given size (cells, apps, instances, policies) for {@code random:} scenarios. */
    static ScenarioSpec expand(ScenarioSpec spec, long seed) {
        ScenarioLimits.check(spec);
        ScenarioSpec.RandomSpec r = spec.random();
        if (r == null) {
            ScenarioLimits.checkExpanded(spec);
            return spec;
        }
        SplittableRandom g = new SplittableRandom(seed ^ 0xB05_1L);
        List<ScenarioSpec.CellSpec> cells = new ArrayList<>(spec.cells());
        for (int i = 1; i <= r.cells(); i++) {
            cells.add(new ScenarioSpec.CellSpec("cell" + i, null, null, null, null, null, null));
        }
        List<ScenarioSpec.AppSpec> apps = new ArrayList<>(spec.apps());
        for (int i = 1; i <= r.apps(); i++) {
            apps.add(new ScenarioSpec.AppSpec(String.format(Locale.ROOT, "app-%03d", i), null, null));
        }
        List<ScenarioSpec.InstanceSpec> instances = new ArrayList<>(spec.instances());
        for (int i = 0; i < r.instances(); i++) {
            String app = apps.get(i < apps.size() ? i : g.nextInt(apps.size())).name();
            instances.add(new ScenarioSpec.InstanceSpec(app, cells.get(g.nextInt(cells.size())).name(), 1));
        }
        List<ScenarioSpec.PolicySpec> policies = new ArrayList<>(spec.policies());
        for (int i = 0; i < r.policies(); i++) {
            String from = apps.get(g.nextInt(apps.size())).name();
            String to = apps.get(g.nextInt(apps.size())).name();
            int kind = g.nextInt(10);
            if (kind < 7) {
                policies.add(new ScenarioSpec.PolicySpec(from, to, "tcp", "8080"));
            } else if (kind < 9) {
                policies.add(new ScenarioSpec.PolicySpec(from, to, "tcp", "8080-8090"));
            } else {
                policies.add(new ScenarioSpec.PolicySpec(from, to, "udp", "8053"));
            }
        }
        ScenarioSpec expanded = new ScenarioSpec(spec.name(), spec.description(), spec.duration(), cells, apps, instances,
                policies, spec.faults(), spec.traffic(), r);
        ScenarioLimits.checkExpanded(expanded);
        return expanded;
    }
}
