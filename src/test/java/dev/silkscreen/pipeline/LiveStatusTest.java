package dev.silkscreen.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import dev.silkscreen.live.stream.PointState;
import dev.silkscreen.live.stream.PointStats;
import dev.silkscreen.model.CapturePoint;
import java.util.List;
import org.junit.jupiter.api.Test;

class LiveStatusTest {
    private static final CapturePoint VTEP = new CapturePoint("cell1", "silk-vtep");
    private static final CapturePoint NIC = new CapturePoint("cell1", "eth0");

    @Test
    void eachPointShowsItsLatestCountersAndTheTotalsAddUp() {
        LiveStatus s = new LiveStatus();
        s.point(new PointStats(VTEP, PointState.RUNNING, 10, 1000, -1, null, 42));
        s.point(new PointStats(NIC, PointState.RUNNING, 5, 700, -1, null, 43));
        s.point(new PointStats(VTEP, PointState.STOPPED, 12, 1200, 3, null, 42));
        LiveStatus.Snapshot snap = s.snapshot();
        assertThat(snap.rows()).extracting(LiveStatus.Row::point).containsExactly("cell1:eth0", "cell1:silk-vtep");
        assertThat(snap.rows().get(1)).isEqualTo(new LiveStatus.Row("cell1:silk-vtep", "stopped", 12, 1200, "3", ""));
        assertThat(snap.rows().get(0).drops()).isEqualTo("?");
        assertThat(snap.frames()).isEqualTo(17);
        assertThat(snap.bytes()).isEqualTo(1900);
        assertThat(snap.drops()).isEqualTo(3);
        assertThat(snap.running()).isEqualTo(1);
        assertThat(snap.summary()).startsWith("1 of 2 points capturing · 17 frames");
    }

    @Test
    void tcpdumpsComplaintIsShownOnItsRowAndInTheLog() {
        LiveStatus s = new LiveStatus();
        s.point(new PointStats(NIC, PointState.FAILED, 0, 0, -1, "not allowed to capture: tcpdump: eth0: You don't have permission", -1));
        LiveStatus.Snapshot snap = s.snapshot();
        assertThat(snap.rows().get(0).message()).contains("You don't have permission");
        assertThat(snap.messages()).singleElement().asString().startsWith("cell1:eth0: failed: not allowed");
    }

    @Test
    void countersPolledWithoutChangeDoNotMarkTheStatusChanged() {
        LiveStatus s = new LiveStatus();
        PointStats a = new PointStats(VTEP, PointState.RUNNING, 10, 1000, -1, null, 42);
        s.point(a);
        long v = s.snapshot().version();
        s.counters(List.of(a));
        assertThat(s.snapshot().version()).isEqualTo(v);
        s.counters(List.of(new PointStats(VTEP, PointState.RUNNING, 11, 1100, -1, null, 42)));
        assertThat(s.snapshot().version()).isGreaterThan(v);
        assertThat(s.snapshot().frames()).isEqualTo(11);
    }

    @Test
    void theLogKeepsOnlyTheLatestMessages() {
        LiveStatus s = new LiveStatus();
        for (int i = 0; i < LiveStatus.MAX_MESSAGES + 5; i++) {
            s.warning("w" + i);
        }
        List<String> m = s.snapshot().messages();
        assertThat(m).hasSize(LiveStatus.MAX_MESSAGES);
        assertThat(m.get(m.size() - 1)).isEqualTo("warning: w" + (LiveStatus.MAX_MESSAGES + 4));
    }
}
