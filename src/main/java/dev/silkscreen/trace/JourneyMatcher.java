package dev.silkscreen.trace;

import dev.silkscreen.decode.DecodedFrame;
import dev.silkscreen.model.Frame;
import dev.silkscreen.model.PointKind;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Journey matching: each sighting of an overlay packet joins the open journey of the same packet
 * (same flow and place in it, see {@link FlowTrack}) or starts a new one; downstream segments of
 * one TCP offload frame seen before it are folded into one journey; sightings at a NIC and at
 * another point of the same cell teach the topology which outer address is the cell's own.
 */
final class JourneyMatcher {
    private final Topology topo;
    /** Whether sightings keep their whole frames or only their headers ({@link TraceSettings#keepFrames}). */
    private final boolean keepFrames;
    private final DecidedPackets decided;
    /** Open journeys in order of first sighting: where new ones go (the correlator decides from its head). */
    private final ArrayDeque<OpenJourney> order;
    private final Map<FlowKey, FlowTrack> flows = new HashMap<>();
    private final List<OpenJourney> scratch = new ArrayList<>();
    /** The journeys the last {@link #match} added its sighting to (for early verdicts). */
    private final List<OpenJourney> touched = new ArrayList<>(4);
    private long nextId = 1;
    /** Journeys folded into an older one by {@link #mergeUnderUpstreamFrame}. */
    private long absorbed;
    /** Frames of already decided packets, come late (a stream's backlog): they start no journey. */
    private long lateSightings;

    JourneyMatcher(Topology topo, DecidedPackets decided, ArrayDeque<OpenJourney> order, boolean keepFrames) {
        this.topo = topo;
        this.keepFrames = keepFrames;
        this.decided = decided;
        this.order = order;
    }

    /**
     * Adds the sighting of the overlay packet in {@code d}, named by {@code packet}, to its journey:
     * the open one of its flow at the same place (or, for a TCP offload frame, the ones it covers),
     * else a new one; a frame of a packet already decided (a lagging stream's backlog) starts none.
     */
    void match(PointState ps, Frame frame, DecodedFrame d, PacketKey packet, long corrected) {
        int proto = d.ipProto;
        FlowKey key = packet.flow;
        long lo = packet.lo;
        long hi = packet.hi;
        long ack = packet.ack;
        touched.clear();
        FlowTrack track = flows.get(key);
        OpenJourney j = track == null ? null : track.exact(lo, hi, d.ipId, ack, ps);
        if (j == null && !(proto == FlowKey.TCP && hi - lo > 1 && track != null && track.hasOverlapping(lo, hi, d.ipId, ps))
                && decided.matches(key, lo, hi, d.ipId, ack, ps, corrected)) {
            lateSightings++;
            return;
        }
        if (track == null) {
            track = new FlowTrack(key);
            flows.put(key, track);
        }
        Sighting s = new Sighting(ps, frame.timeNanos(), keepFrames ? frame : headersOf(frame), d.encapsulated, d.outerSrc,
                d.outerDst, d.gbp, lo, hi, d.ipId);
        if (d.encapsulated) {
            s.innerDstMac = d.dstMac;
        }
        if (j != null) {
            if (j.hi == OpenJourney.UNKNOWN_END && hi != OpenJourney.UNKNOWN_END) {
                // First seen cut by a snap length: this frame tells its length and flags.
                track.remove(j);
                j.hi = hi;
                track.add(j);
                j.recount();
                j.summary = Summaries.of(d, Summaries.nextHopMtu(d));
            }
            attach(j, s, corrected);
            return;
        }
        if (proto == FlowKey.TCP && hi - lo > 1) {
            scratch.clear();
            track.overlapping(lo, hi, d.ipId, ps, scratch);
            if (!scratch.isEmpty()) {
                if (!mergeUnderUpstreamFrame(track, s, corrected)) {
                    for (OpenJourney o : scratch) {
                        attach(o, s, corrected);
                    }
                }
                return;
            }
        }
        j = new OpenJourney(nextId++, key, track, Summaries.of(d, Summaries.nextHopMtu(d)), lo, hi, d.ipId, ack);
        track.add(j);
        order.addLast(j);
        attach(j, s, corrected);
    }

