package dev.silkscreen.ui.inspector;

import dev.silkscreen.model.Journey;
import java.util.List;

/**
 * Which of a cell's rules decided a journey's packet, read from the {@code iptables -S} text:
 * on the source cell the MARK rule for its source address; on the destination cell the first
 * ACCEPT whose address, protocol, port and mark fit, else the REJECT of the container's overlay
 * chain. Understands the option forms silk writes, nothing more.
 */
public final class RuleMatcher {
    private RuleMatcher() {
    }

    /** Index of the MARK rule for the packet's source, or -1. */
    public static int markRule(List<String> rules, Journey j) {
        for (int i = 0; i < rules.size(); i++) {
            Rule r = Rule.parse(rules.get(i));
            if (r.target.equals("MARK") && r.matchesSource(j.flow().src())) {
                return i;
            }
        }
        return -1;
    }

    /** Index of the rule that accepted or rejected the packet on its way in, or -1. */
    public static int decidingRule(List<String> rules, Journey j) {
        for (int i = 0; i < rules.size(); i++) {
            Rule r = Rule.parse(rules.get(i));
            if (r.target.equals("ACCEPT") && r.dst != null && r.matchesDestination(j.flow().dst())
                    && r.matchesProto(j.flow().proto()) && r.matchesPort(j.flow().dport()) && r.markRequired >= 0
                    && r.markRequired == j.tag() && !r.markNegated) {
                return i;
            }
        }
        for (int i = 0; i < rules.size(); i++) {
            Rule r = Rule.parse(rules.get(i));
            if (r.target.equals("REJECT") && r.matchesDestination(j.flow().dst())) {
                return i;
            }
        }
        return -1;
    }

    /** One rule's options, as far as the matcher needs them. */
    static final class Rule {
        String src;
        String dst;
        String proto;
        int portLo = -1;
        int portHi = -1;
        int markRequired = -1;
        boolean markNegated;
        String target = "";

        static Rule parse(String line) {
            Rule r = new Rule();
            String[] t = line.trim().split("\\s+");
            boolean negate = false;
            for (int i = 0; i < t.length; i++) {
                String o = t[i];
                String v = i + 1 < t.length ? t[i + 1] : "";
                switch (o) {
                    case "!" -> {
                        negate = true;
                        continue;
                    }
                    case "-s" -> r.src = strip(v);
                    case "-d" -> r.dst = strip(v);
                    case "-p" -> r.proto = v;
                    case "--dport" -> {
                        String[] ab = v.split(":");
                        r.portLo = number(ab[0]);
                        r.portHi = ab.length > 1 ? number(ab[1]) : r.portLo;
                    }
                    case "--mark" -> {
                        r.markRequired = parseMark(v);
                        r.markNegated = negate;
                    }
                    case "-j" -> r.target = v;
                    default -> { }
                }
                negate = false;
            }
            return r;
        }

        private static String strip(String cidr) {
            int slash = cidr.indexOf('/');
            return slash < 0 ? cidr : cidr.substring(0, slash);
        }

        private static int number(String s) {
            try {
                return Integer.parseInt(s);
            } catch (NumberFormatException e) {
                return -1;
            }
        }

        private static int parseMark(String v) {
            String m = v.contains("/") ? v.substring(0, v.indexOf('/')) : v;
            try {
                return (int) Long.parseLong(m.startsWith("0x") ? m.substring(2) : m, m.startsWith("0x") ? 16 : 10);
            } catch (NumberFormatException e) {
                return -1;
            }
        }

        boolean matchesSource(String ip) {
            return src != null && src.equals(ip);
        }

        boolean matchesDestination(String ip) {
            return dst != null && dst.equals(ip);
        }

        boolean matchesProto(String p) {
            return proto == null || proto.equalsIgnoreCase(p);
        }

        boolean matchesPort(int port) {
            return portLo < 0 || (port >= portLo && port <= portHi);
        }
    }
}
