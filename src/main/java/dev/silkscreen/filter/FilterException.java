package dev.silkscreen.filter;

/**
 * A display filter that cannot be compiled: what is wrong, and where (a 0-based character
 * position and the length of the bad token), so a command line can name the column and the
 * desktop program can draw the message under the token.
 */
public final class FilterException extends Exception {
    private static final long serialVersionUID = 1L;
    private final int position;
    private final int length;
    private final String problem;

    FilterException(String problem, int position, int length) {
        super("column " + (position + 1) + ": " + problem);
        this.problem = problem;
        this.position = position;
        this.length = Math.max(1, length);
    }

    /** 0-based index of the first character of the bad token (the text's length when it ended too soon). */
    public int position() {
        return position;
    }

    /** Characters of the bad token, at least 1. */
    public int length() {
        return length;
    }

    /** What is wrong, without the position. */
    public String problem() {
        return problem;
    }
}
