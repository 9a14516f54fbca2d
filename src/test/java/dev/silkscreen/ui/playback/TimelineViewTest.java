package dev.silkscreen.ui.playback;

import static org.assertj.core.api.Assertions.assertThat;

import dev.silkscreen.ui.Fixtures;
import java.util.List;
import org.junit.jupiter.api.Test;

class TimelineViewTest {

    @Test
    void deliveredJourneysCountUpAndDroppedOnesDown() {
        Schedule s = new Schedule(List.of(Fixtures.delivered(1, 0), Fixtures.rejected(2, 1_000_000_000L),
                Fixtures.delivered(3, 2_000_000_000L)));
        int[] up = new int[10];
        int[] down = new int[10];
        TimelineView.bucket(s, 10, up, down);
        assertThat(java.util.Arrays.stream(up).sum()).isEqualTo(2);
        assertThat(java.util.Arrays.stream(down).sum()).isEqualTo(1);
        assertThat(up[0]).isEqualTo(1);
    }
}
