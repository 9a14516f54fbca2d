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
import java.util.List;

/**
 * Follows overlay packets through the eleven steps from frames captured at many points on many
 * cells. Frames come from any source (files, the simulator, live streams) through
 * {@link #accept(Frame)}; each is decoded in place, matched to the journey it continues (flow,
 * IP ID, TCP sequence range: see {@link FlowTrack}) or starts a new one. A journey is decided when
 * no sighting has come for the window (on the corrected clock), when too many are open, or at
 * {@link #finish()}; decided journeys go to the {@link JourneyStore} in order of first sighting.
 * With live streams ({@link #advanced}), a journey whose verdict is already certain (seen whole at
 * every captured point through its destination's veth, or answered by an ICMP error:
 * {@link EarlyVerdicts}) goes to the store at once, ahead of older ones still waiting.
 *
 * <p>It orchestrates: {@link PacketKey} says which frames are followed packets and names them,
 * {@link JourneyMatcher} puts each sighting in its journey, {@link EvidenceBook} files the ICMP
 * errors quoting them, {@link StreamGate} holds journeys for lagging live streams, {@link Judge}
 * decides them.
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
    /** ICMP errors by the (source, destination, protocol) of the packet they quote. */
    private final EvidenceBook evidence = new EvidenceBook();
    private final ArrayDeque<OpenJourney> order = new ArrayDeque<>();
    private long watermark = Long.MIN_VALUE;
    /** The live-stream gate: journeys wait for the slowest point still capturing ({@link #advanced}). */
    private final StreamGate gate;
    /** The point of the previous frame: sources deliver runs of frames from one point. */
    private CapturePoint lastPoint;
    private PointState lastPointState;
    private long nextPrune = Long.MIN_VALUE;
    private long frames;
    private long overlayFrames;
    private long ignoredFrames;
    private long malformedFrames;
    private long decidedEarly;
    private int warmups;
    private boolean finishing;
    private static final int WARMUPS = 8;
    private static final int WARM_JOURNEYS = 512;
    /** How long past its window a decided journey's identity is kept for late frames: longer than any stream's backlog. */
    private static final long DECIDED_RETAIN_NANOS = 10_000_000_000L;
    private static final int DECIDED_CAPACITY = 65_536;
    private final DecidedPackets decided;
    /** Puts each sighting in its journey. */
    private final JourneyMatcher matcher;
    private final EarlyVerdicts early;
    private final List<OpenJourney> quoted = new ArrayList<>();
    /** Journeys given to the store before their window closed. */
    private long settledEarly;

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
        this.matcher = new JourneyMatcher(topo, decided, order, settings.keepFrames());
        this.early = new EarlyVerdicts(topo, judge);
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

    /** The cells known to exist that no point was captured on, with why where the source said (sorted by name). */
    java.util.Map<String, String> uncapturedCells() {
        return topo.uncapturedCells();
    }

    @Override
    public void uncaptured(String cell, String reason) {
        topo.uncaptured(cell, reason);
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
        boolean wasLive = gate.active();
        gate.advanced(ps, nanos);
        if (!wasLive) {
            settleOpen(); // the frames before the first progress report came from live streams too
        }
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
        if (PacketKey.quotesOverlay(d) && evidence.record(d, ps, corrected) && gate.active()) {
            settleQuoted(d);
        }
        if (!PacketKey.followed(d, ps)) {
            ignoredFrames++;
            expire();
            return;
        }
        overlayFrames++;
        packet.of(d);
        matcher.match(ps, frame, d, packet, corrected);
        if (gate.active()) {
            settleTouched();
        }
        expire();
    }

    /** Live: the journeys the last sighting joined that it made certain go to the store now. */
    private void settleTouched() {
        List<OpenJourney> touched = matcher.touched();
        for (int i = 0, n = touched.size(); i < n; i++) {
            OpenJourney j = touched.get(i);
            if (!j.settled && !j.absorbed && EarlyVerdicts.worthChecking(j, evidence.of(j))) {
                settle(j);
            }
        }
    }

    /** Live: every open journey that is already certain goes to the store now. */
    private void settleOpen() {
        quoted.clear();
        for (OpenJourney j : order) {
            if (!j.settled && !j.absorbed && EarlyVerdicts.worthChecking(j, evidence.of(j))) {
                quoted.add(j);
            }
        }
        for (OpenJourney j : quoted) {
            settle(j);
        }
        quoted.clear();
    }

    /** Live: a new ICMP error (in {@code d}) may decide the open journeys of the packet it quotes. */
    private void settleQuoted(DecodedFrame d) {
        quoted.clear();
        matcher.openOf(d.quotedSrc, d.quotedDst, d.quotedProto, d.quotedSport, d.quotedDport, d.quotedIpId, d.quotedSeq, quoted);
        for (OpenJourney j : quoted) {
            if (!j.settled && !j.absorbed) {
                settle(j);
            }
        }
        quoted.clear();
    }

    private void settle(OpenJourney j) {
        List<IcmpEvidence> ev = evidence.of(j);
        if (!early.settled(j, ev)) {
            return;
        }
        j.settled = true;
        settledEarly++;
        emit(j, false);
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
            if (head.settled) {
                order.pollFirst(); // already in the store
                continue;
            }
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
        if (j.absorbed || j.settled) {
            return;
        }
        emit(j, finishing && j.lastCorrected + settings.windowNanos() >= watermark);
    }

    /** Judges {@code j} for good and hands it to the store; {@code windowOpen}: it may still be in flight. */
    private void emit(OpenJourney j, boolean windowOpen) {
        if (warmups < WARMUPS && !clocks.hasTwoWayLink()) {
            warmClocks();
        }
        matcher.forget(j);
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
            if (!o.absorbed && !o.settled) {
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
            if (j.absorbed || j.settled) {
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

    /** Journeys decided before their window closed (live streams only; see {@link EarlyVerdicts}). */
    public long settledEarly() {
        return settledEarly;
    }

    public TraceStats stats() {
        return new TraceStats(frames, overlayFrames, ignoredFrames, malformedFrames, matcher.journeys(), order.size(), decidedEarly,
                matcher.lateSightings());
    }

    /** Estimated clock offsets of the cells (relative to a reference cell). */
    public List<CellClock> clocks() {
        return clocks.estimates();
    }
}
