package dev.silkscreen.capture;

import static org.assertj.core.api.Assertions.assertThat;

import dev.silkscreen.decode.TestPackets;
import dev.silkscreen.model.CapturePoint;
import dev.silkscreen.model.Frame;
import dev.silkscreen.model.LinkType;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.net.URISyntaxException;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Records split across feeds, one byte at a time, and a stream that grows while it is read. */
class IncrementalReadingTest {
    private static final CapturePoint UNDERLAY = new CapturePoint("cell1", "eth0");
    private static final CapturePoint VTEP = new CapturePoint("cell1", "silk-vtep");

    private static byte[] smallPcapng() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        PcapngWriter w = new PcapngWriter(bytes, "split test");
        byte[] syn = TestPackets.silkVxlanSyn();
        w.write(new Frame(UNDERLAY, 1_000L, LinkType.ETHERNET, syn.length, syn), "first");
        w.accept(new Frame(VTEP, 2_000L, LinkType.ETHERNET, 200, java.util.Arrays.copyOfRange(syn, 50, 120)));
        w.accept(new Frame(UNDERLAY, 3_000L, LinkType.ETHERNET, syn.length, syn));
        w.flush();
        return bytes.toByteArray();
    }

    private static byte[] smallPcap() {
        byte[] syn = TestPackets.silkVxlanSyn();
        return CaptureBytes.in(ByteOrder.BIG_ENDIAN).pcapHeader(true, LinkType.ETHERNET)
                .pcapRecord(1, 2, syn.length, syn).pcapRecord(3, 4, 1500, java.util.Arrays.copyOf(syn, 60)).bytes();
    }

    private static List<Frame> readSplit(byte[] file, int... cuts) {
        List<Frame> frames = new ArrayList<>();
        CaptureStreamParser parser = new CaptureStreamParser(frames::add, UNDERLAY);
        int from = 0;
        for (int cut : cuts) {
            assertThat(parser.feed(file, from, cut - from)).isTrue();
            from = cut;
        }
        parser.feed(file, from, file.length - from);
        assertThat(parser.finish()).isNull();
        return frames;
    }

    @Test
    void pcapngSplitAtEveryPointReadsTheSameFrames() {
        byte[] file = smallPcapng();
        List<Frame> whole = readSplit(file);
        assertThat(whole).hasSize(3);

        for (int cut = 0; cut <= file.length; cut++) {
            assertThat(readSplit(file, cut)).as("split at %d", cut).usingRecursiveFieldByFieldElementComparator().isEqualTo(whole);
        }
    }

    @Test
    void pcapSplitAtEveryPairOfPointsReadsTheSameFrames() {
        byte[] file = smallPcap();
        List<Frame> whole = readSplit(file);
        assertThat(whole).hasSize(2);

        for (int a = 0; a <= file.length; a += 3) {
            for (int b = a; b <= file.length; b += 5) {
                assertThat(readSplit(file, a, b)).as("splits at %d and %d", a, b)
                        .usingRecursiveFieldByFieldElementComparator().isEqualTo(whole);
            }
        }
    }

    @Test
    void oneByteAtATimeReadsTheSameFrames() {
        byte[] file = smallPcapng();
        int[] cuts = new int[file.length - 1];
        for (int i = 0; i < cuts.length; i++) {
            cuts[i] = i + 1;
        }

        assertThat(readSplit(file, cuts)).usingRecursiveFieldByFieldElementComparator().isEqualTo(readSplit(file));
    }

    @Test
    void eachFrameOfAGrowingStreamArrivesBeforeTheNextIsWritten() throws Exception {
        byte[] file = smallPcapng();
        List<Integer> frameEnds = blockEnds(file);
        PipedOutputStream writerEnd = new PipedOutputStream();
        InputStream readerEnd = new PipedInputStream(writerEnd, 1 << 16);
        BlockingQueue<Frame> arrived = new LinkedBlockingQueue<>();
        ExecutorService reader = Executors.newSingleThreadExecutor();
        try {
            Future<CaptureReader.Result> result = reader.submit(() -> CaptureReader.read(readerEnd, arrived::add, null));
            int from = 0;
            for (int end : frameEnds) {
                writerEnd.write(file, from, end - from);
                writerEnd.flush();
                assertThat(arrived.poll(10, TimeUnit.SECONDS)).as("frame ending at byte %d", end).isNotNull();
                from = end;
            }
            writerEnd.close();
            CaptureReader.Result r = result.get(10, TimeUnit.SECONDS);
            assertThat(r.complete()).isTrue();
            assertThat(r.frames()).isEqualTo(3);
        } finally {
            reader.shutdownNow();
        }
    }

    /** End offsets of the blocks that complete frames (EPBs), writing any IDB along with its EPB. */
    private static List<Integer> blockEnds(byte[] file) {
        List<Integer> ends = new ArrayList<>();
        int pos = 0;
        while (pos < file.length) {
            int type = (file[pos] & 0xff) | (file[pos + 1] & 0xff) << 8;
            int len = (file[pos + 4] & 0xff) | (file[pos + 5] & 0xff) << 8 | (file[pos + 6] & 0xff) << 16;
            pos += len;
            if (type == 6) {
                ends.add(pos);
            }
        }
        return ends;
    }

    @Test
    void readsRealTcpdumpFilesOfEveryLinkType() throws Exception {
        assertThat(readResource("underlay-eth.pcap")).allMatch(f -> f.linkType() == LinkType.ETHERNET);
        assertThat(readResource("any-sll.pcap")).allMatch(f -> f.linkType() == LinkType.LINUX_SLL);
        assertThat(readResource("any-sll2.pcap")).allMatch(f -> f.linkType() == LinkType.LINUX_SLL2);
        assertThat(readResource("underlay-snap96.pcap")).anyMatch(f -> f.capLen() == 96 && f.origLen() > 96);
    }

    @Test
    void nanosecondPcapKeepsNanoseconds() throws Exception {
        assertThat(readResource("vtep-eth-nanos.pcap")).anyMatch(f -> f.timeNanos() % 1000 != 0);
    }

    private static List<Frame> readResource(String name) throws IOException, URISyntaxException, CaptureException {
        Path file = Path.of(Objects.requireNonNull(IncrementalReadingTest.class.getResource("/captures/" + name)).toURI());
        assertThat(Files.size(file)).isPositive();
        return CaptureReader.readAll(file, UNDERLAY);
    }
}
