package dev.silkscreen.trace;

import static org.assertj.core.api.Assertions.assertThat;

import dev.silkscreen.model.CapturePoint;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The flow index answers the matching rules exactly as a plain scan over every open journey would
 * (the rules as {@link FlowTrack} states them), under random adds, sightings, removals and range
 * changes that pile journeys onto few range starts: its buckets, cursors and holes change the cost,
 * never the answer.
 */
class FlowTrackTest {
    private static final FlowKey KEY = new FlowKey(0x0AFF0102, 0x0AFF0203, FlowKey.TCP, 40000, 8080);
    private final PointState[] points = {
        new PointState(0, new CapturePoint("cell1", "s-010255001002")),
        new PointState(1, new CapturePoint("cell1", "silk-vtep")),
        new PointState(2, new CapturePoint("cell1", "eth0")),
        new PointState(3, new CapturePoint("cell2", "eth0")),
    };

    @Test
    void answersLikeAScanOverEveryOpenJourney() {
        for (long seed = 1; seed <= 40; seed++) {
            check(new Random(seed));
        }
    }

    @Test
    void aFloodOfOneIdentityIsMatchedOldestUnseenFirstAtEveryPoint() {
        FlowTrack t = new FlowTrack(KEY);
        List<OpenJourney> all = new ArrayList<>();
        for (int i = 1; i <= 5_000; i++) {
            OpenJourney j = new OpenJourney(i, KEY, t, "udp", 0, 0, 0, 0);
            t.add(j);
            j.add(sighting(points[0], 0, 0));
            all.add(j);
        }
        // Every point sees them in order: each frame continues the oldest one that point has not seen.
        for (PointState p : List.of(points[1], points[2])) {
            for (OpenJourney expected : all) {
                OpenJourney j = t.exact(0, 0, 0, 0, p);
                assertThat(j).isSameAs(expected);
                j.add(sighting(p, 0, 0));
            }
            assertThat(t.exact(0, 0, 0, 0, p)).isNull();
        }
        // Decided out of order (every other one first), the rest still match in age order.
        for (int i = 0; i < all.size(); i += 2) {
            t.remove(all.get(i));
        }
        for (int i = 1; i < all.size(); i += 2) {
            OpenJourney j = t.exact(0, 0, 0, 0, points[3]);
            assertThat(j).isSameAs(all.get(i));
            j.add(sighting(points[3], 0, 0));
        }
        assertThat(t.size()).isEqualTo(all.size() / 2);
    }

    private void check(Random r) {
        FlowTrack t = new FlowTrack(KEY);
        List<OpenJourney> open = new ArrayList<>();
        long nextId = 1;
        for (int step = 0; step < 1_500; step++) {
            int op = r.nextInt(10);
            if (op < 4 || open.isEmpty()) {
                long lo = 1000 + 100L * r.nextInt(6);
                long hi = r.nextInt(12) == 0 ? OpenJourney.UNKNOWN_END : lo + (r.nextBoolean() ? 100 : 100L * (1 + r.nextInt(3)));
                OpenJourney j = new OpenJourney(nextId++, KEY, t, "tcp", lo, hi, r.nextInt(3), r.nextInt(2));
                t.add(j);
                open.add(j);
            } else if (op < 7) {
                OpenJourney j = open.get(r.nextInt(open.size()));
                PointState p = points[r.nextInt(points.length)];
                long a = j.lo + 50L * r.nextInt(3);
                j.add(sighting(p, a, a + 50 + 50L * r.nextInt(2)));
            } else if (op < 9) {
                OpenJourney j = open.remove(r.nextInt(open.size()));
                t.remove(j);
            } else {
                OpenJourney j = open.get(r.nextInt(open.size()));
                long oldLo = j.lo;
                long len = j.ranged() ? j.hi - j.lo : 100;
                j.lo = 1000 + 100L * r.nextInt(6);
                j.hi = j.lo + len;
                t.reindex(j, oldLo);
                j.recount();
            }
            assertThat(t.size()).isEqualTo(open.size());
            long lo = 1000 + 100L * r.nextInt(6);
            long hi = r.nextInt(10) == 0 ? OpenJourney.UNKNOWN_END : lo + 100L * (1 + r.nextInt(3));
            int ipId = r.nextInt(3);
            long ack = r.nextInt(2);
            PointState p = points[r.nextInt(points.length)];
            assertThat(t.exact(lo, hi, ipId, ack, p)).isSameAs(scanExact(open, lo, hi, ipId, ack, p));
            if (hi != OpenJourney.UNKNOWN_END) {
                List<OpenJourney> got = new ArrayList<>();
                t.overlapping(lo, hi, ipId, p, got);
                List<OpenJourney> want = scanOverlapping(open, lo, hi, ipId, p);
                assertThat(got).containsExactlyInAnyOrderElementsOf(want);
                assertThat(got).isSortedAccordingTo(Comparator.comparingLong((OpenJourney j) -> j.lo));
                assertThat(t.hasOverlapping(lo, hi, ipId, p)).isEqualTo(!want.isEmpty());
            }
        }
    }

    private static OpenJourney scanExact(List<OpenJourney> open, long lo, long hi, int ipId, long ack, PointState p) {
        OpenJourney found = null;
        for (OpenJourney j : open) {
            boolean unknown = hi == OpenJourney.UNKNOWN_END || j.hi == OpenJourney.UNKNOWN_END;
            if (j.lo == lo && (unknown || (j.hi == hi && (hi > lo || j.ack == ack))) && j.ipId == ipId && !seen(j, p)
                    && (found == null || j.id < found.id)) {
                found = j;
            }
        }
        return found;
    }

    private static List<OpenJourney> scanOverlapping(List<OpenJourney> open, long lo, long hi, int ipId, PointState p) {
        List<OpenJourney> out = new ArrayList<>();
        long len = hi - lo;
        for (OpenJourney j : open) {
            if (!j.ranged() || j.hi <= lo || j.lo >= hi || j.hi - j.lo == len) {
                continue;
            }
            long part = j.overlap(lo, hi);
            long covered = 0;
            for (Sighting s : j.sightings) {
                if (s.point == p) {
                    covered += j.overlap(s.lo, s.hi);
                }
            }
            if (part > 0 && FlowTrack.idsCompatible(j.ipId, ipId, Math.max(len, j.hi - j.lo)) && covered + part <= j.hi - j.lo) {
                out.add(j);
            }
        }
        return out;
    }

    private static boolean seen(OpenJourney j, PointState p) {
        return j.sightings.stream().anyMatch(s -> s.point == p);
    }

    private static Sighting sighting(PointState p, long lo, long hi) {
        return new Sighting(p, 0, null, false, 0, 0, -1, lo, hi, 0);
    }
}
