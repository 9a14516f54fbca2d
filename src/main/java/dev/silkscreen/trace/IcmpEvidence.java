package dev.silkscreen.trace;

import dev.silkscreen.model.IcmpMessage;

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

    /** The same error seen again at another point (same sender, kind and quoted packet). */
    boolean sameError(IcmpEvidence o) {
        return type == o.type && code == o.code && from == o.from && quotedIpId == o.quotedIpId
                && quotedSeq == o.quotedSeq && quotedSport == o.quotedSport && quotedDport == o.quotedDport;
    }

    boolean isReject() {
        return IcmpMessage.isRejection(type, code);
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
        return "ICMP " + IcmpMessage.describe(type, code, mtu);
    }
}
