package dev.silkscreen.filter;

import dev.silkscreen.filter.Lexer.Kind;
import dev.silkscreen.filter.Lexer.Token;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A compiled display filter in Wireshark's language: {@code ip.dst == 10.255.2.7 && tcp.flags.syn == 1},
 * {@code udp.dstport == 4789}, {@code vxlan.gbp in {4, 5}}, {@code silk.verdict == dropped}.
 *
 * <pre>
 * expr    = or
 * or      = and { ("||" | "or") and }
 * and     = not { ("&&" | "and") not }
 * not     = ("!" | "not") not | "(" expr ")" | test
 * test    = FIELD [ "&" NUMBER ] [ relation ]
 * relation = ("==" | "!=" | "~=" | "<" | "<=" | ">" | ">=" | eq ne lt le gt ge) value
 *          | "in" "{" value-or-range { [","] value-or-range } "}"
 *          | "contains" STRING
 * </pre>
 * A field alone tests that it is present (so {@code tcp.flags.syn} is true for every TCP segment,
 * as in Wireshark; {@code tcp.flags.syn == 1} is a SYN). A field that occurs more than once (the
 * underlay, inner and ICMP-quoted {@code ip.src}) matches {@code ==} when any occurrence does,
 * {@code !=} when it occurs and no occurrence equals the value, {@code ~=} when any occurrence
 * differs. Literals: decimal, {@code 0x} hex and {@code 0}-led octal numbers, IPv4 addresses with
 * an optional prefix, MAC addresses, {@code True}/{@code False}, strings in double quotes (or one
 * bare word), the words of an enum.
 *
 * <p>Compiled once, a filter tests a {@link Subject} without allocating. A filter is immutable and
 * may be shared between threads (each with its own subject).
 */
public final class DisplayFilter {
    private final String text;
    private final Node root;
    private final boolean needsJourney;

    private DisplayFilter(String text, Node root, boolean needsJourney) {
        this.text = text;
        this.root = root;
        this.needsJourney = needsJourney;
    }

    /** Compiles {@code text}; a bad filter throws with the position of the bad token. */
    public static DisplayFilter compile(String text) throws FilterException {
        if (text == null || text.isBlank()) {
            throw new FilterException("the filter is empty", 0, 1);
        }
        Parser p = new Parser(Lexer.tokens(text));
        Node root = p.or();
        Token rest = p.peek();
        if (rest.kind() != Kind.END) {
            throw new FilterException("expected && or || before '" + rest.text() + "'", rest.position(), rest.length());
        }
        return new DisplayFilter(text, root, p.usesJourney);
    }

    public boolean test(Subject s) {
        return root.test(s);
    }

    /** The text it was compiled from. */
    public String text() {
        return text;
    }

    /** True when it names a journey's field ({@code silk.verdict}, {@code silk.app} ...), which frames alone never have. */
    public boolean needsJourney() {
        return needsJourney;
    }

    @Override
    public String toString() {
        return text;
    }

    private static final class Parser {
        private final List<Token> tokens;
        private int at;
        boolean usesJourney;

        Parser(List<Token> tokens) {
            this.tokens = tokens;
        }

        Token peek() {
            return tokens.get(at);
        }

        private Token next() {
            return tokens.get(at++);
        }

        Node or() throws FilterException {
            Node left = and();
            while (peek().is("||") || peek().is("or")) {
                next();
                left = new Node.Or(left, and());
            }
            return left;
        }

        private Node and() throws FilterException {
            Node left = not();
            while (peek().is("&&") || peek().is("and")) {
                next();
                left = new Node.And(left, not());
            }
            return left;
        }

        private Node not() throws FilterException {
            Token t = peek();
            if (t.is("!") || t.is("not")) {
                next();
                return new Node.Not(not());
            }
            if (t.kind() == Kind.LPAREN) {
                next();
                Node inside = or();
                Token close = next();
                if (close.kind() != Kind.RPAREN) {
                    throw new FilterException(close.kind() == Kind.END ? "a ')' is missing" : "expected ')' here, not '" + close.text() + "'",
                            close.position(), close.length());
                }
                return inside;
            }
            return test();
        }

