package dev.silkscreen.trace;

import static dev.silkscreen.decode.TestPackets.ethernet;
import static dev.silkscreen.decode.TestPackets.icmp;
import static dev.silkscreen.decode.TestPackets.ip;
import static dev.silkscreen.decode.TestPackets.ipv4;
import static dev.silkscreen.decode.TestPackets.tcp;
import static dev.silkscreen.trace.TraceFrames.DST;
import static dev.silkscreen.trace.TraceFrames.DST_VETH;
import static dev.silkscreen.trace.TraceFrames.NIC1;
import static dev.silkscreen.trace.TraceFrames.NIC2;
import static dev.silkscreen.trace.TraceFrames.PATH;
import static dev.silkscreen.trace.TraceFrames.SRC;
import static dev.silkscreen.trace.TraceFrames.SRC_VETH;
import static dev.silkscreen.trace.TraceFrames.T0;
import static dev.silkscreen.trace.TraceFrames.VTEP1;
import static dev.silkscreen.trace.TraceFrames.VTEP2;
import static dev.silkscreen.trace.TraceFrames.at;
import static org.assertj.core.api.Assertions.assertThat;

import dev.silkscreen.model.CapturePoint;
import dev.silkscreen.model.Frame;
import dev.silkscreen.model.Hop;
import dev.silkscreen.model.Journey;
import dev.silkscreen.model.LinkType;
import dev.silkscreen.model.Verdict;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Live streams: a journey whose verdict is certain is given at once, not after the window (2 s
 * here). Clocks are explicit: every stream reports itself complete only up to {@code T0}, and the
 * frames' times stay microseconds past it, so no window can have passed when the journey comes out.
 */
class EarlyVerdictsTest {
    private static final int SYN = 0x02;
    private static final int PSH_ACK = 0x18;
    private static final long US = 1_000;
    private static final long MS = 1_000_000;

    private final JourneyStore store = new JourneyStore(100);
    private final List<Journey> out = new ArrayList<>();
    private final Correlator c = TraceFrames.correlator(store);

    EarlyVerdictsTest() {
        store.addListener(out::add);
    }

    /** Every point streams (live) and has delivered everything captured before {@code T0}. */
    private void live() {
        for (CapturePoint p : PATH) {
            c.advanced(p, T0);
        }
    }

    private void accept(Frame... frames) {
        for (Frame f : frames) {
            c.accept(f);
        }
    }

    private static Frame[] synThrough(int points, int ipId, long seq) {
        Frame[] f = new Frame[points];
        for (int i = 0; i < points; i++) {
            f[i] = at(PATH[i], T0 + (10 + 20 * i) * US, ipId, seq, SYN, 0);
        }
        return f;
    }

    @Test
    void aPacketSeenAtItsDestinationVethIsDeliveredAtOnce() {
        live();
        Frame[] syn = synThrough(6, 7, 1000);
        accept(Arrays.copyOf(syn, 5));
        assertThat(out).as("not yet at AppA's veth").isEmpty();

        c.accept(syn[5]);
        assertThat(out).singleElement().satisfies(j -> {
            assertThat(j.verdict()).isEqualTo(Verdict.DELIVERED);
            assertThat(j.hops()).extracting(Hop::stage).containsExactly(2, 4, 6, 8, 9, 11);
        });
        assertThat(c.settledEarly()).isEqualTo(1);
        assertThat(c.openJourneys()).isEmpty();
    }

    @Test
    void aSourceCellWhoseStreamLagsIsWaitedForUntilEveryPointOfThePathHasSeenThePacket() {
        live();
        Frame[] syn = synThrough(6, 7, 1000);
        accept(syn[3], syn[4], syn[5]);
        assertThat(out).as("cell2 saw it arrive; cell1's frames are still on their way").isEmpty();
        accept(syn[0], syn[1]);
        assertThat(out).as("cell1's NIC has not sent its frame yet").isEmpty();

        c.accept(syn[2]);
        assertThat(out).singleElement().satisfies(j -> {
            assertThat(j.verdict()).isEqualTo(Verdict.DELIVERED);
            assertThat(j.hops()).extracting(Hop::stage).containsExactly(2, 4, 6, 8, 9, 11);
        });
    }

    @Test
    void aGsoFrameIsCompleteOnlyWhenEveryByteRangeHasArrivedEverywhere() {
        live();
        accept(at(SRC_VETH, T0 + 10 * US, 100, 1000, PSH_ACK, 4000), at(VTEP1, T0 + 20 * US, 100, 1000, PSH_ACK, 4000));
        int[] lens = {1448, 1448, 1104};
        for (int i = 0; i < 3; i++) {
            accept(at(NIC1, T0 + (30 + i) * US, 100 + i, 1000 + i * 1448L, PSH_ACK, lens[i]));
        }
        for (int i = 0; i < 3; i++) {
            accept(at(NIC2, T0 + (200 + i) * US, 100 + i, 1000 + i * 1448L, PSH_ACK, lens[i]));
        }
        accept(at(VTEP2, T0 + 220 * US, 100, 1000, PSH_ACK, 4000));
        // GRO at the destination handed the container the bytes in two pieces.
        c.accept(at(DST_VETH, T0 + 230 * US, 100, 1000, PSH_ACK, 2896));
        assertThat(out).as("1104 bytes not yet seen at AppA's veth").isEmpty();

        c.accept(at(DST_VETH, T0 + 240 * US, 102, 3896, PSH_ACK, 1104));
        assertThat(out).singleElement().satisfies(j -> {
            assertThat(j.verdict()).isEqualTo(Verdict.DELIVERED);
            assertThat(j.hops()).extracting(Hop::stage).containsExactly(2, 4, 6, 6, 6, 8, 8, 8, 9, 11, 11);
        });
    }

