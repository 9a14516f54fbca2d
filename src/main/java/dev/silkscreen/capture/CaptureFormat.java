package dev.silkscreen.capture;

/** The container format of a capture, known once its first bytes are read. */
public enum CaptureFormat {
    /** Not known yet (fewer than 4 bytes read) or not a capture. */
    UNKNOWN,
    /** libpcap format (https://www.tcpdump.org/manpages/pcap-savefile.5.html). */
    PCAP,
    /** pcapng (IETF draft-ietf-opsawg-pcapng). */
    PCAPNG
}