    /**
     * Downstream segments can arrive before the upstream offload frame that carried them all (the
     * cells' clocks differ, captures come in bursts): each then started a journey of its own. When
     * a frame covers several such journeys and was seen before every sighting of theirs on the
     * path, they were one packet: the oldest journey takes the frame's range and the others' sightings.
     */
    private boolean mergeUnderUpstreamFrame(FlowTrack track, Sighting s, long corrected) {
        if (scratch.size() < 2) {
            return false;
        }
        int stage = topo.stageAt(s.point, s.encapsulated, s.outerSrc, s.outerDst, track.key.src(), track.key.dst());
        if (stage == 0) {
            return false;
        }
        for (OpenJourney o : scratch) {
            if (o.lo < s.lo || o.hi > s.hi) {
                return false;
            }
            for (Sighting x : o.sightings) {
                int xs = topo.stageAt(x.point, x.encapsulated, x.outerSrc, x.outerDst, track.key.src(), track.key.dst());
                if (xs == 0 || xs <= stage) {
                    return false;
                }
            }
        }
        OpenJourney keep = scratch.get(0);
        for (OpenJourney o : scratch) {
            if (o.id < keep.id) {
                keep = o;
            }
        }
        for (OpenJourney o : scratch) {
            if (o != keep) {
                for (Sighting x : o.sightings) {
                    attach(keep, x, o.lastCorrected);
                }
                o.absorbed = true;
                track.remove(o);
                absorbed++;
            }
        }
        long oldLo = keep.lo;
        keep.lo = s.lo;
        keep.hi = s.hi;
        track.reindex(keep, oldLo);
        keep.recount();
        attach(keep, s, corrected);
        return true;
    }

    private void attach(OpenJourney j, Sighting s, long corrected) {
        touched.add(j);
        // A point's first sighting of the journey teaches what later ones there would (the others
        // are offload segments of the same packet): one pass over the sightings per point, not per frame.
        if (s.point.kind != PointKind.CONTAINER_VETH && !j.seenAt(s.point)) {
            learnDirection(j, s);
        }
        j.add(s);
        if (corrected > j.lastCorrected || j.sightings.size() == 1) {
            j.lastCorrected = corrected;
        }
    }

    /**
     * One packet seen at a cell's NIC and at another point of the same cell (same clock) says
     * which way it went there, so which outer address is the cell's own: after the container
     * left or before silk-vtep sent it → leaving (outer source); otherwise arriving.
     */
    private void learnDirection(OpenJourney j, Sighting s) {
        for (int i = 0, n = j.sightings.size(); i < n; i++) {
            Sighting o = j.sightings.get(i);
            if (o.point == s.point || !o.point.cell.equals(s.point.cell) || o.point.kind == s.point.kind) {
                continue;
            }
            Sighting nic = s.point.kind == PointKind.UNDERLAY ? s : o.point.kind == PointKind.UNDERLAY ? o : null;
            Sighting other = nic == s ? o : s;
            if (nic == null || !nic.encapsulated) {
                continue;
            }
            Boolean leaving = null;
            if (other.point.kind == PointKind.CONTAINER_VETH) {
                leaving = other.point.vethIp == j.key.src();
            } else if (other.point.kind == PointKind.VTEP && other.rawNanos != nic.rawNanos) {
                leaving = other.rawNanos < nic.rawNanos;
            }
            if (leaving != null) {
                topo.learnOwnAddress(nic.point, leaving ? nic.outerSrc : nic.outerDst);
                return;
            }
        }
    }


    /** Bytes kept of a frame when the trace keeps headers only: every header down to the inner TCP options. */
    static final int HEADER_BYTES = 256;

    /** The frame cut after its headers (as {@code tcpdump -s 256} would have), its original length kept. */
    private static Frame headersOf(Frame frame) {
        byte[] data = frame.data();
        if (data.length <= HEADER_BYTES) {
            return frame;
        }
        return new Frame(frame.point(), frame.timeNanos(), frame.linkType(), frame.origLen(), java.util.Arrays.copyOf(data, HEADER_BYTES));
    }

    /** A journey decided: its flow forgets it. */
    void forget(OpenJourney j) {
        FlowTrack track = j.track;
        track.remove(j);
        if (track.isEmpty()) {
            flows.remove(track.key);
        }
    }

    /** The journeys the last {@link #match} put its sighting in (empty for a late sighting). */
    List<OpenJourney> touched() {
        return touched;
    }

    /**
     * Adds to {@code out} the open journeys an ICMP error quoting a packet from {@code src} to
     * {@code dst} may answer: of the one flow its ports name (TCP, UDP), else of every flow
     * between the two addresses with that protocol (an ICMP echo's identifier is not quoted); of
     * those, only the ones with the quoted IP ID whose range holds the quoted TCP sequence.
     */
    void openOf(int src, int dst, int proto, int sport, int dport, int ipId, long seq, List<OpenJourney> out) {
        if (proto == FlowKey.TCP || proto == FlowKey.UDP) {
            FlowTrack t = flows.get(new FlowKey(src, dst, proto, sport, dport));
            if (t != null) {
                t.collectAnswering(ipId, proto == FlowKey.TCP ? seq : -1, out);
            }
            return;
        }
        for (FlowTrack t : flows.values()) {
            FlowKey k = t.key;
            if (k.src() == src && k.dst() == dst && k.proto() == proto) {
                t.collectAnswering(ipId, -1, out);
            }
        }
    }

    /** Journeys started and not folded into another. */
    long journeys() {
        return nextId - 1 - absorbed;
    }

    long lateSightings() {
        return lateSightings;
    }
}
