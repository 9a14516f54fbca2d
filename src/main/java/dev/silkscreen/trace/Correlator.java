package dev.silkscreen.trace;

import dev.silkscreen.decode.DecodedFrame;
import dev.silkscreen.decode.FrameDecoder;
import dev.silkscreen.model.CapturePoint;
import dev.silkscreen.model.CaptureSink;
import dev.silkscreen.model.Foundation;
import dev.silkscreen.model.Frame;
import dev.silkscreen.model.Journey;
import dev.silkscreen.model.PointKind;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Follows overlay packets through the eleven steps from frames captured at many points on many
 * cells. Frames come from any source (files, the simulator, live streams) through
 * {@link #accept(Frame)}; each is decoded in place, matched to the journey it continues (flow,
 * IP ID, TCP sequence range: see {@link FlowTrack}) or starts a new one. A journey is decided when
 * no sighting has come for the window (on the corrected clock), when too many are open, or at
 * {@link #finish()}; decided journeys go to the {@link JourneyStore} in order of first sighting.
 *
 * <p>The correlator knows only the frames and, optionally, a topology (a {@link Foundation}, as
 * in {@code NAME.topology.json}): never the simulator's ground truth. Single-threaded: call every
 * method from the thread that feeds it; other threads read the store.
 */
public final class Correlator implements CaptureSink {

    private final TraceSettings settings;
    private final JourneyStore store;
    private final Topology topo;
    private final ClockSync clocks = new ClockSync();
    private final Judge judge;
    private final FrameDecoder decoder = new FrameDecoder();
    private final DecodedFrame d = new DecodedFrame();
    /** The flow and place in it of the frame being tracked (reused). */
    private final PacketKey packet = new PacketKey();
    private final Map<FlowKey, FlowTrack> flows = new HashMap<>();
    /** ICMP errors by the (source, destination, protocol) of the packet they quote. */
    private final EvidenceBook evidence = new EvidenceBook();
    private final ArrayDeque<OpenJourney> order = new ArrayDeque<>();
    private final List<OpenJourney> scratch = new ArrayList<>();
    private long watermark = Long.MIN_VALUE;
    /** The live-stream gate: journeys wait for the slowest point still capturing ({@link #advanced}). */
    private final StreamGate gate;
    /** The point of the previous frame: sources deliver runs of frames from one point. */
    private CapturePoint lastPoint;
    private PointState lastPointState;
    private long nextPrune = Long.MIN_VALUE;
    private long nextId = 1;
    private long frames;
    private long overlayFrames;
    private long ignoredFrames;
    private long malformedFrames;
    private long decidedEarly;
    private int warmups;
    private boolean finishing;
    private static final int WARMUPS = 8;
    private static final int WARM_JOURNEYS = 512;
    /** Journeys folded into an older one by {@link #mergeUnderUpstreamFrame}. */
    private long absorbed;
    /** How long past its window a decided journey's identity is kept for late frames: longer than any stream's backlog. */
    private static final long DECIDED_RETAIN_NANOS = 10_000_000_000L;
    private static final int DECIDED_CAPACITY = 65_536;
    private final DecidedPackets decided;
    /** Frames of already decided packets, come late (a stream's backlog): they start no journey. */
    private long lateSightings;

    /**
     * @param topology the foundation from a topology file, or null to infer everything from frames
     * @param store    where decided journeys go
     */
    public Correlator(TraceSettings settings, Foundation topology, JourneyStore store) {
        this.settings = settings;
        this.store = store;
        this.topo = new Topology(topology);
        this.judge = new Judge(topo, clocks);
        this.gate = new StreamGate(topo, clocks);
        this.decided = new DecidedPackets(settings.windowNanos(), Math.max(DECIDED_RETAIN_NANOS, 2 * settings.windowNanos()),
                DECIDED_CAPACITY);
    }

    @Override
    public void opened(CapturePoint point, long startNanos) {
        PointState ps = topo.point(point);
        ps.open = true;
        gate.changed();
        if (startNanos < ps.firstNanos) {
            ps.firstNanos = startNanos;
        }
    }

    @Override
    public void closed(CapturePoint point, long endNanos) {
        PointState ps = topo.point(point);
        ps.open = false;
        gate.changed();
        if (endNanos > ps.lastNanos) {
            ps.lastNanos = endNanos;
        }
        if (ps.firstNanos == Long.MAX_VALUE) {
            ps.firstNanos = endNanos;
        }
    }

    @Override
    public void declared(CapturePoint point) {
        topo.point(point).declared = true;
    }

    /**
     * A live point's stream is complete up to {@code nanos}: journeys wait for every such point
     * still capturing to pass their window (see {@link #expire()}), so frames of a point that come
     * late, in bursts, still join their journeys. Also moves the correlator's clock on.
     */
    @Override
    public void advanced(CapturePoint point, long nanos) {
        PointState ps = topo.point(point);
        gate.advanced(ps, nanos);
        long corrected = clocks.correct(ps, nanos);
        if (corrected > watermark) {
            watermark = corrected;
        }
        expire();
    }

    @Override
    public void accept(Frame frame) {
        frames++;
        CapturePoint point = frame.point();
        PointState ps = point == lastPoint ? lastPointState : topo.point(point);
        lastPoint = point;
        lastPointState = ps;
        boolean first = ps.frames++ == 0;
        ps.sawTime(frame.timeNanos());
        gate.frame(ps, first, frame.timeNanos());
        long corrected = clocks.correct(ps, frame.timeNanos());
        if (corrected > watermark) {
            watermark = corrected;
        }
        decoder.decode(frame, d);
        if (d.arpOp > 0 && ps.kind == PointKind.UNDERLAY) {
            ps.arp(d.arpOp, d.arpSpa, d.arpTpa, frame.timeNanos());
        }
        if (d.ipVersion != 4 || ps.kind == PointKind.OTHER) {
            if (d.malformed != null && d.ipVersion == 0) {
                malformedFrames++;
            } else {
                ignoredFrames++;
            }
            expire();
            return;
        }
        topo.learn(ps, d);
        if (PacketKey.quotesOverlay(d)) {
            evidence.record(d, ps, corrected);
        }
        if (!PacketKey.followed(d, ps)) {
            ignoredFrames++;
            expire();
            return;
        }
        overlayFrames++;
        track(ps, frame, corrected);
        expire();
    }

    private void track(PointState ps, Frame frame, long corrected) {
        packet.of(d);
        int proto = d.ipProto;
        FlowKey key = packet.flow;
        long lo = packet.lo;
        long hi = packet.hi;
        long ack = packet.ack;
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
        Sighting s = new Sighting(ps, frame.timeNanos(), frame, d.encapsulated, d.outerSrc, d.outerDst, d.gbp, lo, hi, d.ipId);
        if (j != null) {
            if (j.hi == OpenJourney.UNKNOWN_END && hi != OpenJourney.UNKNOWN_END) {
                // First seen cut by a snap length: this frame tells its length and flags.
                track.remove(j);
                j.hi = hi;
                track.add(j);
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
        attach(keep, s, corrected);
        return true;
    }

    private void attach(OpenJourney j, Sighting s, long corrected) {
        if (s.point.kind != PointKind.CONTAINER_VETH) {
            learnDirection(j, s);
        }
        j.sightings.add(s);
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

    /** The correlator's clock has reached {@code correctedNanos} (e.g. a quiet live stream's "now"). */
    public void advanceTo(long correctedNanos) {
        if (correctedNanos > watermark) {
            watermark = correctedNanos;
        }
        expire();
    }

    /**
     * End of input: decides every open journey. One whose window is still open and whose next
     * point is still being captured (a live source stopped without closing its points) stays
     * {@code in-flight}; capture files close their points, so their journeys are all decided.
     */
    public void finish() {
        finishing = true;
        while (!order.isEmpty()) {
            release(order.pollFirst());
        }
        evidence.clear();
        finishing = false;
    }

    /**
     * Decides the journeys whose window has passed on every stream: the correlator's clock, and
     * each live point still capturing ({@link #advanced}), since a point's frames may come later
     * than others'. A journey is decided early only when too many are open.
     */
    private void expire() {
        long window = settings.windowNanos();
        long mark = watermark;
        if (gate.active() && !order.isEmpty() && order.peekFirst().lastCorrected + window < mark) {
            mark = Math.min(mark, gate.slowestStream());
        }
        while (!order.isEmpty()) {
            OpenJourney head = order.peekFirst();
            boolean full = order.size() > settings.maxOpen();
            if (!full && (head.lastCorrected + window >= mark || gate.active() && gate.waitsForUnheardCell(head, window))) {
                break;
            }
            if (full) {
                decidedEarly++;
            }
            release(order.pollFirst());
        }
        if (gate.active()) {
            mark = Math.min(mark, gate.slowestStream());
        }
        if (mark >= nextPrune) {
            evidence.prune(mark - 2 * window);
            decided.expire(mark);
            nextPrune = mark + window;
        }
    }

    private void release(OpenJourney j) {
        if (j.absorbed) {
            return;
        }
        if (warmups < WARMUPS && !clocks.hasTwoWayLink()) {
            warmClocks();
        }
        FlowTrack track = j.track;
        track.remove(j);
        if (track.isEmpty()) {
            flows.remove(track.key);
        }
        boolean windowOpen = finishing && j.lastCorrected + settings.windowNanos() >= watermark;
        if (!finishing) {
            decided.add(j);
        }
        store.add(judge.decide(j, evidence.of(j), watermark, windowOpen, true));
    }

    /**
     * Before the clocks are known from both directions, the journeys queued behind the one being
     * decided (replies among them) give their samples early, so the first hop times are right too.
     */
    private void warmClocks() {
        warmups++;
        int n = 0;
        for (OpenJourney o : order) {
            if (++n > WARM_JOURNEYS) {
                break;
            }
            if (!o.absorbed) {
                judge.teachAhead(o);
            }
        }
        clocks.estimate();
    }

    // ---- reading the state ----

    /** The journeys still open, judged as they stand (their verdict {@code in-flight} where the window allows). */
    public List<Journey> openJourneys() {
        List<Journey> out = new ArrayList<>(order.size());
        for (OpenJourney j : order) {
            if (j.absorbed) {
                continue;
            }
            out.add(judge.decide(j, evidence.of(j), watermark, true, false));
        }
        return out;
    }

    /** The foundation the frames taught (see {@link Topology#learned}), with these overlay addresses as containers where they fit. */
    Foundation learnedFoundation(java.util.Collection<Integer> endpoints) {
        return topo.learned(endpoints);
    }

    public TraceStats stats() {
        return new TraceStats(frames, overlayFrames, ignoredFrames, malformedFrames, nextId - 1 - absorbed, order.size(), decidedEarly,
                lateSightings);
    }

    /** Estimated clock offsets of the cells (relative to a reference cell). */
    public List<CellClock> clocks() {
        return clocks.estimates();
    }
}
