package dev.silkscreen.trace;

import static dev.silkscreen.trace.TraceFrames.DST_VETH;
import static dev.silkscreen.trace.TraceFrames.NIC1;
import static dev.silkscreen.trace.TraceFrames.NIC2;
import static dev.silkscreen.trace.TraceFrames.SRC_VETH;
import static dev.silkscreen.trace.TraceFrames.T0;
import static dev.silkscreen.trace.TraceFrames.VTEP1;
import static dev.silkscreen.trace.TraceFrames.VTEP2;
import static dev.silkscreen.trace.TraceFrames.at;
import static org.assertj.core.api.Assertions.assertThat;

import dev.silkscreen.model.Hop;
import dev.silkscreen.model.Journey;
import dev.silkscreen.model.Verdict;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Journeys follow TCP bytes, not frames: offloads split and merge frames between points. */
class OffloadMatchingTest {
    private static final int PSH_ACK = 0x18;
    private static final long US = 1_000;

    private final JourneyStore store = new JourneyStore(100);
    private final List<Journey> journeys = new ArrayList<>();
    private final Correlator c = TraceFrames.correlator(store);

    OffloadMatchingTest() {
        store.addListener(journeys::add);
    }

    @Test
    void oneGsoFrameSplitIntoSegmentsOnTheUnderlayAndMergedAgainIsOneDeliveredJourney() {
        c.accept(at(SRC_VETH, T0, 100, 1000, PSH_ACK, 4000));
        c.accept(at(VTEP1, T0 + 10 * US, 100, 1000, PSH_ACK, 4000));
        for (int i = 0; i < 3; i++) {
            int len = i < 2 ? 1448 : 1104;
            c.accept(at(NIC1, T0 + (20 + i) * US, 100 + i, 1000 + i * 1448L, PSH_ACK, len));
            c.accept(at(NIC2, T0 + (200 + i) * US, 100 + i, 1000 + i * 1448L, PSH_ACK, len));
        }
        c.accept(at(VTEP2, T0 + 220 * US, 100, 1000, PSH_ACK, 4000));
        c.accept(at(DST_VETH, T0 + 230 * US, 100, 1000, PSH_ACK, 4000));
        TraceFrames.close(c, T0 + 1_000_000_000L);

        assertThat(journeys).hasSize(1);
        Journey j = journeys.get(0);
        assertThat(j.verdict()).isEqualTo(Verdict.DELIVERED);
        assertThat(j.hops()).extracting(Hop::stage).containsExactly(2, 4, 6, 6, 6, 8, 8, 8, 9, 11);
    }

    @Test
    void aGroMergedFrameAtTheDestinationDeliversEverySegmentItCovers() {
        for (int i = 0; i < 2; i++) {
            long seq = 1000 + i * 1448L;
            c.accept(at(SRC_VETH, T0 + i * US, 100 + i, seq, PSH_ACK, 1448));
            c.accept(at(VTEP1, T0 + (10 + i) * US, 100 + i, seq, PSH_ACK, 1448));
            c.accept(at(NIC1, T0 + (20 + i) * US, 100 + i, seq, PSH_ACK, 1448));
        }
        c.accept(at(NIC2, T0 + 200 * US, 100, 1000, PSH_ACK, 2896));
        c.accept(at(VTEP2, T0 + 210 * US, 100, 1000, PSH_ACK, 2896));
        c.accept(at(DST_VETH, T0 + 220 * US, 100, 1000, PSH_ACK, 2896));
        TraceFrames.close(c, T0 + 1_000_000_000L);

        assertThat(journeys).hasSize(2);
        assertThat(journeys).allSatisfy(j -> {
            assertThat(j.verdict()).isEqualTo(Verdict.DELIVERED);
            assertThat(j.hops()).extracting(Hop::stage).containsExactly(2, 4, 6, 8, 9, 11);
        });
    }

    @Test
    void aRetransmissionIsItsOwnJourneyAfterTheLostOriginal() {
        // The original leaves cell1 and is lost on the underlay; the retransmission (new IP ID) arrives.
        c.accept(at(SRC_VETH, T0, 100, 1000, PSH_ACK, 500));
        c.accept(at(VTEP1, T0 + 10 * US, 100, 1000, PSH_ACK, 500));
        c.accept(at(NIC1, T0 + 20 * US, 100, 1000, PSH_ACK, 500));
        long rto = 200_000 * US;
        c.accept(at(SRC_VETH, T0 + rto, 101, 1000, PSH_ACK, 500));
        c.accept(at(VTEP1, T0 + rto + 10 * US, 101, 1000, PSH_ACK, 500));
        c.accept(at(NIC1, T0 + rto + 20 * US, 101, 1000, PSH_ACK, 500));
        c.accept(at(NIC2, T0 + rto + 200 * US, 101, 1000, PSH_ACK, 500));
        c.accept(at(VTEP2, T0 + rto + 210 * US, 101, 1000, PSH_ACK, 500));
        c.accept(at(DST_VETH, T0 + rto + 220 * US, 101, 1000, PSH_ACK, 500));
        TraceFrames.close(c, T0 + 1_000_000_000L);

        assertThat(journeys).extracting(Journey::verdict).containsExactly(Verdict.DROPPED, Verdict.DELIVERED);
        assertThat(journeys.get(0).dropStage()).isEqualTo(7);
        assertThat(journeys.get(0).dropCell()).isEqualTo("cell1");
        assertThat(journeys.get(0).id()).isLessThan(journeys.get(1).id());
    }

    @Test
    void aRetransmissionWithTheSameIpIdAtTheSamePointIsStillASecondJourney() {
        c.accept(at(SRC_VETH, T0, 100, 1000, PSH_ACK, 500));
        c.accept(at(SRC_VETH, T0 + 300_000 * US, 100, 1000, PSH_ACK, 500));
        TraceFrames.close(c, T0 + 1_000_000_000L);

        assertThat(journeys).hasSize(2);
    }

    @Test
    void segmentsSeenBeforeTheirUpstreamGsoFrameJoinItsJourney() {
        // cell2's clock is behind: its segments come first, then cell1's one 4000-byte frame.
        for (int i = 0; i < 3; i++) {
            int len = i < 2 ? 1448 : 1104;
            c.accept(at(NIC2, T0 - 30_000 * US + i * US, 100 + i, 1000 + i * 1448L, PSH_ACK, len));
        }
        for (int i = 0; i < 3; i++) {
            int len = i < 2 ? 1448 : 1104;
            c.accept(at(NIC1, T0 + (20 + i) * US, 100 + i, 1000 + i * 1448L, PSH_ACK, len));
        }
        c.accept(at(VTEP1, T0 + 10 * US, 100, 1000, PSH_ACK, 4000));
        c.accept(at(SRC_VETH, T0 + 11 * US, 100, 1000, PSH_ACK, 4000));
        c.accept(at(VTEP2, T0 + 300 * US, 100, 1000, PSH_ACK, 4000));
        c.accept(at(DST_VETH, T0 + 310 * US, 100, 1000, PSH_ACK, 4000));
        TraceFrames.close(c, T0 + 1_000_000_000L);

        assertThat(journeys).singleElement().satisfies(j -> {
            assertThat(j.hops()).extracting(Hop::stage).containsExactly(2, 4, 6, 6, 6, 8, 8, 8, 9, 11);
            assertThat(j.verdict()).isEqualTo(Verdict.DELIVERED);
        });
    }
}
