package dev.silkscreen.sim;

import dev.silkscreen.model.IptablesRule;
import dev.silkscreen.model.Ipv4;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * First-match evaluation of a cell's filter FORWARD chain and the chains it jumps to, as
 * netfilter does: MARK and LOG continue, ACCEPT / REJECT / DROP end it, the end of a user chain
 * returns to the caller, the end of FORWARD applies its policy (ACCEPT).
 */
final class Netfilter {
    enum Verdict { ACCEPT, REJECT, DROP }

    /** The outcome: the verdict, the packet's mark afterwards and the rule that decided (null: the policy). */
    record Result(Verdict verdict, int mark, IptablesRule rule) {
    }

    private record Compiled(IptablesRule rule, int srcNet, int srcPrefix, int dstNet, int dstPrefix, int proto,
                            int ctMask, int stateMask, Target target, int setMark, int setMask) {
    }

    private enum Target { ACCEPT, REJECT, DROP, LOG, MARK, JUMP }

    private static final int NEW = 1;
    private static final int ESTABLISHED = 2;
    private static final int RELATED = 4;
    private static final int INVALID = 8;
    private static final int UNTRACKED = 16;

    /** Candidate caches hold at most this many address pairs per chain before starting over. */
    private static final int CACHE_MAX = 1 << 14;

    private final Map<String, Chain> chains = new HashMap<>();

    /**
     * A chain's rules and, per (source, destination) address pair, the rules whose addresses can
     * match it, in order: evaluating those alone is the same first-match walk, much shorter.
     */
    private final class Chain {
        final Compiled[] rules;
        final Map<Long, Compiled[]> candidates = new HashMap<>();

        Chain(Compiled[] rules) {
            this.rules = rules;
        }

        Compiled[] candidates(int src, int dst) {
            long key = fmix64(((long) src << 32) | (dst & 0xFFFF_FFFFL));
            Compiled[] c = candidates.get(key);
            if (c == null) {
                if (candidates.size() >= CACHE_MAX) {
                    candidates.clear();
                }
                List<Compiled> list = new ArrayList<>();
                for (Compiled r : rules) {
                    if ((r.srcPrefix < 0 || Ipv4.inSubnet(src, r.srcNet, r.srcPrefix) != r.rule.src().negated())
                            && (r.dstPrefix < 0 || Ipv4.inSubnet(dst, r.dstNet, r.dstPrefix) != r.rule.dst().negated())
                            && !jumpsToNothing(r, src, dst)) {
                        list.add(r);
                    }
                }
                c = list.toArray(new Compiled[0]);
                candidates.put(key, c);
            }
            return c;
        }
    }

    Netfilter(Map<String, List<IptablesRule>> rules) {
        rules.forEach((chain, list) -> {
            List<Compiled> c = new ArrayList<>(list.size());
            for (IptablesRule r : list) {
                c.add(compile(r));
            }
            chains.put(chain, new Chain(c.toArray(new Compiled[0])));
        });
    }

    /**
     * MurmurHash3's 64-bit finalizer: a bijection, so the mixed pair is still an exact key, and
     * Long's hash of it spreads addresses that differ only in their low bytes.
     */
    static long fmix64(long k) {
        k ^= k >>> 33;
        k *= 0xff51afd7ed558ccdL;
        k ^= k >>> 33;
        k *= 0xc4ceb9fe1a85ec53L;
        k ^= k >>> 33;
        return k;
    }

    /** A jump into a chain none of whose rules can match this address pair changes nothing. */
    private boolean jumpsToNothing(Compiled r, int src, int dst) {
        if (r.target != Target.JUMP) {
            return false;
        }
        Chain target = chains.get(r.rule.target());
        return target == null || target.candidates(src, dst).length == 0;
    }