    @Test
    void aPacketWhoseIcmpRejectHasBeenSeenIsDroppedAtOnce() {
        live();
        Frame[] syn = synThrough(5, 9, 5000);
        accept(syn);
        assertThat(out).isEmpty();

        c.accept(reject(VTEP2, T0 + 200 * US, 9, 5000));
        assertThat(out).first().satisfies(j -> {
            assertThat(j.flow().dst()).isEqualTo(DST);
            assertThat(j.verdict()).isEqualTo(Verdict.DROPPED);
            assertThat(j.dropStage()).isEqualTo(10);
            assertThat(j.dropCell()).isEqualTo("cell2");
            assertThat(j.reason()).contains("ICMP port unreachable");
        });
    }

    @Test
    void anIcmpRejectSeenBeforeThePacketsOwnFramesDecidesItWhenTheyHaveCome() {
        live();
        Frame[] syn = synThrough(5, 9, 5000);
        c.accept(reject(VTEP2, T0 + 200 * US, 9, 5000));
        accept(syn[3], syn[4], syn[0], syn[1]);
        assertThat(out).as("cell1's NIC frame still to come").noneMatch(j -> j.flow().dst().equals(DST));

        c.accept(syn[2]);
        assertThat(out).filteredOn(j -> j.flow().dst().equals(DST)).singleElement().satisfies(j -> {
            assertThat(j.verdict()).isEqualTo(Verdict.DROPPED);
            assertThat(j.hops()).extracting(Hop::stage).containsExactly(2, 4, 6, 8, 9);
        });
    }

    @Test
    void journeysCompleteBeforeTheFirstProgressReportAreGivenWhenItComes() {
        accept(synThrough(6, 7, 1000));
        assertThat(out).as("nothing says yet that the frames come from live streams").isEmpty();

        c.advanced(SRC_VETH, T0);
        assertThat(out).singleElement().satisfies(j -> assertThat(j.verdict()).isEqualTo(Verdict.DELIVERED));
    }

    @Test
    void aSilentLossWaitsForItsWindow() {
        live();
        accept(synThrough(5, 9, 5000));
        for (CapturePoint p : PATH) {
            c.advanced(p, T0 + 1_500 * MS);
        }
        assertThat(out).as("the window (2 s) is still open").isEmpty();

        for (CapturePoint p : PATH) {
            c.advanced(p, T0 + 2_500 * MS);
        }
        assertThat(out).singleElement().satisfies(j -> {
            assertThat(j.verdict()).isEqualTo(Verdict.DROPPED);
            assertThat(j.dropStage()).isEqualTo(10);
        });
        assertThat(c.settledEarly()).isZero();
    }

    @Test
    void aCapturedPointThatMissedThePacketKeepsItOpenUntilTheWindowThenItIsDeliveredAsBefore() {
        live();
        Frame[] syn = synThrough(6, 7, 1000);
        accept(syn[0], syn[2], syn[3], syn[4], syn[5]); // cell1's silk-vtep capture missed it
        assertThat(out).isEmpty();

        for (CapturePoint p : PATH) {
            c.advanced(p, T0 + 2_500 * MS);
        }
        assertThat(out).singleElement().satisfies(j -> assertThat(j.verdict()).isEqualTo(Verdict.DELIVERED));
    }

    @Test
    void journeysOfCaptureFilesStillComeOutByTheWindowInOrderOfFirstSighting() {
        accept(synThrough(6, 7, 1000));
        assertThat(out).as("no live stream: decided by the window").isEmpty();
        c.advanceTo(T0 + 2_500 * MS);
        assertThat(out).singleElement().satisfies(j -> assertThat(j.verdict()).isEqualTo(Verdict.DELIVERED));
    }

    @Test
    void aDecidedJourneyOvertakesAnOlderOneStillWaitingAndEachIsGivenOnce() {
        live();
        Frame[] lost = synThrough(2, 3, 100);
        accept(lost);
        accept(synThrough(6, 4, 9000));
        assertThat(out).singleElement().satisfies(j -> assertThat(j.flow().sport()).isEqualTo(40000));
        assertThat(out.get(0).verdict()).isEqualTo(Verdict.DELIVERED);

        for (CapturePoint p : PATH) {
            c.advanced(p, T0 + 2_500 * MS);
        }
        c.finish();
        assertThat(out).hasSize(2);
        assertThat(out.get(1).verdict()).isEqualTo(Verdict.DROPPED);
        assertThat(out).extracting(Journey::id).doesNotHaveDuplicates();
    }

    /** cell2's ICMP port unreachable from its VTEP address 10.255.2.0 quoting AppB's SYN, as seen at {@code point}. */
    private static Frame reject(CapturePoint point, long t, int ipId, long seq) {
        byte[] quoted = Arrays.copyOf(ipv4(ip(SRC), ip(DST), 6, ipId, tcp(40000, 8080, seq, 1, SYN, new byte[0])), 28);
        byte[] data = ethernet(0xeeee0aff0102L, 0xeeee0aff0200L, 0x0800,
                ipv4(ip("10.255.2.0"), ip(SRC), 1, 0x4444, icmp(3, 3, 0, quoted)));
        return new Frame(point, t, LinkType.ETHERNET, data.length, data);
    }
}