        private Node test() throws FilterException {
            Token name = next();
            if (name.kind() != Kind.WORD) {
                throw new FilterException(name.kind() == Kind.END ? "the filter ends too soon: a field is missing"
                        : "expected a field name here, not '" + name.text() + "'", name.position(), name.length());
            }
            FilterField field = SilkFields.field(name.text());
            if (field == null) {
                throw new FilterException("'" + name.text() + "' is not a field" + suggestion(name.text()), name.position(), name.length());
            }
            usesJourney |= field.ofJourney();
            long mask = 0;
            if (peek().is("&")) {
                Token amp = next();
                if (field.type() != FilterField.Type.UINT) {
                    throw new FilterException("'&' takes a number field; " + field.name() + " is not one", amp.position(), amp.length());
                }
                Token m = next();
                mask = number(m, field);
                if (mask == 0) {
                    throw new FilterException("a mask of 0 matches nothing", m.position(), m.length());
                }
            }
            Token t = peek();
            Node.Op op = relation(t);
            if (op == null) {
                if (mask != 0) {
                    return new Node.Numbers(field, Node.Op.BITS, mask, new long[0], new long[0]);
                }
                return new Node.Present(field);
            }
            next();
            if (field.type() == FilterField.Type.PROTOCOL) {
                throw new FilterException(field.name() + " is a protocol: name it alone to test that it is there", t.position(), t.length());
            }
            boolean ordering = op == Node.Op.LT || op == Node.Op.LE || op == Node.Op.GT || op == Node.Op.GE;
            if (ordering && (field.type() == FilterField.Type.ENUM || field.type() == FilterField.Type.BOOL)) {
                throw new FilterException(field.name() + " can only be compared with ==, != or in", t.position(), t.length());
            }
            if (t.is("in")) {
                return set(field, mask);
            }
            if (t.is("contains")) {
                Token v = next();
                if (field.type() != FilterField.Type.TEXT) {
                    throw new FilterException("contains takes a text field; " + field.name() + " is not one", t.position(), t.length());
                }
                return new Node.Texts(field, Node.Op.CONTAINS, new String[] {text(v)});
            }
            Token v = next();
            if (field.type() == FilterField.Type.TEXT) {
                return new Node.Texts(field, op, new String[] {text(v)});
            }
            long[] range = range(v, field, mask);
            return new Node.Numbers(field, op, mask, new long[] {range[0]}, new long[] {range[1]});
        }

        private Node set(FilterField field, long mask) throws FilterException {
            Token open = next();
            if (open.kind() != Kind.LBRACE) {
                throw new FilterException("expected '{' after in", open.position(), open.length());
            }
            List<long[]> ranges = new ArrayList<>();
            List<String> texts = new ArrayList<>();
            while (true) {
                Token v = next();
                if (v.kind() == Kind.RBRACE) {
                    if (ranges.isEmpty() && texts.isEmpty()) {
                        throw new FilterException("the set is empty", v.position(), v.length());
                    }
                    break;
                }
                if (v.kind() == Kind.COMMA) {
                    continue;
                }
                if (v.kind() == Kind.END) {
                    throw new FilterException("a '}' is missing", v.position(), v.length());
                }
                if (field.type() == FilterField.Type.TEXT) {
                    texts.add(text(v));
                    continue;
                }
                int dots = v.kind() == Kind.WORD ? v.text().indexOf("..") : -1;
                if (dots > 0) {
                    Token a = new Token(Kind.WORD, v.text().substring(0, dots), v.position(), dots);
                    Token b = new Token(Kind.WORD, v.text().substring(dots + 2), v.position() + dots + 2, v.length() - dots - 2);
                    long lo = range(a, field, mask)[0];
                    long hi = range(b, field, mask)[1];
                    if (hi < lo) {
                        throw new FilterException("the range runs backwards", v.position(), v.length());
                    }
                    ranges.add(new long[] {lo, hi});
                } else {
                    ranges.add(range(v, field, mask));
                }
            }
            if (field.type() == FilterField.Type.TEXT) {
                return new Node.Texts(field, Node.Op.EQ, texts.toArray(new String[0]));
            }
            long[] lo = new long[ranges.size()];
            long[] hi = new long[ranges.size()];
            for (int i = 0; i < lo.length; i++) {
                lo[i] = ranges.get(i)[0];
                hi[i] = ranges.get(i)[1];
            }
            return new Node.Numbers(field, Node.Op.EQ, mask, lo, hi);
        }

        private static Node.Op relation(Token t) {
            if (t.kind() != Kind.OP && t.kind() != Kind.WORD) {
                return null;
            }
            return switch (t.text()) {
                case "==", "eq", "in" -> Node.Op.EQ;
                case "!=", "ne" -> Node.Op.NE;
                case "~=", "any_ne" -> Node.Op.ANY_NE;
                case "<", "lt" -> Node.Op.LT;
                case "<=", "le" -> Node.Op.LE;
                case ">", "gt" -> Node.Op.GT;
                case ">=", "ge" -> Node.Op.GE;
                case "contains" -> Node.Op.CONTAINS;
                default -> null;
            };
        }

        /** A literal as the inclusive range of values it stands for (one value, or a prefix's addresses). */
        private long[] range(Token v, FilterField field, long mask) throws FilterException {
            if (v.kind() == Kind.END) {
                throw new FilterException("the filter ends too soon: a value is missing", v.position(), v.length());
            }
            if (v.kind() != Kind.WORD && !(v.kind() == Kind.STRING && field.type() == FilterField.Type.ENUM)) {
                throw new FilterException("expected a value for " + field.name() + " here, not '" + v.text() + "'",
                        v.position(), v.length());
            }
            return switch (field.type()) {
                case UINT -> {
                    long n = number(v, field);
                    yield new long[] {n, n};
                }
                case BOOL -> {
                    long b = bool(v, field);
                    yield new long[] {b, b};
                }
                case IPV4 -> ipv4(v);
                case MAC -> {
                    long m = mac(v);
                    yield new long[] {m, m};
                }
                case ENUM -> {
                    int i = field.words().indexOf(v.text().toLowerCase(Locale.ROOT));
                    if (i < 0) {
                        throw new FilterException("'" + v.text() + "' is not a value of " + field.name() + " (" + String.join(", ", field.words()) + ")",
                                v.position(), v.length());
                    }
                    yield new long[] {i, i};
                }
                case TEXT, PROTOCOL -> throw new IllegalStateException(field.type().toString());
            };
        }

