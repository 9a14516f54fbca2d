package dev.silkscreen.live.stream;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** A point's frames that come in bursts keep its stream's "complete up to" behind the bursts. */
class ArrivalLagTest {
    private static final long MS = 1_000_000;
    /** The cell's clock runs 40 ms behind ours; the quickest transit is 2 ms. */
    private static final long OFFSET = 42 * MS;

    @Test
    void aPromptStreamIsCompleteUpToNowLessItsClockDifferenceAndMargin() {
        ArrivalLag l = new ArrivalLag();
        for (long t = 0; t < 1000 * MS; t += 100 * MS) {
            l.frame(t, t + OFFSET);
        }

        long now = 2000 * MS;
        assertThat(l.completeTo(now, l.base(), l.burstLag(now), 10 * MS)).isEqualTo(now - OFFSET - 10 * MS);
    }

    @Test
    void aBurstyStreamIsCompleteOnlyUpToWhatItsBurstsWouldHaveBroughtByNow() {
        ArrivalLag l = new ArrivalLag();
        // Frames captured over a second arrive together at its end.
        for (long t = 0; t < 1000 * MS; t += 100 * MS) {
            l.frame(t, 1000 * MS + OFFSET);
        }

        assertThat(l.base()).as("the last frame of the burst came quickest").isEqualTo(OFFSET + 100 * MS);
        assertThat(l.burstLag(1500 * MS)).isEqualTo(900 * MS);
        assertThat(l.completeTo(1500 * MS, l.base(), l.burstLag(1500 * MS), 0)).as("no further than its last frame").isEqualTo(900 * MS);
        // Just before the next burst (frames of 1000-1900 ms, at 2000 ms + OFFSET) arrives: not yet up to 1000 ms.
        long now = 2000 * MS + OFFSET - MS;
        assertThat(l.completeTo(now, l.base(), l.burstLag(now), 0)).isLessThan(1000 * MS);
    }

    @Test
    void aStreamIsAlwaysCompleteUpToItsLastFrame() {
        ArrivalLag l = new ArrivalLag();
        l.frame(5000 * MS, 5000 * MS + OFFSET);

        assertThat(l.completeTo(5001 * MS, l.base(), 3000 * MS, 0)).isEqualTo(5000 * MS);
    }

    @Test
    void aLongStallIsCappedAndForgottenAfterAWhile() {
        ArrivalLag l = new ArrivalLag();
        l.frame(0, OFFSET);
        l.frame(MS, 60_000 * MS);
        assertThat(l.burstLag(60_000 * MS)).isEqualTo(ArrivalLag.MAX_LAG_NANOS);

        long later = 60_000 * MS + 2 * ArrivalLag.MEMORY_NANOS + MS;
        l.frame(later - OFFSET, later);
        assertThat(l.burstLag(later)).isZero();
    }
}
