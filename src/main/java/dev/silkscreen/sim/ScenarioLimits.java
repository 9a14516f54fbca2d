package dev.silkscreen.sim;

import dev.silkscreen.model.CellNames;
import java.util.Locale;

/**
 * What a scenario may ask for, checked before anything is allocated or scheduled: a few lines of
 * YAML must not be able to ask for a billion cells or a 2 GB request. The limits are documented
 * in {@code assets/scenarios/example.yaml}; each is far above what the built-in scenarios use
 * ({@code busy}: 20 cells, 100 apps, 300 instances, 150 policies, 400 conversations).
 */
public final class ScenarioLimits {
    /** Leases of 10.255.0.0/16 silk-controller hands out when a cell gives no subnet: .1.0 to .254.0. */
    public static final int MAX_CELLS = 254;
    public static final int MAX_APPS = 5_000;
    public static final int MAX_INSTANCES = 10_000;
    public static final int MAX_POLICIES = 10_000;
    /** {@code random.conversations}: conversations spread over the run. */
    public static final int MAX_CONVERSATIONS = 1_000_000;
    /** Repetitions of all listed traffic together ({@code count} added up). */
    public static final int MAX_TRAFFIC = 100_000;
    /** Application bytes of one TCP request or response: 16 MiB. */
    public static final int MAX_DATA = 16 << 20;
    /** Application bytes of all listed traffic together (count × (request + response), added up): 1 GiB. */
    public static final long MAX_TOTAL_DATA = 1L << 30;
    /**
     * Policies times the instances of their destination app: each such pair is two iptables rules
     * on the destination's cell, so one app with 10 000 instances and 10 000 policies to it would
     * be 200 million rules.
     */
    public static final long MAX_POLICY_RULES = 100_000;
    /** A scenario's {@code duration} (and {@code simulate --duration}). */
    public static final long MAX_DURATION_NANOS = 3_600_000_000_000L;

    private ScenarioLimits() {
    }

