package dev.silkscreen.sim;

import dev.silkscreen.model.App;
import dev.silkscreen.model.Cell;
import dev.silkscreen.model.Foundation;
import dev.silkscreen.model.Instance;
import dev.silkscreen.model.IptablesRule;
import dev.silkscreen.model.Policy;
import dev.silkscreen.model.SilkNames;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The filter-table rules a cell holds for c2c: the {@code vpa--} chain vxlan-policy-agent writes
 * (MARK per local source container; LOG and ACCEPT per policy into a local destination) and the
 * CNI wrapper's {@code overlay--<handle>} chain per container (ending in REJECT), both jumped to
 * from FORWARD, vpa-- first.
 */
public final class PolicyRules {
    /** iptables chain names hold at most 28 characters. */
    static final int CHAIN_MAX = 28;
    /** Log prefixes hold 28 characters, followed by a space. */
    static final int PREFIX_MAX = 28;

    private PolicyRules() {
    }

    static String overlayChain(String handle) {
        return cut("overlay--" + handle, CHAIN_MAX);
    }

    /**
     * The filter table vxlan-policy-agent and the CNI wrapper would write on {@code cell} for the
     * foundation's apps, instances and policies, as {@code iptables-save} prints it; empty for an
     * unknown cell.
     */
    public static List<String> iptablesSave(Foundation f, String cell) {
        return f.cell(cell).map(c -> iptablesSave(forCell(c, f.apps(), f.instances(), f.policies()))).orElse(List.of());
    }

    static List<IptablesRule> forCell(Cell cell, List<App> apps, List<Instance> instances, List<Policy> policies) {
        List<Instance> local = instances.stream().filter(i -> i.cell().equals(cell.name())).toList();
        Map<String, App> byName = new HashMap<>();
        apps.forEach(a -> byName.put(a.name(), a));
        List<IptablesRule> rules = new ArrayList<>();
        String vpa = SilkFoundation.VPA_CHAIN;
        rules.add(IptablesRule.jump("FORWARD", vpa));
        for (Instance i : local) {
            rules.add(IptablesRule.jump("FORWARD", overlayChain(i.handle())));
        }
        for (Instance i : local) {
            App app = byName.get(i.app());
            if (app == null) {
                continue;
            }
            rules.add(IptablesRule.in(vpa).src(i.ip() + "/32").comment("src:" + app.guid())
                    .to("MARK", "--set-xmark " + IptablesRule.hex(app.tag()) + "/0xffffffff"));
        }
        for (Instance dst : local) {
            App dstApp = byName.get(dst.app());
            if (dstApp == null) {
                continue;
            }
            for (Policy p : policies) {
                if (!p.dstApp().equals(dst.app())) {
                    continue;
                }
                App src = byName.get(p.srcApp());
                if (src == null) {
                    continue;
                }
                String proto = p.protocol().toLowerCase(Locale.ROOT);
                IptablesRule.Builder match = IptablesRule.in(vpa).dst(dst.ip() + "/32").proto(proto);
                if (!proto.equals("icmp")) {
                    match.dport(p.portStart(), p.portEnd());
                }
                match.mark(src.tag());
                rules.add(match.ctState("INVALID,NEW,UNTRACKED").to("LOG",
                        "--log-prefix \"" + cut("OK_" + src.tagHex() + "_" + dstApp.guid(), PREFIX_MAX) + " \""));
                rules.add(match.ctState(null).comment("src:" + src.guid() + "_dst:" + dstApp.guid()).to("ACCEPT"));
            }
        }
        for (Instance i : local) {
            String chain = overlayChain(i.handle());
            String c = i.ip() + "/32";
            rules.add(IptablesRule.in(chain).src(c).out(SilkNames.VTEP_IFACE).notMark(0).to("ACCEPT"));
            rules.add(IptablesRule.in(chain).dst(c).state("RELATED,ESTABLISHED").to("ACCEPT"));
            rules.add(IptablesRule.in(chain).dst(c).mark(0xffff0000L).to("ACCEPT"));
            rules.add(IptablesRule.in(chain).dst(c).limit("5/sec").to("LOG",
                    "--log-prefix \"" + cut("DENY_C2C_" + i.handle(), PREFIX_MAX) + " \""));
            rules.add(IptablesRule.in(chain).dst(c).to("REJECT", "--reject-with icmp-port-unreachable"));
        }
        return rules;
    }

    /** The filter table as {@code iptables-save} prints it (chain declarations, rules, COMMIT). */
    static List<String> iptablesSave(List<IptablesRule> rules) {
        List<String> out = new ArrayList<>();
        out.add("*filter");
        out.add(":INPUT ACCEPT [0:0]");
        out.add(":FORWARD ACCEPT [0:0]");
        out.add(":OUTPUT ACCEPT [0:0]");
        Set<String> chains = new LinkedHashSet<>();
        for (IptablesRule r : rules) {
            if (!r.chain().equals("FORWARD")) {
                chains.add(r.chain());
            }
        }
        for (String c : chains) {
            out.add(":" + c + " - [0:0]");
        }
        for (IptablesRule r : rules) {
            out.add(r.render());
        }
        out.add("COMMIT");
        return out;
    }

    private static String cut(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max);
    }
}