        private static long number(Token v, FilterField field) throws FilterException {
            String s = v.text();
            try {
                if (v.kind() == Kind.WORD && !s.isEmpty()) {
                    if (s.startsWith("0x") || s.startsWith("0X")) {
                        return Long.parseLong(s.substring(2), 16);
                    }
                    if (s.length() > 1 && s.charAt(0) == '0') {
                        return Long.parseLong(s.substring(1), 8);
                    }
                    return Long.parseLong(s);
                }
            } catch (NumberFormatException e) {
                // reported below
            }
            throw new FilterException("'" + s + "' is not a number (" + field.name() + " is one: 80, 0x50)", v.position(), v.length());
        }

        private static long bool(Token v, FilterField field) throws FilterException {
            switch (v.text().toLowerCase(Locale.ROOT)) {
                case "1", "true" -> {
                    return 1;
                }
                case "0", "false" -> {
                    return 0;
                }
                default -> throw new FilterException("'" + v.text() + "' is not a flag value (" + field.name() + " is 0 or 1, False or True)",
                        v.position(), v.length());
            }
        }

        private static long[] ipv4(Token v) throws FilterException {
            String s = v.text();
            int slash = s.indexOf('/');
            String addr = slash < 0 ? s : s.substring(0, slash);
            String[] parts = addr.split("\\.", -1);
            long ip = 0;
            boolean ok = parts.length == 4;
            for (int i = 0; ok && i < 4; i++) {
                ok = parts[i].matches("[0-9]{1,3}") && Integer.parseInt(parts[i]) <= 255;
                if (ok) {
                    ip = ip << 8 | Integer.parseInt(parts[i]);
                }
            }
            if (!ok) {
                throw new FilterException("'" + s + "' is not an IPv4 address (e.g. 10.255.2.7 or 10.255.0.0/16)", v.position(), v.length());
            }
            int bits = 32;
            if (slash >= 0) {
                String p = s.substring(slash + 1);
                if (!p.matches("[0-9]{1,2}") || Integer.parseInt(p) > 32) {
                    throw new FilterException("'/" + p + "' is not a prefix length (0-32)", v.position() + slash, p.length() + 1);
                }
                bits = Integer.parseInt(p);
            }
            long hostBits = bits == 32 ? 0 : (1L << (32 - bits)) - 1;
            long net = ip & ~hostBits & 0xffffffffL;
            return new long[] {net, net | hostBits};
        }

        private static long mac(Token v) throws FilterException {
            String[] parts = v.text().split("[:.-]", -1);
            long m = 0;
            boolean ok = parts.length == 6;
            for (int i = 0; ok && i < 6; i++) {
                ok = parts[i].matches("[0-9a-fA-F]{2}");
                if (ok) {
                    m = m << 8 | Integer.parseInt(parts[i], 16);
                }
            }
            if (!ok) {
                throw new FilterException("'" + v.text() + "' is not a MAC address (e.g. ee:ee:0a:ff:01:02)", v.position(), v.length());
            }
            return m;
        }

        private static String text(Token v) throws FilterException {
            if (v.kind() == Kind.STRING || v.kind() == Kind.WORD) {
                return v.text();
            }
            throw new FilterException(v.kind() == Kind.END ? "the filter ends too soon: a value is missing"
                    : "expected a string here, not '" + v.text() + "'", v.position(), v.length());
        }

        /** ", did you mean ip.src?" for a name one or two edits from a field's, else "". */
        private static String suggestion(String name) {
            String best = null;
            int bestDistance = 3;
            for (String candidate : SilkFields.all().keySet()) {
                int d = distance(name, candidate, bestDistance);
                if (d < bestDistance) {
                    bestDistance = d;
                    best = candidate;
                }
            }
            return best == null ? "" : " (did you mean " + best + "?)";
        }

        private static int distance(String a, String b, int limit) {
            if (Math.abs(a.length() - b.length()) >= limit) {
                return limit;
            }
            int[] prev = new int[b.length() + 1];
            int[] cur = new int[b.length() + 1];
            for (int j = 0; j <= b.length(); j++) {
                prev[j] = j;
            }
            for (int i = 1; i <= a.length(); i++) {
                cur[0] = i;
                for (int j = 1; j <= b.length(); j++) {
                    int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                    cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
                }
                int[] t = prev;
                prev = cur;
                cur = t;
            }
            return prev[b.length()];
        }
    }
}
