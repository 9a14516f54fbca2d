package dev.silkscreen.live.discover;

import dev.silkscreen.model.FilterTable;
import dev.silkscreen.model.IptablesRule;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads the c2c policy out of {@code iptables-save} (filter table) text with the one iptables
 * grammar ({@link FilterTable}): the {@code vpa--} chain in force's MARK rules (container IP → tag)
 * and ACCEPT rules (destination, protocol, ports, required tag), and the container handles named
 * by {@code overlay--} chains. Pure function; every vpa-- and overlay-- line is kept in
 * {@code rawRules}, and those the grammar cannot read are otherwise ignored.
 */
public final class IptablesSaveParser {
    private IptablesSaveParser() {
    }

    public static IptablesRules parse(String text) {
        List<String> lines = List.of(text.split("\n"));
        FilterTable table = FilterTable.parse(lines);
        List<String> raw = new ArrayList<>();
        for (String line : lines) {
            String l = line.strip();
            if (l.startsWith("-A " + FilterTable.VPA_PREFIX) || l.startsWith("-A " + FilterTable.OVERLAY_PREFIX)) {
                raw.add(l);
            }
        }
        Map<String, String> handles = new LinkedHashMap<>();
        for (FilterTable.Line l : table.overlayRules()) {
            IptablesRule r = l.rule();
            String dst = IptablesRule.host(r.dst());
            if (dst != null && r.target().equals("REJECT")) {
                handles.put(dst, r.chain().substring(FilterTable.OVERLAY_PREFIX.length()));
            }
        }
        List<IptablesRules.TagRule> tags = new ArrayList<>();
        List<IptablesRules.AcceptRule> accepts = new ArrayList<>();
        for (FilterTable.Line l : table.vpaRules()) {
            IptablesRule r = l.rule();
            long[] set = r.setXmark();
            if (set != null) {
                String src = IptablesRule.host(r.src());
                if (src != null) {
                    tags.add(new IptablesRules.TagRule(src, (int) (set[0] & 0xffff), guid(r.comment(), "src:", "_dst:")));
                }
            } else if (r.target().equals("ACCEPT")) {
                String dst = IptablesRule.host(r.dst());
                if (dst == null || r.proto() == null || r.mark() == null || r.mark().negated()) {
                    continue;
                }
                int lo = 0;
                int hi = 0;
                if (r.dport() != null) {
                    lo = r.dport().lo();
                    hi = r.dport().hi();
                } else if (!r.proto().equals("icmp")) {
                    lo = 1;
                    hi = 65535;
                }
                accepts.add(new IptablesRules.AcceptRule(dst, r.proto(), lo, hi, (int) (r.mark().value() & 0xffff),
                        guid(r.comment(), "src:", "_dst:"), guid(r.comment(), "_dst:", null)));
            }
        }
        List<String> unread = table.unread().stream()
                .filter(u -> raw.contains(u.line()))
                .map(FilterTable.Unread::why).toList();
        return new IptablesRules(table.vpaChain(), tags, accepts, handles, raw, unread);
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
