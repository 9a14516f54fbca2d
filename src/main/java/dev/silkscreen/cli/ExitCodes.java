package dev.silkscreen.cli;

/** Exit statuses of the CLI. */
public final class ExitCodes {
    public static final int OK = 0;
    /** The work was done in part: e.g. a capture file cut short (every complete frame was printed). */
    public static final int PARTIAL = 1;
    /** Bad input or usage: a file that is not a capture, an unknown scenario, a bad option. */
    public static final int USAGE = 2;
    /** {@code trace --fail-on-drop}: at least one journey was dropped. */
    public static final int DROPPED = 3;
    /**
     * The Java heap ran out (an input too large for {@code -Xmx}): one line, never a stack trace.
     * Not 1, which means "done in part".
     */
    public static final int OUT_OF_MEMORY = 4;
    /**
     * {@code trace}: finished, but not everything was watched — a cell the live profile names had
     * no point captured (a key file it cannot read, a cell it cannot reach), so what happened there
     * is only inferred. Given with or without {@code --fail-on-drop}, unless a drop already gives 3.
     */
    public static final int NOT_ALL_WATCHED = 5;
    /** A bug: printed as "internal error". */
    public static final int SOFTWARE = 70;

    private ExitCodes() {
    }
}
