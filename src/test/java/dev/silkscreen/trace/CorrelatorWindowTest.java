package dev.silkscreen.trace;

import static dev.silkscreen.trace.TraceFrames.NIC1;
import static dev.silkscreen.trace.TraceFrames.SRC_VETH;
import static dev.silkscreen.trace.TraceFrames.T0;
import static dev.silkscreen.trace.TraceFrames.VTEP1;
import static dev.silkscreen.trace.TraceFrames.at;
import static org.assertj.core.api.Assertions.assertThat;

import dev.silkscreen.model.Journey;
import dev.silkscreen.model.Verdict;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Journeys stay open for the window, are bounded in number, and come out in order. */
class CorrelatorWindowTest {
    private static final int SYN = 0x02;
    private static final long MS = 1_000_000;

    private final JourneyStore store = new JourneyStore(100);
    private final List<Journey> journeys = new ArrayList<>();

    CorrelatorWindowTest() {
        store.addListener(journeys::add);
    }

    @Test
    void aJourneyIsInFlightWhileItsWindowIsOpenThenDecided() {
        Correlator c = TraceFrames.correlator(store);
        c.accept(at(SRC_VETH, T0, 1, 1000, SYN, 0));
        c.accept(at(VTEP1, T0 + MS / 100, 1, 1000, SYN, 0));

        c.advanceTo(T0 + 1000 * MS);
        assertThat(journeys).isEmpty();
        assertThat(c.openJourneys()).singleElement().satisfies(j -> {
            assertThat(j.verdict()).isEqualTo(Verdict.IN_FLIGHT);
            assertThat(j.stage()).isEqualTo(4);
        });

        c.advanceTo(T0 + 2500 * MS);
        assertThat(journeys).singleElement().satisfies(j -> {
            assertThat(j.verdict()).isEqualTo(Verdict.DROPPED);
            assertThat(j.dropStage()).isEqualTo(5);
            assertThat(j.dropCell()).isEqualTo("cell1");
        });
        assertThat(c.openJourneys()).isEmpty();
    }

    @Test
    void pastMaxOpenTheOldestJourneysAreDecidedEarlyAndCounted() {
        Correlator c = new Correlator(TraceSettings.defaults().withMaxOpen(2), null, store);
        for (int i = 0; i < 5; i++) {
            c.accept(at(SRC_VETH, T0 + i * MS, 10 + i, 1000 + i * 100L, SYN, 0));
        }
        assertThat(c.stats().decidedEarly()).isEqualTo(3);
        assertThat(c.stats().open()).isEqualTo(2);
        assertThat(journeys).extracting(Journey::id).containsExactly(1L, 2L, 3L);
    }

    @Test
    void journeysComeOutInOrderOfFirstSightingWhateverTheirWindows() {
        Correlator c = new Correlator(TraceSettings.defaults().withWindow(Duration.ofMillis(100)), null, store);
        c.accept(at(SRC_VETH, T0, 1, 1000, SYN, 0));
        c.accept(at(SRC_VETH, T0 + MS, 2, 5000, SYN, 0));
        c.accept(at(VTEP1, T0 + 90 * MS, 1, 1000, SYN, 0));
        c.advanceTo(T0 + 150 * MS);
        assertThat(journeys).isEmpty();
        c.advanceTo(T0 + 200 * MS);
        assertThat(journeys).extracting(Journey::id).containsExactly(1L, 2L);
    }

    @Test
    void aPointNobodyCapturedMakesTheVerdictUnknownNotDropped() {
        Correlator c = new Correlator(TraceSettings.defaults(), null, store);
        c.opened(SRC_VETH, T0 - MS);
        c.opened(NIC1, T0 - MS);
        c.accept(at(SRC_VETH, T0, 1, 1000, SYN, 0));
        c.closed(SRC_VETH, T0 + 5000 * MS);
        c.closed(NIC1, T0 + 5000 * MS);
        c.finish();
        assertThat(journeys).singleElement().satisfies(j -> {
            assertThat(j.verdict()).isEqualTo(Verdict.UNKNOWN);
            assertThat(j.reason()).startsWith("not captured").contains("cell1:silk-vtep (step 4)")
                    .contains("not seen at cell1:eth0 (step 6) either");
        });
    }

    @Test
    void aPointWhoseCaptureEndedBeforeThePacketMakesTheVerdictUnknown() {
        Correlator c = new Correlator(TraceSettings.defaults(), null, store);
        c.opened(SRC_VETH, T0 - MS);
        c.opened(VTEP1, T0 - MS);
        c.closed(VTEP1, T0 - MS / 2);
        c.accept(at(SRC_VETH, T0, 1, 1000, SYN, 0));
        c.finish();
        assertThat(journeys).singleElement().satisfies(j -> {
            assertThat(j.verdict()).isEqualTo(Verdict.UNKNOWN);
            assertThat(j.reason()).contains("was not being captured at that time");
        });
    }

    @Test
    void finishingWhileALivePointIsStillCapturedLeavesRecentJourneysInFlight() {
        Correlator c = new Correlator(TraceSettings.defaults(), null, store);
        c.opened(SRC_VETH, T0 - MS);
        c.opened(VTEP1, T0 - MS);
        c.accept(at(SRC_VETH, T0, 1, 1000, SYN, 0));
        c.accept(at(SRC_VETH, T0 + 5000 * MS, 2, 9000, SYN, 0));
        c.finish();
        assertThat(journeys).extracting(Journey::verdict).containsExactly(Verdict.DROPPED, Verdict.IN_FLIGHT);
    }
}
