package dev.silkscreen.trace;

import java.util.ArrayList;
import java.util.List;

/**
 * A journey still collecting sightings. Its identity is its flow, its sequence range
 * {@code [lo, hi)} (TCP bytes with SYN/FIN counted; an echo sequence number or an IP ID for other
 * protocols, with {@code lo == hi}) and its IP ID. Offloaded frames that cover part of the range,
 * or several journeys' ranges at once, attach to every journey they overlap.
 */
final class OpenJourney {
    /** {@link #hi} of a TCP journey first seen in a frame cut before its flags: length not known yet. */
    static final long UNKNOWN_END = -1;

    final long id;
    final FlowKey key;
    final FlowTrack track;
    String summary;
    long lo;
    long hi;
    final int ipId;
    final long ack;
    final List<Sighting> sightings = new ArrayList<>(6);
    /** Key of this journey in its flow's index. */
    long indexKey;
    /** Merged into another journey (an upstream offload frame showed they were one packet): skip it. */
    boolean absorbed;
    /** Decided before its window closed ({@link EarlyVerdicts}): already in the store, skip it. */
    boolean settled;
    /** Already gave its clock sample (see {@link Judge#teachAhead}). */
    boolean taught;
    /** Last sighting on the corrected clock, for expiry. */
    long lastCorrected;

    OpenJourney(long id, FlowKey key, FlowTrack track, String summary, long lo, long hi, int ipId, long ack) {
        this.id = id;
        this.key = key;
        this.track = track;
        this.summary = summary;
        this.lo = lo;
        this.hi = hi;
        this.ipId = ipId;
        this.ack = ack;
    }

    boolean ranged() {
        return hi > lo;
    }

    boolean seenAt(PointState p) {
        for (int i = 0, n = sightings.size(); i < n; i++) {
            if (sightings.get(i).point == p) {
                return true;
            }
        }
        return false;
    }

    /** Bytes of this journey's range already covered by frames at {@code p}. */
    long coveredAt(PointState p) {
        long covered = 0;
        for (int i = 0, n = sightings.size(); i < n; i++) {
            Sighting s = sightings.get(i);
            if (s.point == p) {
                covered += overlap(s.lo, s.hi);
            }
        }
        return covered;
    }

    long overlap(long a, long b) {
        return Math.max(0, Math.min(hi, b) - Math.max(lo, a));
    }
}
