package dev.silkscreen.filter;

import java.util.ArrayList;
import java.util.List;

/** Splits a display filter into tokens, each with its position in the text. */
final class Lexer {
    enum Kind { WORD, STRING, OP, LPAREN, RPAREN, LBRACE, RBRACE, COMMA, END }

    /** One token: its kind, its text (a string's without the quotes and escapes), where it starts and its length. */
    record Token(Kind kind, String text, int position, int length) {
        boolean is(String op) {
            return (kind == Kind.OP || kind == Kind.WORD) && text.equals(op);
        }
    }

    private static final String[] OPS = {"==", "!=", "~=", "<=", ">=", "&&", "||", "<", ">", "!", "&"};

    private Lexer() {
    }

    static List<Token> tokens(String text) throws FilterException {
        List<Token> out = new ArrayList<>();
        int i = 0;
        int n = text.length();
        while (i < n) {
            char c = text.charAt(i);
            if (Character.isWhitespace(c)) {
                i++;
                continue;
            }
            switch (c) {
                case '(' -> out.add(new Token(Kind.LPAREN, "(", i++, 1));
                case ')' -> out.add(new Token(Kind.RPAREN, ")", i++, 1));
                case '{' -> out.add(new Token(Kind.LBRACE, "{", i++, 1));
                case '}' -> out.add(new Token(Kind.RBRACE, "}", i++, 1));
                case ',' -> out.add(new Token(Kind.COMMA, ",", i++, 1));
                case '"' -> i = string(text, i, out);
                default -> {
                    String op = operator(text, i);
                    if (op != null) {
                        out.add(new Token(Kind.OP, op, i, op.length()));
                        i += op.length();
                    } else if (isWordChar(c)) {
                        int start = i;
                        while (i < n && isWordChar(text.charAt(i))) {
                            i++;
                        }
                        out.add(new Token(Kind.WORD, text.substring(start, i), start, i - start));
                    } else {
                        throw new FilterException("unexpected character '" + c + "'", i, 1);
                    }
                }
            }
        }
        out.add(new Token(Kind.END, "", n, 1));
        return out;
    }

    private static String operator(String text, int i) {
        for (String op : OPS) {
            if (text.startsWith(op, i)) {
                return op;
            }
        }
        return null;
    }

    /** Field names and literals: letters, digits and {@code _ . : - /} (addresses, prefixes, {@code in-flight}). */
    private static boolean isWordChar(char c) {
        return Character.isLetterOrDigit(c) || c == '_' || c == '.' || c == ':' || c == '-' || c == '/';
    }

    private static int string(String text, int start, List<Token> out) throws FilterException {
        StringBuilder sb = new StringBuilder();
        int i = start + 1;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (c == '"') {
                out.add(new Token(Kind.STRING, sb.toString(), start, i + 1 - start));
                return i + 1;
            }
            if (c == '\\' && i + 1 < text.length()) {
                i++;
                c = text.charAt(i);
            }
            sb.append(c);
            i++;
        }
        throw new FilterException("the string is not closed: a '\"' is missing", start, text.length() - start);
    }
}
