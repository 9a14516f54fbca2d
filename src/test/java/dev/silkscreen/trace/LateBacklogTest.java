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
 * A slow SSH stream: cell2's points send nothing for seconds, then their whole backlog at once,
 * while the source (not knowing yet how late cell2 is) reports them complete up to a moment ago.
 * Journeys wait a while for a cell that has sent nothing yet; any decided before its backlog
 * comes must not come back as duplicates when the backlog's frames of the same packets arrive.
 */
class LateBacklogTest {
    private static final int ACK = 0x10;
    private static final long MS = 1_000_000;
    private static final long TICK = 100 * MS;
    private static final int SEGMENTS = 20;
    private static final CapturePoint[] CELL1 = {SRC_VETH, VTEP1, NIC1};
    private static final CapturePoint[] CELL2 = {NIC2, VTEP2, DST_VETH};

    private final JourneyStore store = new JourneyStore(100);
    private final List<Journey> decided = new ArrayList<>();

    LateBacklogTest() {
        store.addListener(decided::add);
    }

    @Test
    void aCellWhoseFirstBacklogComes2sLateStillGetsItsFramesIntoTheirJourneys() {
        Correlator c = replayWithCell2Late(2_200 * MS);

        assertThat(decided).as("one journey per segment").hasSize(SEGMENTS)
                .allSatisfy(j -> assertThat(j.verdict()).as(j.reason()).isEqualTo(Verdict.DELIVERED));
        assertThat(c.stats().lateSightings()).isZero();
    }

    @Test
    void framesOfAnAlreadyDecidedPacketArrivingInALateBacklogStartNoNewJourney() {
        Correlator c = replayWithCell2Late(5_000 * MS);

        assertThat(decided).as("one journey per segment").hasSize(SEGMENTS);
        assertThat(c.stats().journeys()).isEqualTo(SEGMENTS);
        assertThat(c.stats().lateSightings()).as("cell2's frames of segments decided before its backlog came").isPositive();
    }

    @Test
    void aCellThatHasSentNothingHoldsAJourneyOnlyUpToTheHold() {
        Correlator c = new Correlator(TraceSettings.defaults().withWindow(Duration.ofMillis(400)), null, store);
        for (CapturePoint p : PATH) {
            c.opened(p, T0 - 1_000 * MS);
        }
        c.accept(at(SRC_VETH, T0, 300, 1000, ACK, 100));
        for (CapturePoint p : PATH) {
            c.advanced(p, T0 + 3_000 * MS);
        }
        assertThat(decided).as("cell2 may still send its backlog").isEmpty();

        long pastHold = T0 + 400 * MS + StreamGate.UNHEARD_CELL_HOLD_NANOS + 1;
        for (CapturePoint p : PATH) {
            c.advanced(p, pastHold);
        }
        assertThat(decided).singleElement().satisfies(j -> assertThat(j.verdict()).as(j.reason()).isEqualTo(Verdict.DROPPED));
    }

    /**
     * Segments seen at all six points, 100 ms apart; cell1 delivers at once, cell2 nothing until
     * {@code backlogDelay} after the first, then everything; the source reports cell2's points
     * complete up to 150 ms ago all along.
     */
    private Correlator replayWithCell2Late(long backlogDelay) {
        Correlator c = new Correlator(TraceSettings.defaults().withWindow(Duration.ofMillis(400)), null, store);
        for (CapturePoint p : PATH) {
            c.opened(p, T0 - 1_000 * MS);
        }
        List<Frame> cell1 = new ArrayList<>();
        List<Frame> cell2 = new ArrayList<>();
        for (int i = 0; i < SEGMENTS; i++) {
            long t = T0 + i * TICK;
            for (int k = 0; k < PATH.length; k++) {
                Frame f = at(PATH[k], t + k * 20_000L, 300 + i, 1000 + 100L * i, ACK, 100);
                (k < 3 ? cell1 : cell2).add(f);
            }
        }
        long backlogAt = T0 + backlogDelay;
        int next = 0;
        for (long now = T0; now <= T0 + 8_000 * MS; now += TICK) {
            while (next < cell1.size() && cell1.get(next).timeNanos() <= now) {
                c.accept(cell1.get(next++));
            }
            if (now == backlogAt) {
                for (CapturePoint p : CELL2) {
                    for (Frame f : cell2) {
                        if (f.point().equals(p)) {
                            c.accept(f);
                        }
                    }
                }
            }
            for (CapturePoint p : CELL1) {
                c.advanced(p, now);
            }
            for (CapturePoint p : CELL2) {
                c.advanced(p, now - 150 * MS);
            }
        }
        close(c);
        return c;
    }

    @Test
    void aLateMergedFrameCoveringDecidedSegmentsStartsNoNewJourney() {
        Correlator c = new Correlator(TraceSettings.defaults().withWindow(Duration.ofMillis(400)), null, store);
        for (CapturePoint p : PATH) {
            c.opened(p, T0 - 1_000 * MS);
        }
        for (int i = 0; i < 2; i++) {
            for (int k = 0; k < 3; k++) {
                c.accept(at(PATH[k], T0 + k * 20_000L + i * 1_000L, 300 + i, 1000 + 100L * i, ACK, 100));
            }
        }
        for (CapturePoint p : PATH) {
            c.advanced(p, T0 + 5_000 * MS);
        }
        assertThat(decided).as("both segments decided before cell2 delivered").hasSize(2);

        c.accept(at(NIC2, T0 + 80_000L, 300, 1000, ACK, 200));
        close(c);

        assertThat(decided).hasSize(2);
        assertThat(c.stats().lateSightings()).isEqualTo(1);
    }

    @Test
    void aRetransmissionOfADecidedPacketIsStillAJourneyOfItsOwn() {
        Correlator c = new Correlator(TraceSettings.defaults().withWindow(Duration.ofMillis(400)), null, store);
        for (CapturePoint p : PATH) {
            c.opened(p, T0 - 1_000 * MS);
        }
        for (long t : new long[] {T0, T0 + 1_000 * MS}) {
            for (int k = 0; k < PATH.length; k++) {
                c.accept(at(PATH[k], t + k * 20_000L, 300, 1000, ACK, 100));
            }
            for (CapturePoint p : PATH) {
                c.advanced(p, t + 600 * MS);
            }
        }
        close(c);

        assertThat(decided).hasSize(2);
        assertThat(c.stats().lateSightings()).isZero();
    }

    @Test
    void aFrameOfTheSameIdentityFarPastTheDecidedJourneysWindowIsANewPacket() {
        Correlator c = new Correlator(TraceSettings.defaults().withWindow(Duration.ofMillis(400)), null, store);
        for (CapturePoint p : PATH) {
            c.opened(p, T0 - 1_000 * MS);
        }
        c.accept(at(SRC_VETH, T0, 300, 1000, ACK, 100));
        for (CapturePoint p : PATH) {
            c.advanced(p, T0 + 5_000 * MS);
        }
        c.accept(at(NIC2, T0 + 700 * MS, 300, 1000, ACK, 100));
        close(c);

        assertThat(decided).hasSize(2);
        assertThat(c.stats().lateSightings()).isZero();
    }

    private static void close(Correlator c) {
        for (CapturePoint p : PATH) {
            c.closed(p, T0 + 9_000 * MS);
        }
        c.finish();
    }
}
