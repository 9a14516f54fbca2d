package dev.silkscreen.sim;

import static org.assertj.core.api.Assertions.assertThat;

import dev.silkscreen.model.Frame;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A seed fixes everything: bytes, times, truth. */
class DeterminismTest {

    private static boolean same(List<Frame> a, List<Frame> b) {
        if (a.size() != b.size()) {
            return false;
        }
        for (int i = 0; i < a.size(); i++) {
            Frame x = a.get(i);
            Frame y = b.get(i);
            if (!x.point().equals(y.point()) || x.timeNanos() != y.timeNanos() || !java.util.Arrays.equals(x.data(), y.data())) {
                return false;
            }
        }
        return true;
    }

    @Test
    void sameSeedGivesTheSameFramesAndTruth() {
        SimResult a = SimTestSupport.run("busy", 42, 2000, null);
        SimResult b = SimTestSupport.run("busy", 42, 2000, null);
        assertThat(same(a.frames(), b.frames())).isTrue();
        assertThat(a.truth()).isEqualTo(b.truth());
    }

    @Test
    void anotherSeedGivesOtherFrames() {
        SimResult a = SimTestSupport.run("seed", 1);
        SimResult b = SimTestSupport.run("seed", 2);
        assertThat(same(a.frames(), b.frames())).isFalse();
    }

    @Test
    void framesComeInTimeOrderStartingAtTheSeedsBaseTime() {
        SimResult r = SimTestSupport.run("wrong-tag", 9);
        long start = Simulator.startNanos(9);
        assertThat(r.frames()).allMatch(f -> f.timeNanos() >= start);
        for (int i = 1; i < r.frames().size(); i++) {
            assertThat(r.frames().get(i).timeNanos()).isGreaterThanOrEqualTo(r.frames().get(i - 1).timeNanos());
        }
    }
}