    /** Throws {@link ScenarioException} for the first value out of bounds. */
    static void check(ScenarioSpec s) {
        if (s.duration() != null) {
            checkDuration("duration", ScenarioSpec.nanos(s.duration()));
        }
        int cells = s.cells().size();
        int apps = s.apps().size();
        long instances = 0;
        for (ScenarioSpec.InstanceSpec i : s.instances()) {
            int count = i.count() == null ? 1 : i.count();
            require(count >= 0, "instances of " + i.app() + ": count " + count + " is negative");
            instances += count;
        }
        int policies = s.policies().size();
        ScenarioSpec.RandomSpec r = s.random();
        if (r != null) {
            nonNegative("random.cells", r.cells());
            nonNegative("random.apps", r.apps());
            nonNegative("random.instances", r.instances());
            nonNegative("random.policies", r.policies());
            nonNegative("random.conversations", r.conversations());
            require(r.conversations() <= MAX_CONVERSATIONS, "random.conversations: at most " + MAX_CONVERSATIONS);
            require(r.allowedShare() >= 0 && r.allowedShare() <= 1, "random.allowedShare: between 0 and 1, not " + r.allowedShare());
            cells += r.cells();
            apps += r.apps();
            instances += r.instances();
            policies += r.policies();
        }
        require(cells <= MAX_CELLS, "at most " + MAX_CELLS + " cells (the /24 leases of 10.255.0.0/16), not " + cells);
        require(apps <= MAX_APPS, "at most " + MAX_APPS + " apps, not " + apps);
        require(instances <= MAX_INSTANCES, "at most " + MAX_INSTANCES + " instances, not " + instances);
        require(policies <= MAX_POLICIES, "at most " + MAX_POLICIES + " policies, not " + policies);
        if (r != null) {
            require(cells >= 1, "random: needs at least one cell");
            require(apps >= 1, "random: needs at least one app");
            require(instances >= 1, "random: needs at least one instance (random traffic runs between instances)");
        }
        for (ScenarioSpec.CellSpec c : s.cells()) {
            String problem = CellNames.problem(c.name());
            require(problem == null, problem);
            if (c.containerMtu() != null && c.containerMtu() != 0) {
                require(c.containerMtu() >= 576 && c.containerMtu() <= 9000, "cell " + c.name() + ": containerMtu "
                        + c.containerMtu() + " is not between 576 and 9000 (0: silk-vtep's)");
            }
            if (c.clockOffset() != null) {
                ScenarioSpec.nanos(c.clockOffset());
            }
        }
        long repetitions = 0;
        long totalData = 0;
        int n = 0;
        for (ScenarioSpec.TrafficSpec t : s.traffic()) {
            n++;
            String where = "traffic " + n + " (" + t.from() + " -> " + t.to() + ")";
            int count = t.count() == null ? 1 : t.count();
            require(count >= 0, where + ": count " + count + " is negative");
            repetitions += count;
            require(repetitions <= MAX_TRAFFIC, "traffic: at most " + MAX_TRAFFIC + " repetitions in all (count added up)");
            if (t.port() != null) {
                require(t.port() >= 1 && t.port() <= 65535, where + ": port " + t.port() + " is not 1-65535");
            }
            if (t.request() != null) {
                require(t.request() >= 0 && t.request() <= MAX_DATA, where + ": request " + t.request()
                        + " bytes is not 0-" + MAX_DATA);
            }
            if (t.response() != null) {
                require(t.response() >= 0 && t.response() <= MAX_DATA, where + ": response " + t.response()
                        + " bytes is not 0-" + MAX_DATA);
            }
            if (t.fromInstance() != null) {
                require(t.fromInstance() >= 0, where + ": fromInstance " + t.fromInstance() + " is negative");
            }
            if (t.toInstance() != null) {
                require(t.toInstance() >= 0, where + ": toInstance " + t.toInstance() + " is negative");
            }
            if (t.every() != null) {
                require(ScenarioSpec.nanos(t.every()) >= 0, where + ": every " + t.every() + " is negative");
            }
            if (t.at() != null) {
                require(ScenarioSpec.nanos(t.at()) >= 0, where + ": at " + t.at() + " is negative");
            }
            String proto = t.protocol() == null ? "tcp" : t.protocol().toLowerCase(Locale.ROOT);
            long bytes = (long) (t.request() == null ? 180 : t.request()) + (t.response() == null ? 4000 : t.response());
            totalData += count * bytes;
            require(totalData <= MAX_TOTAL_DATA, "traffic: at most 1 GiB of requests and responses in all (count × sizes added up)");
            require(proto.equals("tcp") || proto.equals("udp") || proto.equals("icmp"),
                    where + ": protocol must be tcp, udp or icmp, not " + t.protocol());
        }
    }

    /** The foundation once generated (random parts added): the policy rules it would need. */
    static void checkExpanded(ScenarioSpec s) {
        java.util.Map<String, Long> instancesOf = new java.util.HashMap<>();
        for (ScenarioSpec.InstanceSpec i : s.instances()) {
            instancesOf.merge(String.valueOf(i.app()), (long) (i.count() == null ? 1 : i.count()), Long::sum);
        }
        long pairs = 0;
        for (ScenarioSpec.PolicySpec p : s.policies()) {
            pairs += instancesOf.getOrDefault(String.valueOf(p.to()), 0L);
        }
        require(pairs <= MAX_POLICY_RULES, "policies times the instances of their destination apps: at most "
                + MAX_POLICY_RULES + ", not " + pairs + " (each is two iptables rules)");
    }

    /** A run's length: more than zero, at most {@link #MAX_DURATION_NANOS}. */
    public static void checkDuration(String what, long nanos) {
        require(nanos > 0, what + " must be longer than zero");
        require(nanos <= MAX_DURATION_NANOS, what + ": at most 1h of simulated time");
    }

    private static void nonNegative(String what, int v) {
        require(v >= 0, what + ": " + v + " is negative");
    }

    private static void require(boolean ok, String message) {
        if (!ok) {
            throw new ScenarioException(message);
        }
    }
}
