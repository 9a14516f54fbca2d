package dev.silkscreen.capture;

/**
 * One container format's records, parsed from bytes at hand. Implemented by {@link PcapRecords}
 * and {@link PcapngBlocks}; driven by {@link CaptureStreamParser}, which keeps the bytes of a
 * record split across feeds until it is whole.
 */
interface RecordParser {

    /**
     * Parses the record (file header, pcap record or pcapng block) starting at {@code off}.
     *
     * @return bytes consumed; 0 when the record is not whole yet; -1 after reporting a problem
     */
    int parseOne(byte[] b, int off, int end);

    /** What was left incomplete when the input ended with {@code pending} bytes unparsed. */
    String describeIncomplete(int pending);
}