    /** Runs FORWARD for a packet leaving through {@code outDev}, starting with {@code mark}. */
    Result forward(Packet p, String outDev, int mark, Conntrack.State state) {
        int st = switch (state) {
            case NEW -> NEW;
            case ESTABLISHED -> ESTABLISHED;
            case RELATED -> RELATED;
        };
        int[] m = {mark};
        Result r = run("FORWARD", p, outDev, m, st, 0);
        return r != null ? r : new Result(Verdict.ACCEPT, m[0], null);
    }

    private Result run(String chain, Packet p, String outDev, int[] mark, int st, int depth) {
        Chain ch = chains.get(chain);
        if (ch == null || depth > 8) {
            return null;
        }
        int proto = p.proto();
        int dport = p.dport();
        for (Compiled c : ch.candidates(p.src(), p.dst())) {
            IptablesRule r = c.rule;
            if (!r.matchesOut(outDev)) {
                continue;
            }
            if (c.proto >= 0 && c.proto != proto) {
                continue;
            }
            if (!r.matchesDport(dport) || !r.matchesMark(mark[0])) {
                continue;
            }
            if (c.ctMask != 0 && (c.ctMask & st) == 0) {
                continue;
            }
            if (c.stateMask != 0 && (c.stateMask & st) == 0) {
                continue;
            }
            switch (c.target) {
                case ACCEPT -> {
                    return new Result(Verdict.ACCEPT, mark[0], r);
                }
                case REJECT -> {
                    return new Result(Verdict.REJECT, mark[0], r);
                }
                case DROP -> {
                    return new Result(Verdict.DROP, mark[0], r);
                }
                case LOG -> {
                }
                case MARK -> mark[0] = (mark[0] & ~c.setMask) ^ c.setMark;
                case JUMP -> {
                    Result sub = run(r.target(), p, outDev, mark, st, depth + 1);
                    if (sub != null) {
                        return sub;
                    }
                }
            }
        }
        return null;
    }

    private static Compiled compile(IptablesRule r) {
        if (r.inIface() != null) {
            throw new IllegalArgumentException("-i is not simulated in FORWARD rules: " + r.render());
        }
        int[] s = cidr(r.src() == null ? null : r.src().value());
        int[] d = cidr(r.dst() == null ? null : r.dst().value());
        int proto = r.proto() == null ? -1 : switch (r.proto()) {
            case "tcp" -> Wire.PROTO_TCP;
            case "udp" -> Wire.PROTO_UDP;
            case "icmp" -> Wire.PROTO_ICMP;
            default -> throw new IllegalArgumentException("unsupported protocol in rule: " + r.render());
        };
        Target t = switch (r.target()) {
            case "ACCEPT" -> Target.ACCEPT;
            case "REJECT" -> Target.REJECT;
            case "DROP" -> Target.DROP;
            case "LOG" -> Target.LOG;
            case "MARK" -> Target.MARK;
            default -> Target.JUMP;
        };
        int setMark = 0;
        int setMask = 0;
        if (t == Target.MARK) {
            long[] vm = r.setXmark();
            if (vm == null) {
                throw new IllegalArgumentException("MARK without --set-xmark: " + r.render());
            }
            setMark = (int) vm[0];
            setMask = (int) vm[1];
        }
        return new Compiled(r, s[0], s[1], d[0], d[1], proto, states(r.ctState()), states(r.state()), t, setMark, setMask);
    }

    private static int[] cidr(String text) {
        if (text == null) {
            return new int[] {0, -1};
        }
        int slash = text.indexOf('/');
        return slash < 0 ? new int[] {Ipv4.parse(text), 32}
                : new int[] {Ipv4.parse(text.substring(0, slash)), Integer.parseInt(text.substring(slash + 1))};
    }

    private static int states(String list) {
        if (list == null) {
            return 0;
        }
        int m = 0;
        for (String s : list.split(",")) {
            m |= switch (s.trim()) {
                case "NEW" -> NEW;
                case "ESTABLISHED" -> ESTABLISHED;
                case "RELATED" -> RELATED;
                case "INVALID" -> INVALID;
                case "UNTRACKED" -> UNTRACKED;
                default -> 0;
            };
        }
        return m;
    }
}
