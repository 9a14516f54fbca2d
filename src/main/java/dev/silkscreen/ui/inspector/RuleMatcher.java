package dev.silkscreen.ui.inspector;

import dev.silkscreen.model.FilterTable;
import dev.silkscreen.model.Ipv4;
import dev.silkscreen.model.Journey;
import java.util.List;

/**
 * Which of a cell's rules decided a journey's packet, read with the one iptables grammar
 * ({@link FilterTable}): on the source cell the MARK rule of the {@code vpa--} chain in force for
 * its source address; on the destination cell that chain's first ACCEPT whose address, protocol,
 * port and mark fit, else the REJECT of the container's overlay chain. Indexes are into the lines
 * given, so a view can highlight them.
 */
public final class RuleMatcher {
    private RuleMatcher() {
    }

    /** Index of the MARK rule for the packet's source, or -1. */
    public static int markRule(List<String> rules, Journey j) {
        Integer src = address(j.flow().src());
        return src == null ? -1 : index(FilterTable.parse(rules).markFor(src));
    }

    /** Index of the rule that accepted or rejected the packet on its way in, or -1. */
    public static int decidingRule(List<String> rules, Journey j) {
        Integer dst = address(j.flow().dst());
        if (dst == null) {
            return -1;
        }
        FilterTable table = FilterTable.parse(rules);
        FilterTable.Line accept = j.tag() < 0 ? null : table.acceptFor(j.tag(), dst, j.flow().proto(), j.flow().dport());
        return index(accept != null ? accept : table.rejectFor(dst));
    }

    private static Integer address(String ip) {
        try {
            return ip == null ? null : Ipv4.parse(ip);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static int index(FilterTable.Line line) {
        return line == null ? -1 : line.index();
    }
}
