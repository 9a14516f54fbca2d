package dev.silkscreen.capture;

import static org.assertj.core.api.Assertions.assertThat;

import dev.silkscreen.decode.TestPackets;
import dev.silkscreen.model.CapturePoint;
import dev.silkscreen.model.Frame;
import dev.silkscreen.model.LinkType;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What {@link PcapngWriter} writes, {@link CaptureStreamParser} reads back unchanged. */
class PcapngRoundTripTest {
    private static final CapturePoint UNDERLAY = new CapturePoint("cell1", "eth0");
    private static final CapturePoint VTEP = new CapturePoint("cell2", "silk-vtep");
    private static final CapturePoint VETH = new CapturePoint("cell2", "s-010255002003");

    private static List<Frame> roundTrip(List<Frame> written, String comment) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        PcapngWriter writer = new PcapngWriter(bytes, "round trip");
        for (Frame f : written) {
            writer.write(f, comment);
        }
        writer.flush();
        List<Frame> read = new ArrayList<>();
        CaptureStreamParser parser = new CaptureStreamParser(read::add, null);
        parser.feed(bytes.toByteArray(), 0, bytes.size());
        assertThat(parser.finish()).isNull();
        return read;
    }

    @Test
    void framesOfSeveralPointsAndLinkTypesComeBackUnchanged() {
        byte[] syn = TestPackets.silkVxlanSyn();
        byte[] inner = Arrays.copyOfRange(syn, 50, syn.length);
        List<Frame> written = List.of(
                new Frame(UNDERLAY, 1_764_026_875_000_000_001L, LinkType.ETHERNET, syn.length, syn),
                new Frame(VTEP, 1_764_026_875_000_000_900L, LinkType.ETHERNET, inner.length, inner),
                new Frame(VETH, 1_764_026_875_000_001_000L, LinkType.ETHERNET, inner.length, inner),
                new Frame(VTEP, 1_764_026_875_000_002_000L, LinkType.LINUX_SLL2, 3, new byte[] {1, 2, 3}),
                new Frame(UNDERLAY, 1_764_026_875_000_003_000L, LinkType.ETHERNET, syn.length, syn));

        List<Frame> read = roundTrip(written, null);

        assertThat(read).usingRecursiveFieldByFieldElementComparator().isEqualTo(written);
    }

    @Test
    void truncatedFrameKeepsItsOriginalLength() {
        byte[] syn = TestPackets.silkVxlanSyn();
        Frame cut = new Frame(UNDERLAY, 5L, LinkType.ETHERNET, 1514, Arrays.copyOf(syn, 96));

        List<Frame> read = roundTrip(List.of(cut), null);

        assertThat(read.get(0).origLen()).isEqualTo(1514);
        assertThat(read.get(0).data()).containsExactly(cut.data());
    }

    @Test
    void commentsDoNotDisturbTheFrames() {
        byte[] syn = TestPackets.silkVxlanSyn();
        Frame f = new Frame(UNDERLAY, 7L, LinkType.ETHERNET, syn.length, syn);

        List<Frame> read = roundTrip(List.of(f, f), "step 6: leaves cell 1 — ünïcode too");

        assertThat(read).usingRecursiveFieldByFieldElementComparator().containsExactly(f, f);
    }

    @Test
    void commentLongerThanAnOptionCanHoldIsCutNotCorrupting() {
        byte[] syn = TestPackets.silkVxlanSyn();
        Frame f = new Frame(UNDERLAY, 7L, LinkType.ETHERNET, syn.length, syn);

        List<Frame> read = roundTrip(List.of(f, f), "x".repeat(70_000));

        assertThat(read).usingRecursiveFieldByFieldElementComparator().containsExactly(f, f);
    }

    @Test
    void oneInterfacePerPointAndLinkType() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        PcapngWriter writer = new PcapngWriter(bytes, null);

        int a = writer.interfaceFor(UNDERLAY, LinkType.ETHERNET, "underlay NIC");
        int b = writer.interfaceFor(VTEP, LinkType.ETHERNET, null);
        int again = writer.interfaceFor(UNDERLAY, LinkType.ETHERNET, null);
        int otherLink = writer.interfaceFor(UNDERLAY, LinkType.LINUX_SLL2, null);

        assertThat(List.of(a, b, again, otherLink)).containsExactly(0, 1, 0, 2);
    }
}
