package dev.silkscreen.live.discover;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Reads the c2c policy out of {@code iptables-save} (filter table) text: the {@code vpa--} chain's
 * MARK rules (container IP → tag) and ACCEPT rules (destination, protocol, ports, required tag),
 * and the container handles named by {@code overlay--} chains. Pure function; lines it does not
 * understand are kept in {@code rawRules} but otherwise ignored.
 */
public final class IptablesSaveParser {
    private static final String VPA = "vpa--";
    private static final String OVERLAY = "overlay--";

    private IptablesSaveParser() {
    }

    public static IptablesRules parse(String text) {
        String active = null;
        String newest = null;
        List<List<String>> rules = new ArrayList<>();
        List<String> raw = new ArrayList<>();
        for (String line : text.split("\n")) {
            line = line.strip();
            if (line.startsWith(":" + VPA)) {
                String chain = line.substring(1).split("\\s+")[0];
                if (newest == null || chain.compareTo(newest) > 0) {
                    newest = chain;
                }
            }
            if (!line.startsWith("-A ")) {
                continue;
            }
            List<String> words = tokenize(line);
            if (words.size() < 2) {
                continue;
            }
            String chain = words.get(1);
            if (chain.equals("FORWARD") && active == null) {
                String target = valueOf(words, "-j");
                if (target != null && target.startsWith(VPA)) {
                    active = target;
                }
            }
            if (chain.startsWith(VPA) || chain.startsWith(OVERLAY)) {
                raw.add(line);
                rules.add(words);
            }
        }
        String vpa = active != null ? active : newest;
        List<IptablesRules.TagRule> tags = new ArrayList<>();
        List<IptablesRules.AcceptRule> accepts = new ArrayList<>();
        Map<String, String> handles = new LinkedHashMap<>();
        for (List<String> w : rules) {
            String chain = w.get(1);
            if (chain.startsWith(OVERLAY)) {
                String dst = hostIp(valueOf(w, "-d"));
                if (dst != null && "REJECT".equals(valueOf(w, "-j"))) {
                    handles.put(dst, chain.substring(OVERLAY.length()));
                }
                continue;
            }
            if (!chain.equals(vpa)) {
                continue;
            }
            String target = valueOf(w, "-j");
            String comment = valueOf(w, "--comment");
            if ("MARK".equals(target)) {
                String src = hostIp(valueOf(w, "-s"));
                Integer tag = mark(valueOf(w, "--set-xmark"));
                if (src != null && tag != null) {
                    tags.add(new IptablesRules.TagRule(src, tag, guid(comment, "src:", "_dst:")));
                }
            } else if ("ACCEPT".equals(target)) {
                String dst = hostIp(valueOf(w, "-d"));
                Integer tag = mark(valueOf(w, "--mark"));
                String proto = valueOf(w, "-p");
                if (dst == null || tag == null || proto == null) {
                    continue;
                }
                proto = proto.toLowerCase(Locale.ROOT);
                int lo = 0;
                int hi = 0;
                String dport = valueOf(w, "--dport");
                if (dport == null) {
                    dport = valueOf(w, "--dports");
                }
                if (dport != null) {
                    int colon = dport.indexOf(':');
                    lo = Integer.parseInt(colon < 0 ? dport : dport.substring(0, colon));
                    hi = colon < 0 ? lo : Integer.parseInt(dport.substring(colon + 1));
                } else if (!proto.equals("icmp")) {
                    lo = 1;
                    hi = 65535;
                }
                accepts.add(new IptablesRules.AcceptRule(dst, proto, lo, hi, tag,
                        guid(comment, "src:", "_dst:"), guid(comment, "_dst:", null)));
            }
        }
        return new IptablesRules(vpa, tags, accepts, handles, raw);
    }

    /** Splits an iptables-save line into words; double quotes group (as iptables-save writes comments). */
    static List<String> tokenize(String line) {
        List<String> out = new ArrayList<>();
        StringBuilder cur = new StringBuilder();
        boolean quoted = false;
        boolean inWord = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quoted) {
                if (c == '\\' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                    cur.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    cur.append(c);
                }
            } else if (c == '"') {
                quoted = true;
                inWord = true;
            } else if (Character.isWhitespace(c)) {
                if (inWord) {
                    out.add(cur.toString());
                    cur.setLength(0);
                    inWord = false;
                }
            } else {
                cur.append(c);
                inWord = true;
            }
        }
        if (inWord) {
            out.add(cur.toString());
        }
        return out;
    }

    /** The word after {@code option}, skipping a negation ({@code ! -d …} is not a match on -d). */
    private static String valueOf(List<String> words, String option) {
        for (int i = 0; i + 1 < words.size(); i++) {
            if (words.get(i).equals(option) && (i == 0 || !words.get(i - 1).equals("!"))) {
                return words.get(i + 1);
            }
        }
        return null;
    }

    private static String hostIp(String cidr) {
        if (cidr == null) {
            return null;
        }
        int slash = cidr.indexOf('/');
        if (slash >= 0 && !cidr.substring(slash + 1).equals("32")) {
            return null;
        }
        return slash < 0 ? cidr : cidr.substring(0, slash);
    }

    /** {@code 0x2/0xffffffff} or {@code 0x2} → the low 16 bits (the GBP tag). */
    private static Integer mark(String text) {
        if (text == null) {
            return null;
        }
        int slash = text.indexOf('/');
        String v = slash < 0 ? text : text.substring(0, slash);
        try {
            long value = v.startsWith("0x") ? Long.parseLong(v.substring(2), 16) : Long.parseLong(v);
            return (int) (value & 0xffff);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static String guid(String comment, String start, String end) {
        if (comment == null) {
            return null;
        }
        int s = comment.indexOf(start);
        if (s < 0) {
            return null;
        }
        s += start.length();
        int e = end == null ? -1 : comment.indexOf(end, s);
        String g = e < 0 ? comment.substring(s) : comment.substring(s, e);
        return g.isBlank() ? null : g.strip();
    }
}
