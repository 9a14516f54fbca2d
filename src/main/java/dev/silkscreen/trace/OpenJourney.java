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
    /** Merged into another journey (an upstream offload frame showed they were one packet): skip it. */
    boolean absorbed;
    /** Decided before its window closed ({@link EarlyVerdicts}): already in the store, skip it. */
    boolean settled;
    /** Already gave its clock sample (see {@link Judge#teachAhead}). */
    boolean taught;
    /** Last sighting on the corrected clock, for expiry. */
    long lastCorrected;
    /** The points that saw it and the bytes of its range each covered ({@link #add}). */
    private PointState[] tallyPoints = new PointState[4];
    private long[] tallyCovered = new long[4];
    private int tallied;

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

    /**
     * Adds a sighting and keeps the per-point tally up to date, so {@link #seenAt} and
     * {@link #coveredAt} cost the number of points that saw the journey, not its sightings (an
     * offload frame split into thousands of small segments must not make each next one slower).
     * @return true when this is the journey's first sighting at that point
     */
    boolean add(Sighting s) {
        sightings.add(s);
        PointState p = s.point;
        long part = overlap(s.lo, s.hi);
        for (int i = 0; i < tallied; i++) {
            if (tallyPoints[i] == p) {
                tallyCovered[i] += part;
                return false;
            }
        }
        if (tallied == tallyPoints.length) {
            tallyPoints = java.util.Arrays.copyOf(tallyPoints, tallied * 2);
            tallyCovered = java.util.Arrays.copyOf(tallyCovered, tallied * 2);
        }
        tallyPoints[tallied] = p;
        tallyCovered[tallied++] = part;
        return true;
    }

    /**
     * The range changed (an upstream offload frame showed several journeys were one packet):
     * the bytes each point covered are counted again against the new range.
     */
    void recount() {
        tallied = 0;
        java.util.Arrays.fill(tallyPoints, null);
        List<Sighting> all = new ArrayList<>(sightings);
        sightings.clear();
        for (Sighting s : all) {
            add(s);
        }
    }

    boolean seenAt(PointState p) {
        for (int i = 0; i < tallied; i++) {
            if (tallyPoints[i] == p) {
                return true;
            }
        }
        return false;
    }

    /** Bytes of this journey's range already covered by frames at {@code p}. */
    long coveredAt(PointState p) {
        for (int i = 0; i < tallied; i++) {
            if (tallyPoints[i] == p) {
                return tallyCovered[i];
            }
        }
        return 0;
    }

    /** The points that saw this journey, each once, in order of their first sighting. */
    int points() {
        return tallied;
    }

    PointState point(int i) {
        return tallyPoints[i];
    }

    long overlap(long a, long b) {
        return Math.max(0, Math.min(hi, b) - Math.max(lo, a));
    }
}
