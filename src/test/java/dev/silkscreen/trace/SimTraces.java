package dev.silkscreen.trace;

import dev.silkscreen.decode.DecodedFrame;
import dev.silkscreen.decode.FrameDecoder;
import dev.silkscreen.model.CapturePoint;
import dev.silkscreen.model.Cell;
import dev.silkscreen.model.Flow;
import dev.silkscreen.model.Foundation;
import dev.silkscreen.model.Frame;
import dev.silkscreen.model.Ipv4;
import dev.silkscreen.model.Journey;
import dev.silkscreen.pipeline.ScenarioSource;
import dev.silkscreen.sim.PacketTruth;
import dev.silkscreen.sim.SimResult;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Test support: simulator frames with each cell's capture clock skewed and jittered, traced the way
 * a user's captures would be (merged by their own timestamps), and journeys matched to the
 * simulator's ground truth by (flow, IP ID, TCP sequence).
 */
final class SimTraces {
    /** Per-cell clock offsets the tests add, in order of the foundation's cells. */
    static final long[] SKEWS = {37_000_000L, -12_000_000L, 5_500_000L, -23_000_000L, 61_000_000L, -3_000_000L};
    static final long JITTER_NANOS = 20_000;

    private SimTraces() {
    }

    /** Identity of one overlay packet as the ground truth names it. */
    record Key(Flow flow, int ipId, long seq) {
    }

    static Key keyOf(PacketTruth t) {
        return new Key(t.flow(), t.ipId(), t.seq());
    }

    static Key keyOf(Frame frame) {
        DecodedFrame d = new FrameDecoder().decode(frame, new DecodedFrame());
        boolean ports = d.ipProto == 6 || d.ipProto == 17;
        String proto = switch (d.ipProto) {
            case 6 -> "tcp";
            case 17 -> "udp";
            case 1 -> "icmp";
            default -> "ip-" + d.ipProto;
        };
        Flow f = new Flow(Ipv4.format(d.src), ports ? d.sport : 0, Ipv4.format(d.dst), ports ? d.dport : 0, proto);
        return new Key(f, d.ipId, d.ipProto == 6 ? d.seq : -1);
    }

    static Key keyOf(Journey j) {
        return keyOf(j.hops().get(0).frame());
    }

    /** Every frame moved by its cell's skew plus random jitter, then ordered by the skewed times. */
    static List<Frame> skewed(SimResult r, long seed) {
        Map<String, Long> skew = new HashMap<>();
        List<Cell> cells = r.foundation().cells();
        for (int i = 0; i < cells.size(); i++) {
            skew.put(cells.get(i).name(), SKEWS[i % SKEWS.length]);
        }
        Random rnd = new Random(seed);
        List<Frame> out = new ArrayList<>(r.frames().size());
        for (Frame f : r.frames()) {
            long t = f.timeNanos() + skew.getOrDefault(f.point().cell(), 0L) + (long) (rnd.nextDouble() * JITTER_NANOS);
            out.add(new Frame(f.point(), t, f.linkType(), f.origLen(), f.data()));
        }
        out.sort(Comparator.comparingLong(Frame::timeNanos));
        return out;
    }

    /**
     * Traces frames captured at {@code captured} points (all others removed), announcing those
     * points as captured for the whole run, as the simulator's source does.
     */
    static List<Journey> trace(List<Frame> frames, Foundation foundation, Foundation topology,
                               Predicate<CapturePoint> captured) {
        JourneyStore store = new JourneyStore(1_000_000);
        List<Journey> journeys = new ArrayList<>();
        store.addListener(journeys::add);
        Correlator c = new Correlator(TraceSettings.defaults(), topology, store);
        long first = frames.isEmpty() ? 0 : frames.get(0).timeNanos();
        long last = frames.isEmpty() ? 0 : frames.get(frames.size() - 1).timeNanos();
        List<CapturePoint> points = ScenarioSource.points(foundation);
        for (CapturePoint p : points) {
            if (captured.test(p)) {
                c.opened(p, first - 1_000_000_000L);
            }
        }
        for (Frame f : frames) {
            if (captured.test(f.point())) {
                c.accept(f);
            }
        }
        for (CapturePoint p : points) {
            if (captured.test(p)) {
                c.closed(p, last + 1_000_000_000L);
            }
        }
        c.finish();
        return journeys;
    }

    /** Keys of every packet that appears in at least one frame. */
    static Set<Key> seenKeys(List<Frame> frames) {
        Set<Key> out = new HashSet<>();
        FrameDecoder decoder = new FrameDecoder();
        DecodedFrame d = new DecodedFrame();
        for (Frame f : frames) {
            decoder.decode(f, d);
            if (d.ipVersion == 4) {
                out.add(keyOf(f));
            }
        }
        return out;
    }
}
