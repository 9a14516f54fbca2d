package dev.silkscreen.filter;

/** A compiled part of a display filter: tests one subject, allocating nothing. */
interface Node {
    boolean test(Subject s);

    record And(Node a, Node b) implements Node {
        @Override
        public boolean test(Subject s) {
            return a.test(s) && b.test(s);
        }
    }

    record Or(Node a, Node b) implements Node {
        @Override
        public boolean test(Subject s) {
            return a.test(s) || b.test(s);
        }
    }

    record Not(Node a) implements Node {
        @Override
        public boolean test(Subject s) {
            return !a.test(s);
        }
    }

    /** {@code tcp}, {@code vxlan.gbp}: some occurrence of the field is there. */
    record Present(FilterField field) implements Node {
        @Override
        public boolean test(Subject s) {
            return field.present(s);
        }
    }

    /** How a comparison treats a field that occurs more than once (Wireshark 4's rules). */
    enum Op {
        /** {@code ==}, {@code in}: some occurrence matches. */
        EQ,
        /** {@code !=}: there is an occurrence, and none matches. */
        NE,
        /** {@code ~=}: some occurrence does not match. */
        ANY_NE,
        LT, LE, GT, GE,
        /** {@code contains} (text). */
        CONTAINS,
        /** {@code field & mask} on its own: some occurrence has one of the bits. */
        BITS
    }

    /**
     * A number (address, flag, word of an enum) against a set of inclusive ranges: a value is one
     * range, a prefix {@code 10.255.0.0/16} another. {@code mask} (0: none) is and-ed in first.
     */
    record Numbers(FilterField field, Op op, long mask, long[] lo, long[] hi) implements Node {
        @Override
        public boolean test(Subject s) {
            int n = field.occurrences();
            boolean seen = false;
            for (int i = 0; i < n; i++) {
                long v = field.value(s, i);
                if (v == FilterField.ABSENT) {
                    continue;
                }
                if (mask != 0) {
                    v &= mask;
                }
                seen = true;
                if (op == Op.NE) {
                    if (inSet(v)) {
                        return false;
                    }
                    continue;
                }
                boolean hit = switch (op) {
                    case EQ -> inSet(v);
                    case ANY_NE -> !inSet(v);
                    case LT -> v < lo[0];
                    case LE -> v <= hi[0];
                    case GT -> v > hi[0];
                    case GE -> v >= lo[0];
                    case BITS -> v != 0;
                    case NE, CONTAINS -> false;
                };
                if (hit) {
                    return true;
                }
            }
            return op == Op.NE && seen;
        }

        private boolean inSet(long v) {
            for (int k = 0; k < lo.length; k++) {
                if (v >= lo[k] && v <= hi[k]) {
                    return true;
                }
            }
            return false;
        }
    }

    /** Text against a set of strings (or one, for {@code contains} and the orderings). */
    record Texts(FilterField field, Op op, String[] values) implements Node {
        @Override
        public boolean test(Subject s) {
            int n = field.occurrences();
            boolean seen = false;
            for (int i = 0; i < n; i++) {
                String v = field.text(s, i);
                if (v == null) {
                    continue;
                }
                seen = true;
                boolean in = contains(v);
                if (op == Op.NE) {
                    if (in) {
                        return false;
                    }
                    continue;
                }
                boolean hit = switch (op) {
                    case EQ -> in;
                    case ANY_NE -> !in;
                    case CONTAINS -> v.contains(values[0]);
                    case LT -> v.compareTo(values[0]) < 0;
                    case LE -> v.compareTo(values[0]) <= 0;
                    case GT -> v.compareTo(values[0]) > 0;
                    case GE -> v.compareTo(values[0]) >= 0;
                    case NE, BITS -> false;
                };
                if (hit) {
                    return true;
                }
            }
            return op == Op.NE && seen;
        }

        private boolean contains(String v) {
            for (String x : values) {
                if (x.equals(v)) {
                    return true;
                }
            }
            return false;
        }
    }
}
