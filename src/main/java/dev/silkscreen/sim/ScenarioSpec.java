package dev.silkscreen.sim;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import dev.silkscreen.model.Durations;
import java.util.List;

/**
 * A scenario as written in YAML: the foundation (cells, apps, instances, policies), the faults and
 * the traffic. The format is documented with a commented example in
 * {@code assets/scenarios/example.yaml}; the built-in scenarios are YAML resources of this shape.
 */
@JsonIgnoreProperties(ignoreUnknown = false)
public record ScenarioSpec(String name, String description, String duration, List<CellSpec> cells, List<AppSpec> apps,
                           List<InstanceSpec> instances, List<PolicySpec> policies, List<FaultSpec> faults,
                           List<TrafficSpec> traffic, RandomSpec random) {

    /** A duration written in the scenario ({@code 250us}, {@code -2ms}, {@code 5s}), in ns. */
    static long nanos(String text) {
        try {
            return Durations.parseNanos(text);
        } catch (IllegalArgumentException e) {
            throw new ScenarioException(e.getMessage());
        }
    }

    public ScenarioSpec {
        cells = cells == null ? List.of() : List.copyOf(cells);
        apps = apps == null ? List.of() : List.copyOf(apps);
        instances = instances == null ? List.of() : List.copyOf(instances);
        policies = policies == null ? List.of() : List.copyOf(policies);
        faults = faults == null ? List.of() : List.copyOf(faults);
        traffic = traffic == null ? List.of() : List.copyOf(traffic);
    }

    /**
     * A Diego cell. {@code containerMtu} overrides silk-cni's MTU for the container veths (0: the
     * VTEP's MTU, as silk-cni does by default); {@code clockOffset} shifts its capture clock
     * (e.g. {@code 300us}, {@code -2ms}).
     */
    public record CellSpec(String name, String underlayIp, String nic, Integer mtu, String subnet,
                           Integer containerMtu, String clockOffset) {
    }

    /** An app; {@code tag} is allocated in order (1, 2, ...) when left out. */
    public record AppSpec(String name, String guid, Integer tag) {
    }

    /** {@code count} instances of an app on a cell (IPs from the lease, .2 upward). */
    public record InstanceSpec(String app, String cell, Integer count) {
    }

    /** {@code cf add-network-policy FROM --destination-app TO --protocol P --port PORTS} ({@code 8080} or {@code 7000-8000}). */
    public record PolicySpec(String from, String to, String protocol, String ports) {
    }

    /**
     * A fault. Kinds: {@code stale-fdb} (on {@code cell}, the FDB entry for {@code peer}'s VTEP points
     * at {@code underlayIp}), {@code no-route} (on {@code cell}, silk-daemon has not learned
     * {@code peer}'s lease), {@code cell-down} ({@code cell} is unreachable on the underlay),
     * {@code meow} (a network namespace on {@code cell} with only {@code lo}),
     * {@code underlay-mtu} (the underlay path between {@code cell} and {@code peer}, or every other
     * cell, carries IP packets of at most {@code mtu} bytes and drops larger frames without ICMP),
     * {@code vxlan-blocked} (the underlay drops UDP 4789 between {@code cell} and {@code peer}, or
     * every other cell), {@code reply-lost} (on {@code cell}, the FDB entry for {@code peer}'s VTEP
     * points at {@code underlayIp}, by default an address nobody holds: what {@code peer} sends
     * arrives, the replies never do), {@code conntrack-full} ({@code cell}'s conntrack table holds
     * {@code conntrackCount} of {@code conntrackMax} entries, by default 262144 of 262144: new
     * connections are dropped without ICMP), {@code policy-lag} (vxlan-policy-agent on {@code cell}
     * has not applied the policies yet: CF holds them, the cell's {@code vpa--} chain does not).
     */
    public record FaultSpec(String kind, String cell, String peer, String underlayIp, Integer mtu,
                            Long conntrackCount, Long conntrackMax) {
        /** A fault of the kinds that need no size or count. */
        public FaultSpec(String kind, String cell, String peer, String underlayIp) {
            this(kind, cell, peer, underlayIp, null, null, null);
        }
    }

    /**
     * Traffic from an app's instances (or {@code meow}, the namespace of a meow fault) to another
     * app's. {@code protocol} tcp (a connection: handshake, request, response, close), udp (request
     * and reply datagrams) or icmp (echo). Sizes in bytes of application data. {@code df} for udp
     * sets Don't Fragment (default true, as Linux does). {@code count} repeats, {@code every}
     * spaces them ({@code 500ms}), {@code at} is the first one's time after the start.
     */
    public record TrafficSpec(String from, String to, String protocol, Integer port,
                              Integer request, Integer response, Integer count, String every,
                              Integer fromInstance, Integer toInstance, String at, Boolean df) {
    }

    /**
     * A generated foundation ({@code busy}): this many cells, apps and instances, random policies
     * (each a fraction of the app pairs that talk) and conversations.
     */
    public record RandomSpec(int cells, int apps, int instances, int policies, double allowedShare, int conversations) {
    }
}
