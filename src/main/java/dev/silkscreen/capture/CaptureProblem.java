package dev.silkscreen.capture;

/**
 * Why reading a capture stopped before a clean end, as a value with a message a person
 * understands. Frames read before the problem were already handed to the sink.
 *
 * @param kind    what went wrong
 * @param message one line, without the file name (callers prefix it)
 * @param offset  byte offset in the stream where the problem starts
 */
public record CaptureProblem(Kind kind, String message, long offset) {

    /** The kinds of problem, from worst to mildest. */
    public enum Kind {
        /** The bytes do not start like a pcap or pcapng file (or there are none). */
        NOT_A_CAPTURE,
        /** A capture file whose structure breaks further on (bad block length, unknown interface...). */
        CORRUPT,
        /** The input ended inside a header or record: a file still being written, or cut. */
        CUT_SHORT
    }

    static CaptureProblem notACapture(long offset) {
        return new CaptureProblem(Kind.NOT_A_CAPTURE, "not a pcap or pcapng file", offset);
    }

    static CaptureProblem corrupt(String what, long offset) {
        return new CaptureProblem(Kind.CORRUPT, "corrupt capture at byte " + offset + ": " + what, offset);
    }

    static CaptureProblem cutShort(String what, long offset) {
        return new CaptureProblem(Kind.CUT_SHORT, "cut short: " + what, offset);
    }
}
