package dev.silkscreen.trace;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.silkscreen.model.PointKind;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Cell clock offsets from packets matched in both directions. */
class ClockSyncTest {
    private static final long MS = 1_000_000;
    private static final long US = 1_000;
    private static final PointKind NIC = PointKind.UNDERLAY;

    private final ClockSync clocks = new ClockSync();
    private final Random rnd = new Random(42);

    /** A packet from {@code a} to {@code b} with true latency and the cells' clock offsets. */
    private void send(String a, long offA, String b, long offB, long latency) {
        long t = 1_000_000_000L + rnd.nextInt(1_000_000);
        long jitter = (long) (rnd.nextGaussian() * 20 * US);
        clocks.observe(a, NIC, t + offA, b, NIC, t + latency + jitter + offB);
    }

    @Test
    void bothDirectionsGiveTheOffsetAndTheOneWayLatency() {
        for (int i = 0; i < 200; i++) {
            send("cell1", 0, "cell2", 37 * MS, 300 * US);
            send("cell2", 37 * MS, "cell1", 0, 300 * US);
        }
        clocks.estimate();
        assertThat(clocks.offset("cell1")).isZero();
        assertThat((double) clocks.offset("cell2")).isCloseTo(37 * MS, within(30.0 * US));
        CellClock c2 = clocks.estimates().stream().filter(c -> c.cell().equals("cell2")).findFirst().orElseThrow();
        assertThat(c2.bothWays()).isTrue();
        assertThat((double) c2.latencyNanos()).isCloseTo(300 * US, within(30.0 * US));
    }

    @Test
    void outliersFromMismatchedPacketsDoNotMoveTheEstimate() {
        for (int i = 0; i < 300; i++) {
            boolean outlier = i % 10 == 0;
            send("cell1", 0, "cell2", -12 * MS, outlier ? 900 * MS : 250 * US);
            send("cell2", -12 * MS, "cell1", 0, outlier ? -700 * MS : 250 * US);
        }
        clocks.estimate();
        assertThat((double) clocks.offset("cell2")).isCloseTo(-12 * MS, within(50.0 * US));
    }

    @Test
    void correctedTimesOfDifferentCellsOrderAHopRightDespiteTheSkew() {
        for (int i = 0; i < 100; i++) {
            send("cell1", 0, "cell2", -12 * MS, 250 * US);
            send("cell2", -12 * MS, "cell1", 0, 250 * US);
        }
        long sent = 5_000_000_000L;
        long arrivedRaw = sent + 250 * US - 12 * MS;
        assertThat(arrivedRaw).isLessThan(sent);
        assertThat(clocks.correct("cell2", arrivedRaw)).isGreaterThan(clocks.correct("cell1", sent));
    }

    @Test
    void oneDirectionOnlyTakesTheLatencyAsZeroAndSaysSo() {
        for (int i = 0; i < 50; i++) {
            send("cell1", 0, "cell2", 5 * MS, 0);
        }
        CellClock c2 = clocks.estimates().stream().filter(c -> c.cell().equals("cell2")).findFirst().orElseThrow();
        assertThat(c2.bothWays()).isFalse();
        assertThat((double) c2.offsetNanos()).isCloseTo(5 * MS, within(50.0 * US));
    }

    @Test
    void aThirdCellIsPlacedThroughTheCellItTalksTo() {
        for (int i = 0; i < 100; i++) {
            send("cell1", 0, "cell2", 10 * MS, 200 * US);
            send("cell2", 10 * MS, "cell1", 0, 200 * US);
            send("cell2", 10 * MS, "cell3", -4 * MS, 200 * US);
            send("cell3", -4 * MS, "cell2", 10 * MS, 200 * US);
        }
        clocks.estimate();
        assertThat((double) clocks.offset("cell3")).isCloseTo(-4 * MS, within(50.0 * US));
    }
}
