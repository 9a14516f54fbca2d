package dev.silkscreen.model;

/**
 * The eight TCP flags, written once: wire bit, the name people read ({@code SYN}), the letter in
 * wire-bit order ({@code S}, as the JSON {@code tcp_flags} key shows them), tcpdump's letter
 * ({@code .} for ACK, {@code W} for CWR) and the suffix of Wireshark's field
 * ({@code tcp.flags.syn}). Declared in wire-bit order: FIN is 0x01, CWR 0x80.
 */
public enum TcpFlag {
    FIN(0x01, "FIN", 'F', 'F', "fin", true),
    SYN(0x02, "SYN", 'S', 'S', "syn", true),
    RST(0x04, "RST", 'R', 'R', "reset", true),
    PSH(0x08, "PSH", 'P', 'P', "push", true),
    ACK(0x10, "ACK", 'A', '.', "ack", true),
    URG(0x20, "URG", 'U', 'U', "urg", false),
    ECE(0x40, "ECE", 'E', 'E', "ece", false),
    CWR(0x80, "CWR", 'C', 'W', "cwr", false);

    /** tcpdump's order: S F R P U E W, then '.' for ACK; journey summaries read in the same order. */
    private static final TcpFlag[] TCPDUMP_ORDER = {SYN, FIN, RST, PSH, URG, ECE, CWR, ACK};
    private static final TcpFlag[] WIRE_ORDER = values();

    private final int bit;
    private final String label;
    private final char letter;
    private final char tcpdumpLetter;
    private final String filterSuffix;
    private final boolean inSummary;

    TcpFlag(int bit, String label, char letter, char tcpdumpLetter, String filterSuffix, boolean inSummary) {
        this.bit = bit;
        this.label = label;
        this.letter = letter;
        this.tcpdumpLetter = tcpdumpLetter;
        this.filterSuffix = filterSuffix;
        this.inSummary = inSummary;
    }

    public int bit() {
        return bit;
    }

    /** {@code SYN}, {@code ACK} ... */
    public String label() {
        return label;
    }

    /** The last part of Wireshark's field name: {@code tcp.flags.}{@code syn}. */
    public String filterSuffix() {
        return filterSuffix;
    }

    public boolean isSet(int flags) {
        return (flags & bit) != 0;
    }

    /** Letters in wire-bit order ({@code F S R P A U E C}): a SYN-ACK reads {@code SA}. */
    public static StringBuilder letters(int flags, StringBuilder sb) {
        for (TcpFlag f : WIRE_ORDER) {
            if (f.isSet(flags)) {
                sb.append(f.letter);
            }
        }
        return sb;
    }

    /** tcpdump's letters ({@code S F R P U E W}, {@code .} for ACK); {@code none} when no flag is set. */
    public static StringBuilder tcpdumpLetters(int flags, StringBuilder sb) {
        int start = sb.length();
        for (TcpFlag f : TCPDUMP_ORDER) {
            if (f.isSet(flags)) {
                sb.append(f.tcpdumpLetter);
            }
        }
        if (sb.length() == start) {
            sb.append("none");
        }
        return sb;
    }

    /** Every set flag's name in wire-bit order, joined by {@code separator}; {@code none} when none is set. */
    public static String labels(int flags, String separator) {
        StringBuilder sb = new StringBuilder();
        for (TcpFlag f : WIRE_ORDER) {
            if (f.isSet(flags)) {
                sb.append(sb.length() == 0 ? "" : separator).append(f.label);
            }
        }
        return sb.length() == 0 ? "none" : sb.toString();
    }

    /**
     * A journey's description of a TCP segment: {@code TCP SYN}, {@code TCP PSH-ACK 312 bytes}
     * (SYN, FIN, RST, PSH and ACK, in tcpdump's order).
     */
    public static String summary(int flags, int payloadBytes) {
        StringBuilder sb = new StringBuilder("TCP ");
        String sep = "";
        for (TcpFlag f : TCPDUMP_ORDER) {
            if (f.inSummary && f.isSet(flags)) {
                sb.append(sep).append(f.label);
                sep = "-";
            }
        }
        if (payloadBytes > 0) {
            sb.append(' ').append(payloadBytes).append(" bytes");
        }
        return sb.toString();
    }
}
