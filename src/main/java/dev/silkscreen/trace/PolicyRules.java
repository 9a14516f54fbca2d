package dev.silkscreen.trace;

import dev.silkscreen.model.Ipv4;
import java.util.ArrayList;
import java.util.List;

/**
 * The ACCEPT rules of vxlan-policy-agent's {@code vpa--} chain on one cell, read from
 * {@code iptables-save} lines: which tag may reach which container address, protocol and ports.
 * Used to say why a packet was rejected ("no rule admits tag 0x0009 to 10.255.2.7:8080").
 */
final class PolicyRules {

    record Accept(int dst, String proto, int portLo, int portHi, int mark) {
        boolean admits(int tag, int dstIp, String p, int port) {
            return mark == tag && (dst == -1 || dst == dstIp) && (proto == null || proto.equalsIgnoreCase(p))
                    && (portLo < 0 || (port >= portLo && port <= portHi));
        }
    }

    private final List<Accept> accepts;

    private PolicyRules(List<Accept> accepts) {
        this.accepts = accepts;
    }

    static PolicyRules parse(List<String> lines) {
        List<Accept> out = new ArrayList<>();
        for (String line : lines) {
            Accept a = parseLine(line);
            if (a != null) {
                out.add(a);
            }
        }
        return new PolicyRules(List.copyOf(out));
    }

    List<Accept> accepts() {
        return accepts;
    }

    boolean admits(int tag, int dst, String proto, int port) {
        for (Accept a : accepts) {
            if (a.admits(tag, dst, proto, port)) {
                return true;
            }
        }
        return false;
    }

    /** One {@code -A vpa--… -m mark --mark 0xN … -j ACCEPT} rule, or null for any other line. */
    static Accept parseLine(String line) {
        List<String> t = tokens(line);
        if (t.size() < 2 || !"-A".equals(t.get(0)) || !t.get(1).startsWith("vpa--")) {
            return null;
        }
        int dst = -1;
        String proto = null;
        int lo = -1;
        int hi = -1;
        int mark = -1;
        boolean accept = false;
        try {
            for (int i = 2; i < t.size() - 1; i++) {
                String v = t.get(i + 1);
                switch (t.get(i)) {
                    case "-d" -> dst = Ipv4.parse(v.contains("/") ? v.substring(0, v.indexOf('/')) : v);
                    case "-p" -> proto = v;
                    case "--dport" -> {
                        int colon = v.indexOf(':');
                        lo = Integer.parseInt(colon < 0 ? v : v.substring(0, colon));
                        hi = colon < 0 ? lo : Integer.parseInt(v.substring(colon + 1));
                    }
                    case "--mark" -> {
                        String m = v.contains("/") ? v.substring(0, v.indexOf('/')) : v;
                        mark = m.startsWith("0x") ? Integer.parseInt(m.substring(2), 16) : Integer.parseInt(m);
                    }
                    case "-j" -> accept = "ACCEPT".equals(v);
                    default -> {
                    }
                }
            }
        } catch (IllegalArgumentException e) {
            return null;
        }
        return accept && mark >= 0 ? new Accept(dst, proto, lo, hi, mark) : null;
    }

    private static List<String> tokens(String line) {
        List<String> out = new ArrayList<>();
        StringBuilder cur = new StringBuilder();
        boolean quoted = false;
        boolean any = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c == '"') {
                quoted = !quoted;
                any = true;
            } else if (Character.isWhitespace(c) && !quoted) {
                if (any) {
                    out.add(cur.toString());
                    cur.setLength(0);
                    any = false;
                }
            } else {
                cur.append(c);
                any = true;
            }
        }
        if (any) {
            out.add(cur.toString());
        }
        return out;
    }
}
