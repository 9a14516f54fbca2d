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

    /** Issue 19: cell2's key file is wrong; its "done" afterwards must not read as success, and the header must count it. */
    @Test
    void aCellThatFailedBeforeCapturingIsCountedAndNamedWithItsReasonAfterItIsDone() {
        LiveStatus s = new LiveStatus();
        s.cell("cell1", "connecting", null);
        s.cell("cell2", "connecting", null);
        s.cell("cell3", "connecting", null);
        s.cell("cell1", "connected", null);
        s.point(new PointStats(VTEP, PointState.RUNNING, 10, 1000, -1, null, 42));
        s.point(new PointStats(NIC, PointState.RUNNING, 5, 700, -1, null, 43));
        s.cell("cell2", "failed", "vcap@10.0.16.12:22: cannot read key file /home/me/.ssh/c2");
        s.cell("cell2", "done", null);

        LiveStatus.Coverage c = s.snapshot().coverage();
        assertThat(c.line()).isEqualTo("cells: 1 of 3 capturing, 1 failed, 1 never connected · points: 2 of 2 capturing, 0 failed");
        assertThat(s.snapshot().summary()).startsWith("2 of 2 points capturing").contains("1 failed, 1 never connected");
        assertThat(c.warning()).isEqualTo("Not captured: cell2 (failed: vcap@10.0.16.12:22: cannot read key file /home/me/.ssh/c2);"
                + " cell3 (never connected). What happened there is inferred from the other cells, not seen.");
        assertThat(s.snapshot().messages()).last().asString()
                .isEqualTo("cell2: done — never captured: failed: vcap@10.0.16.12:22: cannot read key file /home/me/.ssh/c2");
    }

    @Test
    void everyCellCapturingGivesNoWarning() {
        LiveStatus s = new LiveStatus();
        s.cell("cell1", "connecting", null);
        s.point(new PointStats(VTEP, PointState.RUNNING, 1, 100, -1, null, 42));
        s.cell("cell1", "connected", null);
        assertThat(s.snapshot().coverage().warning()).isNull();
        assertThat(s.snapshot().coverage().cellsCapturing()).isEqualTo(1);
    }
}
