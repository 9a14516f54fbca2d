package dev.silkscreen.trace;

import static dev.silkscreen.trace.TraceFrames.DST_VETH;
import static dev.silkscreen.trace.TraceFrames.NIC1;
import static dev.silkscreen.trace.TraceFrames.NIC2;
import static dev.silkscreen.trace.TraceFrames.PATH;
import static dev.silkscreen.trace.TraceFrames.SRC_VETH;
import static dev.silkscreen.trace.TraceFrames.T0;
import static dev.silkscreen.trace.TraceFrames.VTEP1;
import static dev.silkscreen.trace.TraceFrames.VTEP2;
import static dev.silkscreen.trace.TraceFrames.at;
import static dev.silkscreen.trace.TraceFrames.chatter;
import static org.assertj.core.api.Assertions.assertThat;

import dev.silkscreen.model.CapturePoint;
import dev.silkscreen.model.Frame;
import dev.silkscreen.model.Journey;
import dev.silkscreen.model.Verdict;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Live streams: cell1's points deliver at once, cell2's come over SSH about a second late, in a
 * burst per point. A SYN and its retransmissions (rejected on cell2: seen at its silk-vtep, never
 * at the container) must all get the same verdict, however short the window, because each
 * journey waits until every capturing point's stream has passed it.
 */
class LateStreamsTest {
    private static final int SYN = 0x02;
    private static final long MS = 1_000_000;
    private static final long TICK = 100 * MS;
    /** cell2's points deliver what they captured in bursts, this often, each this long after its last frame. */
    private static final long BURST_EVERY = 1_200 * MS;
    private static final long[] SYN_TIMES = {0, 1_000 * MS, 3_000 * MS, 7_000 * MS};

    private final JourneyStore store = new JourneyStore(100);
    private final List<Journey> decided = new ArrayList<>();

    LateStreamsTest() {
        store.addListener(decided::add);
    }

    @Test
    void retransmissionsSeenLateOnTheOtherCellAllGetTheSameVerdict() {
        Correlator c = new Correlator(TraceSettings.defaults().withWindow(Duration.ofMillis(400)), null, store);
        for (CapturePoint p : PATH) {
            c.opened(p, T0 - 1_000 * MS);
        }
        List<Frame> captured = new ArrayList<>();
        for (int i = 0; i < SYN_TIMES.length; i++) {
            long t = T0 + SYN_TIMES[i];
            CapturePoint[] seenAt = {SRC_VETH, VTEP1, NIC1, NIC2, VTEP2};
            for (int k = 0; k < seenAt.length; k++) {
                captured.add(at(seenAt[k], t + k * 20_000L, 100 + i, 5000, SYN, 0));
            }
        }
        long end = T0 + 10_000 * MS;
        long lastBurst = T0;
        int nextCell1 = 0;
        List<Frame> cell1 = captured.stream().filter(f -> f.point().cell().equals("cell1")).toList();
        List<Frame> cell2 = captured.stream().filter(f -> f.point().cell().equals("cell2")).toList();
        for (long now = T0; now <= end; now += TICK) {
            while (nextCell1 < cell1.size() && cell1.get(nextCell1).timeNanos() <= now) {
                c.accept(cell1.get(nextCell1++));
            }
            if (now - lastBurst >= BURST_EVERY) {
                // One burst per point: first every frame nic2 held back, then silk-vtep's, then the veth's.
                long cutoff = now - 50 * MS;
                for (CapturePoint p : new CapturePoint[] {NIC2, VTEP2, DST_VETH}) {
                    for (Frame f : cell2) {
                        if (f.point().equals(p) && f.timeNanos() > lastBurst - 50 * MS && f.timeNanos() <= cutoff) {
                            c.accept(f);
                        }
                    }
                    c.advanced(p, cutoff);
                }
                lastBurst = now;
            }
            for (CapturePoint p : new CapturePoint[] {SRC_VETH, VTEP1, NIC1}) {
                c.advanced(p, now);
            }
        }
        for (CapturePoint p : PATH) {
            c.closed(p, end);
        }
        c.finish();

        assertThat(decided).hasSize(SYN_TIMES.length).allSatisfy(j -> {
            assertThat(j.verdict()).as(j.reason()).isEqualTo(Verdict.DROPPED);
            assertThat(j.dropStage()).as(j.reason()).isEqualTo(10);
            assertThat(j.dropCell()).isEqualTo("cell2");
            assertThat(j.hops()).extracting(h -> h.stage()).containsExactly(2, 4, 6, 8, 9);
        });
    }

    @Test
    void aJourneyIsDecidedOnceTheSlowestStreamPassesItsWindow() {
        Correlator c = new Correlator(TraceSettings.defaults().withWindow(Duration.ofMillis(400)), null, store);
        for (CapturePoint p : PATH) {
            c.opened(p, T0 - 1_000 * MS);
        }
        c.accept(chatter(NIC2, T0 - 500 * MS));
        c.accept(at(SRC_VETH, T0, 1, 1000, SYN, 0));
        for (CapturePoint p : PATH) {
            c.advanced(p, p.cell().equals("cell1") ? T0 + 2_000 * MS : T0 + 300 * MS);
        }
        assertThat(decided).as("cell2 has delivered only up to 300 ms").isEmpty();

        for (CapturePoint p : PATH) {
            c.advanced(p, T0 + 500 * MS);
        }
        assertThat(decided).singleElement().satisfies(j -> assertThat(j.verdict()).isEqualTo(Verdict.DROPPED));
    }

    @Test
    void aStreamThatEndedNoLongerHoldsJourneysBack() {
        Correlator c = new Correlator(TraceSettings.defaults().withWindow(Duration.ofMillis(400)), null, store);
        for (CapturePoint p : PATH) {
            c.opened(p, T0 - 1_000 * MS);
        }
        c.accept(chatter(NIC2, T0 - 500 * MS));
        c.accept(at(SRC_VETH, T0, 1, 1000, SYN, 0));
        for (CapturePoint p : PATH) {
            c.advanced(p, p.equals(DST_VETH) ? T0 : T0 + 2_000 * MS);
        }
        assertThat(decided).isEmpty();

        c.closed(DST_VETH, T0 + 100 * MS);
        c.advanced(SRC_VETH, T0 + 2_100 * MS);
        assertThat(decided).hasSize(1);
    }
}
