package dev.silkscreen.ui.inspector;

import dev.silkscreen.model.App;
import dev.silkscreen.model.Foundation;
import dev.silkscreen.model.Instance;
import dev.silkscreen.model.Policy;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * A cell's c2c iptables rules in {@code iptables -S} form: the ones the foundation carries when
 * known (captured or simulated), otherwise the rules vxlan-policy-agent writes for the
 * foundation's policies (SILK.md "Policy"), marked as derived.
 */
public final class RuleBook {
    /** Fixed chain suffix for derived rules (the agent uses a µs timestamp). */
    static final String DERIVED_CHAIN = "vpa--derived";

    private RuleBook() {
    }

    /** Rules of {@code cell} and whether they were derived rather than recorded. */
    public record Rules(List<String> lines, boolean derived) {
    }

    public static Rules of(Foundation f, String cell) {
        List<String> known = f.rules().get(cell);
        if (known != null && !known.isEmpty()) {
            return new Rules(known, false);
        }
        return new Rules(derive(f, cell), true);
    }

    static List<String> derive(Foundation f, String cell) {
        List<String> out = new ArrayList<>();
        out.add("-A FORWARD -j " + DERIVED_CHAIN);
        List<Instance> here = f.instances().stream().filter(i -> i.cell().equals(cell)).toList();
        for (Instance i : here) {
            f.app(i.app()).ifPresent(a -> out.add("-A " + DERIVED_CHAIN + " -s " + i.ip()
                    + "/32 -m comment --comment \"src:" + a.guid() + "\" -j MARK --set-xmark 0x"
                    + Integer.toHexString(a.tag()) + "/0xffffffff"));
        }
        for (Instance i : here) {
            for (Policy p : f.policies()) {
                if (!p.dstApp().equals(i.app())) {
                    continue;
                }
                Optional<App> src = f.app(p.srcApp());
                if (src.isEmpty()) {
                    continue;
                }
                String proto = p.protocol().toLowerCase(Locale.ROOT);
                String ports = "icmp".equals(proto) ? "" : " -m " + proto + " --dport "
                        + (p.portStart() == p.portEnd() ? p.portStart() : p.portStart() + ":" + p.portEnd());
                out.add("-A " + DERIVED_CHAIN + " -d " + i.ip() + "/32 -p " + proto + ports + " -m mark --mark 0x"
                        + Integer.toHexString(src.get().tag()) + " -m comment --comment \"src:" + src.get().guid()
                        + "_dst:" + f.app(i.app()).map(App::guid).orElse("?") + "\" -j ACCEPT");
            }
        }
        for (Instance i : here) {
            String chain = "overlay--" + i.handle();
            out.add("-A FORWARD -j " + chain);
            out.add("-A " + chain + " -s " + i.ip() + "/32 -o silk-vtep -m mark ! --mark 0x0 -j ACCEPT");
            out.add("-A " + chain + " -d " + i.ip() + "/32 -m state --state RELATED,ESTABLISHED -j ACCEPT");
            out.add("-A " + chain + " -d " + i.ip() + "/32 -m mark --mark 0xffff0000 -j ACCEPT");
            out.add("-A " + chain + " -d " + i.ip() + "/32 -m limit --limit 5/sec -j LOG --log-prefix \"DENY_C2C_"
                    + i.handle().substring(0, Math.min(19, i.handle().length())) + " \"");
            out.add("-A " + chain + " -d " + i.ip() + "/32 -j REJECT --reject-with icmp-port-unreachable");
        }
        return out;
    }
}
