package dev.silkscreen.model;

import java.util.ArrayList;
import java.util.List;

/**
 * A cell's filter table read from {@code iptables-save} (or {@code iptables -S}) lines with
 * {@link IptablesRule#parse}, and the one answer to "which {@code vpa--} chain counts".
 *
 * <p>vxlan-policy-agent writes each new policy set into a fresh chain {@code vpa--<µs>}, jumps to it
 * from FORWARD position 1 and then removes the old chain: in between, both exist and only the
 * first one FORWARD jumps to decides. Without such a jump the newest chain (the largest
 * timestamp) is taken. Lines that are not rules ({@code *filter}, {@code :CHAIN}, {@code COMMIT},
 * comments) are passed over; rules the grammar does not know are kept in {@link #unread()}.
 */
public final class FilterTable {
    public static final String VPA_PREFIX = "vpa--";
    public static final String OVERLAY_PREFIX = "overlay--";

    /** A rule and its index in the lines it was read from (so a view can highlight that line). */
    public record Line(int index, IptablesRule rule) {
    }

    /** A rule line the grammar could not read, and why. */
    public record Unread(int index, String line, String why) {
    }

    private final List<Line> rules;
    private final List<Unread> unread;
    private final String vpaChain;

    private FilterTable(List<Line> rules, List<Unread> unread, String vpaChain) {
        this.rules = List.copyOf(rules);
        this.unread = List.copyOf(unread);
        this.vpaChain = vpaChain;
    }

    public static FilterTable parse(String text) {
        return parse(List.of(text.split("\n")));
    }

    public static FilterTable parse(List<String> lines) {
        List<Line> rules = new ArrayList<>();
        List<Unread> unread = new ArrayList<>();
        String newest = null;
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            String declared = declaredChain(line);
            if (declared != null && declared.startsWith(VPA_PREFIX) && (newest == null || newer(declared, newest))) {
                newest = declared;
            }
            if (!line.startsWith("-A ")) {
                continue;
            }
            try {
                IptablesRule r = IptablesRule.parse(line);
                rules.add(new Line(i, r));
                if (r.chain().startsWith(VPA_PREFIX) && (newest == null || newer(r.chain(), newest))) {
                    newest = r.chain();
                }
            } catch (IllegalArgumentException e) {
                unread.add(new Unread(i, line, e.getMessage()));
            }
        }
        String active = rules.stream().map(Line::rule)
                .filter(r -> r.chain().equals("FORWARD") && r.target().startsWith(VPA_PREFIX))
                .map(IptablesRule::target).findFirst().orElse(newest);
        return new FilterTable(rules, unread, active);
    }

    /** {@code :vpa--1 - [0:0]} (iptables-save) or {@code -N vpa--1} (iptables -S) → the chain, else null. */
    private static String declaredChain(String line) {
        if (line.startsWith(":")) {
            String[] w = line.substring(1).split("\\s+");
            return w.length > 0 && !w[0].isEmpty() ? w[0] : null;
        }
        if (line.startsWith("-N ")) {
            return line.substring(3).strip();
        }
        return null;
    }

    /** vpa-- suffixes are µs timestamps: a longer one is newer, else the larger. */
    private static boolean newer(String a, String b) {
        return a.length() != b.length() ? a.length() > b.length() : a.compareTo(b) > 0;
    }

    /** Every rule read, in order. */
    public List<Line> rules() {
        return rules;
    }

    /** Rule lines the grammar does not know. */
    public List<Unread> unread() {
        return unread;
    }

    /** The {@code vpa--} chain in force, or null when there is none. */
    public String vpaChain() {
        return vpaChain;
    }

    /** The rules of one chain, in order. */
    public List<Line> chain(String name) {
        return rules.stream().filter(l -> l.rule().chain().equals(name)).toList();
    }

    /** The rules of the {@code vpa--} chain in force (empty when none). */
    public List<Line> vpaRules() {
        return vpaChain == null ? List.of() : chain(vpaChain);
    }

    /** The rules of every {@code overlay--<handle>} chain, in order. */
    public List<Line> overlayRules() {
        return rules.stream().filter(l -> l.rule().chain().startsWith(OVERLAY_PREFIX)).toList();
    }

    /**
     * The first ACCEPT of the chain in force that lets a packet carrying {@code tag} (its mark after
     * decapsulation) reach {@code dstIp} on {@code proto} (tcp, udp, icmp) and {@code port}, or null.
     */
    public Line acceptFor(int tag, int dstIp, String proto, int port) {
        for (Line l : vpaRules()) {
            IptablesRule r = l.rule();
            if (r.target().equals("ACCEPT") && r.mark() != null && r.matchesMark(tag) && r.matchesDst(dstIp)
                    && r.matchesProto(proto) && r.matchesDport(port)) {
                return l;
            }
        }
        return null;
    }

    /** The MARK rule of the chain in force that tags packets from {@code srcIp}, or null. */
    public Line markFor(int srcIp) {
        for (Line l : vpaRules()) {
            if (l.rule().setXmark() != null && l.rule().src() != null && l.rule().matchesSrc(srcIp)) {
                return l;
            }
        }
        return null;
    }

    /** The REJECT of the overlay chain guarding {@code dstIp}, or null. */
    public Line rejectFor(int dstIp) {
        for (Line l : overlayRules()) {
            IptablesRule r = l.rule();
            if (r.target().equals("REJECT") && r.dst() != null && r.matchesDst(dstIp)) {
                return l;
            }
        }
        return null;
    }
}
