package dev.silkscreen.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * One filter-table rule of the shapes vxlan-policy-agent and the CNI wrapper write, structured so
 * it can be evaluated, printed exactly as {@code iptables-save} prints it ({@link #render()}) and
 * read back from that line ({@link #parse(String)}): the one grammar the simulator, live
 * discovery, {@code trace}'s reasons and the inspector share.
 *
 * <p>The grammar, in the order {@code iptables-save} prints it: {@code -A CHAIN}, {@code [!] -s CIDR},
 * {@code [!] -d CIDR}, {@code [!] -i DEV}, {@code [!] -o DEV}, {@code -p PROTO}, then the matches
 * {@code -m tcp|udp --dport A[:B]}, {@code -m mark [!] --mark V[/M]}, {@code -m conntrack --ctstate L},
 * {@code -m state --state L}, {@code -m limit --limit R}, {@code -m comment --comment "T"}, and last
 * {@code -j TARGET [ARGS]}. Matches are read in any order and printed in this one.
 *
 * @param chain      e.g. {@code FORWARD}, {@code vpa--1767225600000000}, {@code overlay--<handle>}
 * @param src        {@code -s} CIDR or null
 * @param dst        {@code -d} CIDR or null
 * @param inIface    {@code -i} device or null
 * @param outIface   {@code -o} device or null
 * @param proto      {@code -p} (tcp, udp, icmp) or null
 * @param dport      {@code -m tcp --dport} range or null
 * @param mark       {@code -m mark --mark} match or null
 * @param ctState    {@code -m conntrack --ctstate} list (e.g. {@code INVALID,NEW,UNTRACKED}) or null
 * @param state      {@code -m state --state} list (e.g. {@code RELATED,ESTABLISHED}) or null
 * @param limit      {@code -m limit --limit} (e.g. {@code 5/sec}) or null
 * @param comment    {@code -m comment --comment} text or null
 * @param target     {@code -j}: ACCEPT, REJECT, LOG, MARK or a chain name
 * @param targetArgs what follows the target as printed (e.g. {@code --set-xmark 0x2/0xffffffff}) or null
 */
public record IptablesRule(String chain, Operand src, Operand dst, Operand inIface, Operand outIface, String proto,
                           Ports dport, Mark mark, String ctState, String state, String limit, String comment,
                           String target, String targetArgs) {

    /** The mask iptables leaves out when printing a mark: all 32 bits. */
    public static final long FULL_MASK = 0xFFFF_FFFFL;

    /** An operand of {@code -s}, {@code -d}, {@code -i} or {@code -o}, possibly negated ({@code ! -o silk-vtep}). */
    public record Operand(String value, boolean negated) {
        public static Operand of(String value) {
            return value == null ? null : new Operand(value, false);
        }
    }

    /** A destination port or range, both ends included. */
    public record Ports(int lo, int hi) {
        public boolean contains(int port) {
            return port >= lo && port <= hi;
        }
    }

    /**
     * {@code --mark VALUE[/MASK]}: a packet matches when {@code (mark & MASK) == VALUE}, or when
     * it does not for {@code ! --mark}.
     */
    public record Mark(long value, long mask, boolean negated) {
        public static Mark of(long value) {
            return new Mark(value, FULL_MASK, false);
        }

        public boolean matches(int packetMark) {
            return ((packetMark & mask) == value) != negated;
        }

        /** {@code 0x2}, {@code 0x2/0xffff}. */
        public String text() {
            return hex(value) + (mask == FULL_MASK ? "" : "/" + hex(mask));
        }
    }

    public IptablesRule {
        if (chain == null || chain.isEmpty() || target == null || target.isEmpty()) {
            throw new IllegalArgumentException("an iptables rule needs a chain and a target");
        }
    }

    /** A plain jump: {@code -A FROM -j TO}. */
    public static IptablesRule jump(String from, String to) {
        return in(from).to(to);
    }

    /** Starts a rule of {@code chain}: {@code IptablesRule.in("vpa--1").dst("10.255.1.2/32").to("ACCEPT")}. */
    public static Builder in(String chain) {
        return new Builder(chain);
    }

    /** Reads one {@code -A …} line as {@code iptables-save} prints it; the inverse of {@link #render()}. */
    public static IptablesRule parse(String line) {
        return new Reader(line).rule();
    }

    /** The {@code iptables-save} line, e.g. {@code -A overlay--x -d 10.255.2.2/32 -j REJECT --reject-with icmp-port-unreachable}. */
    public String render() {
        StringBuilder sb = new StringBuilder(128).append("-A ").append(chain);
        operand(sb, "-s", src);
        operand(sb, "-d", dst);
        operand(sb, "-i", inIface);
        operand(sb, "-o", outIface);
        if (proto != null) {
            sb.append(" -p ").append(proto);
        }
        if (dport != null) {
            sb.append(" -m ").append(proto).append(" --dport ").append(dport.lo);
            if (dport.hi != dport.lo) {
                sb.append(':').append(dport.hi);
            }
        }
        if (mark != null) {
            sb.append(" -m mark").append(mark.negated ? " ! --mark " : " --mark ").append(mark.text());
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
            sb.append(" -m comment --comment \"").append(comment.replace("\\", "\\\\").replace("\"", "\\\"")).append('"');
        }
        sb.append(" -j ").append(target);
        if (targetArgs != null) {
            sb.append(' ').append(targetArgs);
        }
        return sb.toString();
    }

    private static void operand(StringBuilder sb, String option, Operand o) {
        if (o != null) {
            sb.append(o.negated ? " ! " : " ").append(option).append(' ').append(o.value);
        }
    }

    // Matching, as netfilter does for the options this grammar knows.

    /** Whether an address matches {@code -s} (absent: any). */
    public boolean matchesSrc(int ip) {
        return matchesCidr(src, ip);
    }

    /** Whether an address matches {@code -d} (absent: any). */
    public boolean matchesDst(int ip) {
        return matchesCidr(dst, ip);
    }

    /** Whether a packet leaving through {@code dev} matches {@code -o} (absent: any). */
    public boolean matchesOut(String dev) {
        return outIface == null || outIface.value.equals(dev) != outIface.negated;
    }

    /** Whether a protocol name (tcp, udp, icmp, any case) matches {@code -p} (absent: any). */
    public boolean matchesProto(String p) {
        return proto == null || proto.equalsIgnoreCase(p);
    }

    /** Whether a destination port matches {@code --dport} (absent: any). */
    public boolean matchesDport(int port) {
        return dport == null || dport.contains(port);
    }

    /** Whether a packet mark matches {@code --mark} (absent: any). */
    public boolean matchesMark(int packetMark) {
        return mark == null || mark.matches(packetMark);
    }

    /** The address of a {@code -s} or {@code -d} of exactly one host ({@code 10.255.1.2/32}, not negated), or null. */
    public static String host(Operand o) {
        if (o == null || o.negated) {
            return null;
        }
        int slash = o.value.indexOf('/');
        if (slash < 0) {
            return o.value;
        }
        return o.value.substring(slash + 1).equals("32") ? o.value.substring(0, slash) : null;
    }

    /** {@code --set-xmark V/M} of a MARK rule as {value, mask}, or null for any other rule. */
    public long[] setXmark() {
        if (!"MARK".equals(target) || targetArgs == null || !targetArgs.startsWith("--set-xmark ")) {
            return null;
        }
        String vm = targetArgs.substring("--set-xmark ".length()).strip();
        int slash = vm.indexOf('/');
        try {
            long v = number(slash < 0 ? vm : vm.substring(0, slash));
            long m = slash < 0 ? FULL_MASK : number(vm.substring(slash + 1));
            return new long[] {v, m};
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static boolean matchesCidr(Operand o, int ip) {
        if (o == null) {
            return true;
        }
        int slash = o.value.indexOf('/');
        int net = Ipv4.parse(slash < 0 ? o.value : o.value.substring(0, slash));
        int prefix = slash < 0 ? 32 : Integer.parseInt(o.value.substring(slash + 1));
        return Ipv4.inSubnet(ip, net, prefix) != o.negated;
    }

    /** Lower-case hex as iptables prints marks: {@code 0x2}, {@code 0xffff0000}. */
    public static String hex(long value) {
        return "0x" + Long.toHexString(value).toLowerCase(Locale.ROOT);
    }

    /** {@code 0x2} or {@code 2}, as iptables reads a mark. */
    static long number(String text) {
        long v = text.startsWith("0x") || text.startsWith("0X") ? Long.parseLong(text.substring(2), 16) : Long.parseLong(text);
        if (v < 0 || v > FULL_MASK) {
            throw new NumberFormatException("not a 32-bit mark: " + text);
        }
        return v;
    }

    /** Builds a rule option by option; unset options are absent. */
    public static final class Builder {
        private final String chain;
        private Operand src;
        private Operand dst;
        private Operand in;
        private Operand out;
        private String proto;
        private Ports dport;
        private Mark mark;
        private String ctState;
        private String state;
        private String limit;
        private String comment;

        private Builder(String chain) {
            this.chain = chain;
        }

        public Builder src(String cidr) {
            src = Operand.of(cidr);
            return this;
        }

        public Builder dst(String cidr) {
            dst = Operand.of(cidr);
            return this;
        }

        public Builder out(String dev) {
            out = Operand.of(dev);
            return this;
        }

        public Builder in(String dev) {
            in = Operand.of(dev);
            return this;
        }

        public Builder proto(String p) {
            proto = p;
            return this;
        }

        /** {@code -m PROTO --dport LO[:HI]}; needs a protocol. */
        public Builder dport(int lo, int hi) {
            dport = new Ports(lo, hi);
            return this;
        }

        public Builder mark(long value) {
            mark = Mark.of(value);
            return this;
        }

        public Builder notMark(long value) {
            mark = new Mark(value, FULL_MASK, true);
            return this;
        }

        public Builder ctState(String list) {
            ctState = list;
            return this;
        }

        public Builder state(String list) {
            state = list;
            return this;
        }

        public Builder limit(String rate) {
            limit = rate;
            return this;
        }

        public Builder comment(String text) {
            comment = text;
            return this;
        }

        public IptablesRule to(String target) {
            return to(target, null);
        }

        public IptablesRule to(String target, String args) {
            if (dport != null && proto == null) {
                throw new IllegalArgumentException("--dport needs -p");
            }
            return new IptablesRule(chain, src, dst, in, out, proto, dport, mark, ctState, state, limit, comment, target, args);
        }
    }

    /** Reads a line word by word; double quotes group, with {@code \"} and {@code \\} inside, as iptables-save writes them. */
    private static final class Reader {
        private final String line;
        private final List<String> words = new ArrayList<>();
        /** Where each word starts in the line, to keep a target's arguments exactly as printed. */
        private final List<Integer> starts = new ArrayList<>();
        private int at;

        Reader(String line) {
            this.line = line;
            split();
        }

        private void split() {
            StringBuilder cur = new StringBuilder();
            boolean quoted = false;
            int start = -1;
            for (int i = 0; i < line.length(); i++) {
                char c = line.charAt(i);
                if (quoted) {
                    if (c == '\\' && i + 1 < line.length() && (line.charAt(i + 1) == '"' || line.charAt(i + 1) == '\\')) {
                        cur.append(line.charAt(++i));
                    } else if (c == '"') {
                        quoted = false;
                    } else {
                        cur.append(c);
                    }
                } else if (Character.isWhitespace(c)) {
                    if (start >= 0) {
                        words.add(cur.toString());
                        starts.add(start);
                        cur.setLength(0);
                        start = -1;
                    }
                } else {
                    if (start < 0) {
                        start = i;
                    }
                    if (c == '"') {
                        quoted = true;
                    } else {
                        cur.append(c);
                    }
                }
            }
            if (quoted) {
                throw error("an unclosed quote");
            }
            if (start >= 0) {
                words.add(cur.toString());
                starts.add(start);
            }
        }

        IptablesRule rule() {
            if (words.size() < 2 || !words.get(0).equals("-A")) {
                throw error("no '-A CHAIN' at the start");
            }
            Builder b = new Builder(words.get(1));
            at = 2;
            boolean negate = false;
            boolean portMatch = false;
            while (at < words.size()) {
                String w = words.get(at++);
                if (w.equals("!")) {
                    if (negate) {
                        throw error("'! !'");
                    }
                    negate = true;
                    continue;
                }
                switch (w) {
                    case "-s" -> b.src = once(b.src, w, new Operand(value(w), negate));
                    case "-d" -> b.dst = once(b.dst, w, new Operand(value(w), negate));
                    case "-i" -> b.in = once(b.in, w, new Operand(value(w), negate));
                    case "-o" -> b.out = once(b.out, w, new Operand(value(w), negate));
                    case "-p" -> b.proto = once(b.proto, w, plain(w, negate).toLowerCase(Locale.ROOT));
                    case "-m" -> {
                        String module = plain(w, negate);
                        if (b.proto != null && module.equals(b.proto) && (module.equals("tcp") || module.equals("udp"))) {
                            portMatch = true;
                        } else if (!List.of("mark", "conntrack", "state", "limit", "comment").contains(module)) {
                            throw error("the match '-m " + module + "'");
                        }
                    }
                    case "--dport" -> {
                        if (!portMatch) {
                            throw error("--dport without '-m tcp' or '-m udp'");
                        }
                        b.dport = once(b.dport, w, ports(plain(w, negate)));
                    }
                    case "--mark" -> b.mark = once(b.mark, w, mark(value(w), negate));
                    case "--ctstate" -> b.ctState = once(b.ctState, w, plain(w, negate));
                    case "--state" -> b.state = once(b.state, w, plain(w, negate));
                    case "--limit" -> b.limit = once(b.limit, w, plain(w, negate));
                    case "--comment" -> b.comment = once(b.comment, w, plain(w, negate));
                    case "-j" -> {
                        String target = plain(w, negate);
                        String args = at < words.size() ? line.substring(starts.get(at)).strip() : null;
                        return b.to(target, args);
                    }
                    default -> throw error("the option '" + w + "'");
                }
                negate = false;
            }
            throw error("no '-j TARGET'");
        }

        private String value(String option) {
            if (at >= words.size()) {
                throw error("no value after " + option);
            }
            return words.get(at++);
        }

        private String plain(String option, boolean negated) {
            if (negated) {
                throw error("'!' before " + option);
            }
            return value(option);
        }

        private <T> T once(T old, String option, T value) {
            if (old != null) {
                throw error(option + " twice");
            }
            return value;
        }

        private Ports ports(String text) {
            int colon = text.indexOf(':');
            try {
                int lo = Integer.parseInt(colon < 0 ? text : text.substring(0, colon));
                int hi = colon < 0 ? lo : Integer.parseInt(text.substring(colon + 1));
                if (lo < 0 || hi > 65535 || lo > hi) {
                    throw error("the port range " + text);
                }
                return new Ports(lo, hi);
            } catch (NumberFormatException e) {
                throw error("the port " + text);
            }
        }

        private Mark mark(String text, boolean negated) {
            int slash = text.indexOf('/');
            try {
                long v = number(slash < 0 ? text : text.substring(0, slash));
                long m = slash < 0 ? FULL_MASK : number(text.substring(slash + 1));
                return new Mark(v, m, negated);
            } catch (NumberFormatException e) {
                throw error("the mark " + text);
            }
        }

        private IllegalArgumentException error(String what) {
            return new IllegalArgumentException("cannot read " + what + " in the iptables rule: " + line);
        }
    }
}
