package dev.silkscreen.trace;

/**
 * An ICMP error quoting an overlay packet (its IP header and first 8 bytes): who sent it, where it
 * was first seen, and how to find the packet it answers (flow, IP ID, TCP sequence).
 *
 * @param quotedSport quoted source port (TCP/UDP), -1 otherwise
 * @param quotedDport quoted destination port (TCP/UDP), -1 otherwise
 * @param mtu next-hop MTU of a "fragmentation needed", 0 otherwise
 */
record IcmpEvidence(int type, int code, int from, int quotedSport, int quotedDport, int quotedIpId, long quotedSeq, int mtu,
                    PointState seenAt, long correctedNanos) {

    static final int DEST_UNREACHABLE = 3;
    static final int CODE_NET = 0;
    static final int CODE_HOST = 1;
    static final int CODE_PORT = 3;
    static final int CODE_FRAG_NEEDED = 4;
    static final int CODE_ADMIN = 13;

    /** The same error seen again at another point (same sender, kind and quoted packet). */
    boolean sameError(IcmpEvidence o) {
        return type == o.type && code == o.code && from == o.from && quotedIpId == o.quotedIpId
                && quotedSeq == o.quotedSeq && quotedSport == o.quotedSport && quotedDport == o.quotedDport;
    }

    boolean isReject() {
        return type == DEST_UNREACHABLE && (code == CODE_PORT || code == CODE_ADMIN || code == 9 || code == 10);
    }

    boolean isFragNeeded() {
        return type == DEST_UNREACHABLE && code == CODE_FRAG_NEEDED;
    }

    boolean isTimeExceeded() {
        return type == 11;
    }

    boolean isNoRoute() {
        return type == DEST_UNREACHABLE && (code == CODE_NET || code == CODE_HOST);
    }

    String describe() {
        if (type == 11) {
            return "ICMP time exceeded";
        }
        if (type != DEST_UNREACHABLE) {
            return "ICMP type " + type + " code " + code;
        }
        return switch (code) {
            case CODE_NET -> "ICMP net unreachable";
            case CODE_HOST -> "ICMP host unreachable";
            case 2 -> "ICMP protocol unreachable";
            case CODE_PORT -> "ICMP port unreachable";
            case CODE_FRAG_NEEDED -> "ICMP fragmentation needed" + (mtu > 0 ? " (MTU " + mtu + ")" : "");
            case 9, 10, CODE_ADMIN -> "ICMP administratively prohibited";
            default -> "ICMP destination unreachable (code " + code + ")";
        };
    }
}
