package dev.silkscreen.model;

import java.util.Locale;

/**
 * One filter-table rule of the shapes vxlan-policy-agent and the CNI wrapper write, structured so
 * it can be both evaluated and printed exactly as {@code iptables-save} prints it.
 *
 * @param chain      e.g. {@code FORWARD}, {@code vpa--1767225600000000}, {@code overlay--<handle>}
 * @param src        {@code -s} CIDR or null
 * @param dst        {@code -d} CIDR or null
 * @param outIface   {@code -o} device or null
 * @param proto      {@code -p} (tcp, udp, icmp) or null
 * @param dportLo    first destination port ({@code -m tcp --dport}), 0 when none
 * @param dportHi    last destination port (equal to {@code dportLo} for one port)
 * @param mark       {@code -m mark --mark} value, or -1 when no mark match
 * @param markNot    {@code ! --mark}
 * @param ctState    {@code -m conntrack --ctstate} list (e.g. {@code INVALID,NEW,UNTRACKED}) or null
 * @param state      {@code -m state --state} list (e.g. {@code RELATED,ESTABLISHED}) or null
 * @param limit      {@code -m limit --limit} (e.g. {@code 5/sec}) or null
 * @param comment    {@code -m comment --comment} text or null
 * @param target     {@code -j}: ACCEPT, REJECT, LOG, MARK or a chain name
 * @param targetArgs what follows the target (e.g. {@code --set-xmark 0x2/0xffffffff}) or null
 */
public record IptablesRule(String chain, String src, String dst, String outIface, String proto,
                           int dportLo, int dportHi, long mark, boolean markNot, String ctState,
                           String state, String limit, String comment, String target, String targetArgs) {

    /** A plain jump: {@code -A FROM -j TO}. */
    public static IptablesRule jump(String from, String to) {
        return new IptablesRule(from, null, null, null, null, 0, 0, -1, false, null, null, null, null, to, null);
    }

    /** The {@code iptables-save} line, e.g. {@code -A overlay--x -d 10.255.2.2/32 -j REJECT --reject-with icmp-port-unreachable}. */
    public String render() {
        StringBuilder sb = new StringBuilder(128).append("-A ").append(chain);
        if (src != null) {
            sb.append(" -s ").append(src);
        }
        if (dst != null) {
            sb.append(" -d ").append(dst);
        }
        if (outIface != null) {
            sb.append(" -o ").append(outIface);
        }
        if (proto != null) {
            sb.append(" -p ").append(proto);
            if (dportLo > 0) {
                sb.append(" -m ").append(proto).append(" --dport ").append(dportLo);
                if (dportHi != dportLo) {
                    sb.append(':').append(dportHi);
                }
            }
        }
        if (mark >= 0) {
            sb.append(" -m mark").append(markNot ? " ! --mark " : " --mark ").append(hex(mark));
        }
        if (ctState != null) {
            sb.append(" -m conntrack --ctstate ").append(ctState);
        }
        if (state != null) {
            sb.append(" -m state --state ").append(state);
        }
        if (limit != null) {
            sb.append(" -m limit --limit ").append(limit);
        }
        if (comment != null) {
            sb.append(" -m comment --comment \"").append(comment).append('"');
        }
        sb.append(" -j ").append(target);
        if (targetArgs != null) {
            sb.append(' ').append(targetArgs);
        }
        return sb.toString();
    }

    /** Lower-case hex as iptables prints marks: {@code 0x2}, {@code 0xffff0000}. */
    public static String hex(long value) {
        return "0x" + Long.toHexString(value).toLowerCase(Locale.ROOT);
    }
}
