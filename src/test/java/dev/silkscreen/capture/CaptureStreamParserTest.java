package dev.silkscreen.capture;

import static org.assertj.core.api.Assertions.assertThat;

import dev.silkscreen.model.CapturePoint;
import dev.silkscreen.model.Frame;
import dev.silkscreen.model.LinkType;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class CaptureStreamParserTest {
    private static final CapturePoint DEFAULT = new CapturePoint("cell9", "eth1");
    private static final byte[] A = {1, 2, 3, 4, 5};
    private static final byte[] B = {6, 7, 8, 9, 10, 11, 12, 13};

    enum Order {
        LITTLE(ByteOrder.LITTLE_ENDIAN), BIG(ByteOrder.BIG_ENDIAN);

        final ByteOrder order;

        Order(ByteOrder order) {
            this.order = order;
        }
    }

    private final List<Frame> frames = new ArrayList<>();

    private CaptureProblem parseWhole(byte[] bytes) {
        CaptureStreamParser parser = new CaptureStreamParser(frames::add, DEFAULT);
        parser.feed(bytes, 0, bytes.length);
        return parser.finish();
    }

    @ParameterizedTest
    @EnumSource(Order.class)
    void pcapMicrosecondsInEitherByteOrder(Order o) {
        byte[] file = CaptureBytes.in(o.order).pcapHeader(false, LinkType.ETHERNET)
                .pcapRecord(1_700_000_000L, 123_456, 60, A).bytes();

        CaptureProblem problem = parseWhole(file);

        assertThat(problem).isNull();
        assertThat(frames).singleElement().satisfies(f -> {
            assertThat(f.timeNanos()).isEqualTo(1_700_000_000_123_456_000L);
            assertThat(f.linkType()).isEqualTo(LinkType.ETHERNET);
            assertThat(f.origLen()).isEqualTo(60);
            assertThat(f.data()).containsExactly(A);
            assertThat(f.point()).isEqualTo(DEFAULT);
        });
    }

    @ParameterizedTest
    @EnumSource(Order.class)
    void pcapNanosecondsInEitherByteOrder(Order o) {
        byte[] file = CaptureBytes.in(o.order).pcapHeader(true, LinkType.LINUX_SLL2)
                .pcapRecord(1_700_000_000L, 123_456_789, 5, A).bytes();

        parseWhole(file);

        assertThat(frames).singleElement().satisfies(f -> {
            assertThat(f.timeNanos()).isEqualTo(1_700_000_000_123_456_789L);
            assertThat(f.linkType()).isEqualTo(LinkType.LINUX_SLL2);
        });
    }

    @ParameterizedTest
    @EnumSource(Order.class)
    void pcapngEnhancedPacketsInEitherByteOrder(Order o) {
        byte[] file = CaptureBytes.in(o.order).shb().idb(LinkType.ETHERNET, 0, "cell1:silk-vtep", 9, 0)
                .epb(0, 1_700_000_000_000_000_001L, 5, A).bytes();

        CaptureProblem problem = parseWhole(file);

        assertThat(problem).isNull();
        assertThat(frames).singleElement().satisfies(f -> {
            assertThat(f.point()).isEqualTo(new CapturePoint("cell1", "silk-vtep"));
            assertThat(f.timeNanos()).isEqualTo(1_700_000_000_000_000_001L);
            assertThat(f.data()).containsExactly(A);
        });
    }

    @Test
    void pcapngDefaultResolutionIsMicroseconds() {
        byte[] file = CaptureBytes.in(ByteOrder.LITTLE_ENDIAN).shb().idb(1, 0, null, -1, 0).epb(0, 1_500_000L, 5, A).bytes();

        parseWhole(file);

        assertThat(frames.get(0).timeNanos()).isEqualTo(1_500_000_000L);
    }

    @Test
    void pcapngPowerOfTwoResolution() {
        // 2^-10 s ticks: 3 s and 512/1024 s.
        byte[] file = CaptureBytes.in(ByteOrder.LITTLE_ENDIAN).shb().idb(1, 0, null, 0x80 | 10, 0)
                .epb(0, 3L * 1024 + 512, 5, A).bytes();

        parseWhole(file);

        assertThat(frames.get(0).timeNanos()).isEqualTo(3_500_000_000L);
    }

    @Test
    void pcapngMillisecondResolutionAndOffset() {
        byte[] file = CaptureBytes.in(ByteOrder.BIG_ENDIAN).shb().idb(1, 0, null, 3, 100).epb(0, 2_250L, 5, A).bytes();

        parseWhole(file);

        assertThat(frames.get(0).timeNanos()).isEqualTo(102_250_000_000L);
    }

    @Test
    void interfaceNameWithoutCellGetsTheDefaultCell() {
        byte[] file = CaptureBytes.in(ByteOrder.LITTLE_ENDIAN).shb().idb(1, 0, "silk-vtep", 9, 0).epb(0, 1, 5, A).bytes();

        parseWhole(file);

        assertThat(frames.get(0).point()).isEqualTo(new CapturePoint("cell9", "silk-vtep"));
    }

    @Test
    void everyInterfaceTheFileDeclaresIsToldEvenWithoutFrames() {
        byte[] file = CaptureBytes.in(ByteOrder.LITTLE_ENDIAN).shb().idb(1, 0, "cell1:eth0", 9, 0)
                .idb(1, 0, "cell2:eth0", 9, 0).epb(0, 1, 5, A).bytes();
        List<CapturePoint> declared = new ArrayList<>();
        CaptureStreamParser parser = new CaptureStreamParser(frames::add, DEFAULT).onInterface(declared::add);

        parser.feed(file, 0, file.length);

        assertThat(declared).containsExactly(CapturePoint.parse("cell1:eth0"), CapturePoint.parse("cell2:eth0"));
        assertThat(frames).hasSize(1);
    }

    @Test
    void aPcapHeaderDeclaresTheDefaultPoint() {
        byte[] file = CaptureBytes.in(ByteOrder.LITTLE_ENDIAN).pcapHeader(false, 1).bytes();
        List<CapturePoint> declared = new ArrayList<>();
        CaptureStreamParser parser = new CaptureStreamParser(frames::add, DEFAULT).onInterface(declared::add);

        parser.feed(file, 0, file.length);

        assertThat(declared).containsExactly(DEFAULT);
        assertThat(parser.finish()).isNull();
    }

    @Test
    void pcapFramesGetTheUnknownPointWhenNoDefaultIsGiven() {
        byte[] file = CaptureBytes.in(ByteOrder.LITTLE_ENDIAN).pcapHeader(false, 1).pcapRecord(1, 0, 5, A).bytes();
        CaptureStreamParser parser = new CaptureStreamParser(frames::add, null);

        parser.feed(file, 0, file.length);

        assertThat(frames.get(0).point()).isEqualTo(CaptureStreamParser.UNKNOWN_POINT);
        assertThat(frames.get(0).point().name()).isEmpty();
    }

    @Test
    void eachSectionStartsItsOwnInterfacesAndByteOrder() {
        byte[] first = CaptureBytes.in(ByteOrder.LITTLE_ENDIAN).shb().idb(LinkType.ETHERNET, 0, "cell1:eth0", 9, 0)
                .epb(0, 10, 5, A).bytes();
        byte[] second = CaptureBytes.in(ByteOrder.BIG_ENDIAN).shb().idb(LinkType.LINUX_SLL2, 0, "cell2:any", 9, 0)
                .epb(0, 20, 8, B).bytes();

        CaptureProblem problem = parseWhole(concat(first, second));

        assertThat(problem).isNull();
        assertThat(frames).extracting(f -> f.point().name()).containsExactly("cell1:eth0", "cell2:any");
        assertThat(frames).extracting(Frame::linkType).containsExactly(LinkType.ETHERNET, LinkType.LINUX_SLL2);
        assertThat(frames.get(1).data()).containsExactly(B);
    }

    @Test
    void unknownBlocksAreSkipped() {
        byte[] file = CaptureBytes.in(ByteOrder.LITTLE_ENDIAN).shb().unknownBlock(0x0BAD, 20).idb(1, 0, null, 9, 0)
                .unknownBlock(5, 8).epb(0, 1, 5, A).unknownBlock(0x40000BAD, 4).bytes();

        CaptureProblem problem = parseWhole(file);

        assertThat(problem).isNull();
        assertThat(frames).hasSize(1);
    }

    @Test
    void simplePacketBlockUsesInterfaceZeroAndItsSnapLength() {
        byte[] file = CaptureBytes.in(ByteOrder.LITTLE_ENDIAN).shb().idb(LinkType.ETHERNET, 6, "cell1:eth0", 9, 0)
                .epb(0, 42, 5, A).spb(100, B).bytes();

        parseWhole(file);

        assertThat(frames).hasSize(2);
        Frame spb = frames.get(1);
        assertThat(spb.data()).containsExactly(6, 7, 8, 9, 10, 11);
        assertThat(spb.origLen()).isEqualTo(100);
        assertThat(spb.timeNanos()).isEqualTo(42);
        assertThat(spb.point().name()).isEqualTo("cell1:eth0");
    }

    @Test
    void textIsNotACapture() {
        CaptureProblem problem = parseWhole("GET / HTTP/1.1\r\n".getBytes());

        assertThat(problem.kind()).isEqualTo(CaptureProblem.Kind.NOT_A_CAPTURE);
        assertThat(problem.message()).isEqualTo("not a pcap or pcapng file");
    }

    @Test
    void emptyInputIsNotACapture() {
        CaptureProblem problem = parseWhole(new byte[0]);

        assertThat(problem.kind()).isEqualTo(CaptureProblem.Kind.NOT_A_CAPTURE);
    }

    @Test
    void inputEndingInsideARecordIsCutShortAfterTheWholeFrames() {
        byte[] file = CaptureBytes.in(ByteOrder.LITTLE_ENDIAN).pcapHeader(false, 1).pcapRecord(1, 0, 5, A)
                .pcapRecord(2, 0, 8, B).bytes();

        CaptureProblem problem = parseWhole(java.util.Arrays.copyOf(file, file.length - 3));

        assertThat(frames).hasSize(1);
        assertThat(problem.kind()).isEqualTo(CaptureProblem.Kind.CUT_SHORT);
        assertThat(problem.message()).contains("after frame 1");
    }

    @Test
    void inputEndingInsideThePcapHeaderIsCutShort() {
        byte[] file = CaptureBytes.in(ByteOrder.LITTLE_ENDIAN).pcapHeader(false, 1).bytes();

        CaptureProblem problem = parseWhole(java.util.Arrays.copyOf(file, 10));

        assertThat(problem.kind()).isEqualTo(CaptureProblem.Kind.CUT_SHORT);
    }

    @Test
    void blockLengthNotAMultipleOfFourIsCorrupt() {
        byte[] file = CaptureBytes.in(ByteOrder.LITTLE_ENDIAN).shb().idb(1, 0, null, 9, 0).epb(0, 1, 5, A).bytes();
        int idbStart = 28;
        file[idbStart + 4] = 21;

        CaptureProblem problem = parseWhole(file);

        assertThat(problem.kind()).isEqualTo(CaptureProblem.Kind.CORRUPT);
        assertThat(problem.message()).contains("block length 21");
        assertThat(problem.offset()).isEqualTo(idbStart + 4);
    }

    @Test
    void packetOnAnUndescribedInterfaceIsCorruptButEarlierFramesStay() {
        byte[] file = CaptureBytes.in(ByteOrder.LITTLE_ENDIAN).shb().idb(1, 0, null, 9, 0).epb(0, 1, 5, A)
                .epb(3, 2, 5, A).bytes();

        CaptureProblem problem = parseWhole(file);

        assertThat(frames).hasSize(1);
        assertThat(problem.kind()).isEqualTo(CaptureProblem.Kind.CORRUPT);
        assertThat(problem.message()).contains("interface 3");
    }

    @Test
    void feedReturnsFalseOnceAProblemStoppedTheParser() {
        CaptureStreamParser parser = new CaptureStreamParser(frames::add, null);
        byte[] junk = "junk junk".getBytes();

        boolean first = parser.feed(junk, 0, junk.length);
        boolean second = parser.feed(junk, 0, junk.length);

        assertThat(first).isFalse();
        assertThat(second).isFalse();
        assertThat(parser.problem().kind()).isEqualTo(CaptureProblem.Kind.NOT_A_CAPTURE);
    }

    @Test
    void formatIsKnownAfterTheMagic() {
        CaptureStreamParser parser = new CaptureStreamParser(frames::add, null);
        byte[] file = CaptureBytes.in(ByteOrder.LITTLE_ENDIAN).shb().bytes();

        parser.feed(file, 0, file.length);

        assertThat(parser.format()).isEqualTo(CaptureFormat.PCAPNG);
    }

    static byte[] concat(byte[] a, byte[] b) {
        byte[] r = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, r, a.length, b.length);
        return r;
    }
}
