package dev.silkscreen.ui.playback;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.data.Offset.offset;

import org.junit.jupiter.api.Test;

class SpeedTest {

    @Test
    void sliderStartIsRealTimeButNeverFasterThanTheEyeCanFollow() {
        assertThat(Speed.secondsPerStep(0, 0.2)).isCloseTo(0.2, offset(1e-12));
        assertThat(Speed.describe(0.2, 0.2)).isEqualTo("real time");
        // a c2c step really lasts microseconds: the fast end is then 50 ms per step
        assertThat(Speed.secondsPerStep(0, 20e-6)).isCloseTo(Speed.FASTEST, offset(1e-12));
        assertThat(Speed.describe(Speed.secondsPerStep(0, 20e-6), 20e-6)).isEqualTo("50 ms / step");
    }

    @Test
    void sliderEndIsTheSlowestSpeed() {
        assertThat(Speed.secondsPerStep(1, 20e-6)).isCloseTo(Speed.SLOWEST, offset(1e-9));
    }

    @Test
    void theMiddleIsTheGeometricMean() {
        assertThat(Speed.secondsPerStep(0.5, 1e-4)).isCloseTo(Math.sqrt(Speed.FASTEST * Speed.SLOWEST), offset(1e-9));
    }

    @Test
    void sliderForInvertsSecondsPerStep() {
        double x = Speed.sliderFor(1.5, 1e-5);
        assertThat(Speed.secondsPerStep(x, 1e-5)).isCloseTo(1.5, offset(1e-9));
    }

    @Test
    void describesSecondsAndMilliseconds() {
        assertThat(Speed.describe(2.0, 1e-5)).isEqualTo("2.0 s / step");
        assertThat(Speed.describe(0.25, 1e-5)).isEqualTo("250 ms / step");
    }
}
