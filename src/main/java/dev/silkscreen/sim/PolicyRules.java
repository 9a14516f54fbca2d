package dev.silkscreen.sim;

import dev.silkscreen.model.App;
import dev.silkscreen.model.Cell;
import dev.silkscreen.model.Instance;
import dev.silkscreen.model.IptablesRule;
import dev.silkscreen.model.Policy;
import dev.silkscreen.model.SilkNames;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The filter-table rules a cell holds for c2c: the {@code vpa--} chain vxlan-policy-agent writes
 * (MARK per local source container; LOG and ACCEPT per policy into a local destination) and the
 * CNI wrapper's {@code overlay--<handle>} chain per container (ending in REJECT), both jumped to
 * from FORWARD, vpa-- first.
 */
final class PolicyRules {
    /** iptables chain names hold at most 28 characters. */
    static final int CHAIN_MAX = 28;
    /** Log prefixes hold 28 characters, followed by a space. */
    static final int PREFIX_MAX = 28;

    private PolicyRules() {
    }

    static String overlayChain(String handle) {
        return cut("overlay--" + handle, CHAIN_MAX);
    }

    static List<IptablesRule> forCell(Cell cell, List<App> apps, List<Instance> instances, List<Policy> policies) {
        List<Instance> local = instances.stream().filter(i -> i.cell().equals(cell.name())).toList();
        List<IptablesRule> rules = new ArrayList<>();
        String vpa = SilkFoundation.VPA_CHAIN;
        rules.add(IptablesRule.jump("FORWARD", vpa));
        for (Instance i : local) {
            rules.add(IptablesRule.jump("FORWARD", overlayChain(i.handle())));
        }
        for (Instance i : local) {
            App app = app(apps, i.app());
            rules.add(new IptablesRule(vpa, i.ip() + "/32", null, null, null, 0, 0, -1, false, null, null, null,
                    "src:" + app.guid(), "MARK", "--set-xmark " + IptablesRule.hex(app.tag()) + "/0xffffffff"));
        }
        for (Instance dst : local) {
            App dstApp = app(apps, dst.app());
            for (Policy p : policies) {
                if (!p.dstApp().equals(dst.app())) {
                    continue;
                }
                App src = app(apps, p.srcApp());
                String proto = p.protocol();
                int lo = proto.equals("icmp") ? 0 : p.portStart();
                int hi = proto.equals("icmp") ? 0 : p.portEnd();
                rules.add(new IptablesRule(vpa, null, dst.ip() + "/32", null, proto, lo, hi, src.tag(), false,
                        "INVALID,NEW,UNTRACKED", null, null, null, "LOG",
                        "--log-prefix \"" + cut("OK_" + src.tagHex() + "_" + dstApp.guid(), PREFIX_MAX) + " \""));
                rules.add(new IptablesRule(vpa, null, dst.ip() + "/32", null, proto, lo, hi, src.tag(), false,
                        null, null, null, "src:" + src.guid() + "_dst:" + dstApp.guid(), "ACCEPT", null));
            }
        }
        for (Instance i : local) {
            String chain = overlayChain(i.handle());
            String c = i.ip() + "/32";
            rules.add(new IptablesRule(chain, c, null, SilkNames.VTEP_IFACE, null, 0, 0, 0, true, null, null, null, null, "ACCEPT", null));
            rules.add(new IptablesRule(chain, null, c, null, null, 0, 0, -1, false, null, "RELATED,ESTABLISHED", null, null, "ACCEPT", null));
            rules.add(new IptablesRule(chain, null, c, null, null, 0, 0, 0xffff0000L, false, null, null, null, null, "ACCEPT", null));
            rules.add(new IptablesRule(chain, null, c, null, null, 0, 0, -1, false, null, null, "5/sec", null, "LOG",
                    "--log-prefix \"" + cut("DENY_C2C_" + i.handle(), PREFIX_MAX) + " \""));
            rules.add(new IptablesRule(chain, null, c, null, null, 0, 0, -1, false, null, null, null, null, "REJECT",
                    "--reject-with icmp-port-unreachable"));
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

    private static App app(List<App> apps, String name) {
        return apps.stream().filter(a -> a.name().equals(name)).findFirst().orElseThrow();
    }

    private static String cut(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max);
    }
}
