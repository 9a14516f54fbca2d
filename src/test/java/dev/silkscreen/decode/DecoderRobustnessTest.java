package dev.silkscreen.decode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.silkscreen.model.LinkType;
import java.lang.management.ManagementFactory;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Bad bytes never throw, every cut of a frame decodes as far as it can, and decoding allocates nothing. */
class DecoderRobustnessTest {
    private static final int[] LINK_TYPES = {LinkType.ETHERNET, LinkType.LINUX_SLL, LinkType.LINUX_SLL2, LinkType.RAW, LinkType.IPV4, 0, 147};
    private static final byte[][] SAMPLES = {
        TestPackets.silkVxlanSyn(), VxlanLayerTest.TAGGED, TestPackets.ethernet(1, 2, 0x0800, IcmpLayerTest.UNREACHABLE_TCP),
        TestPackets.ethernet(1, 2, 0x0800, TcpLayerTest.SYN_ACK), ArpLayerTest.REQUEST,
        TestPackets.ethernetVlan(1, 2, 7, 0x0800, UdpLayerTest.DATAGRAM),
    };

    private final FrameDecoder decoder = new FrameDecoder();
    private final DecodedFrame out = new DecodedFrame();

    @Test
    void randomBytesOfEveryLinkTypeNeverThrow() {
        Random random = new Random(20261124);
        for (int i = 0; i < 50_000; i++) {
            byte[] b = new byte[random.nextInt(200)];
            random.nextBytes(b);
            int linkType = LINK_TYPES[i % LINK_TYPES.length];
            int origLen = b.length + (random.nextBoolean() ? 0 : random.nextInt(2000));
            assertThatCode(() -> decoder.decode(linkType, b, 0, b.length, origLen, out)).doesNotThrowAnyException();
            assertOffsetsInside(b.length);
        }
    }

    @Test
    void mutatedRealFramesNeverThrow() {
        Random random = new Random(7);
        for (int i = 0; i < 50_000; i++) {
            byte[] b = SAMPLES[i % SAMPLES.length].clone();
            for (int flips = 1 + random.nextInt(4); flips > 0; flips--) {
                b[random.nextInt(b.length)] = (byte) random.nextInt(256);
            }
            int len = random.nextInt(b.length + 1);
            assertThatCode(() -> decoder.decode(LinkType.ETHERNET, b, 0, len, b.length, out)).doesNotThrowAnyException();
            assertOffsetsInside(len);
        }
    }

    @Test
    void everyCutOfAVxlanFrameIsMarkedTruncatedUntilTheHeadersAreWhole() {
        byte[] whole = TestPackets.silkVxlanSyn();
        int headersEnd = 14 + 20 + 8 + 8 + 14 + 20 + 36;

        for (int snap = 0; snap < whole.length; snap++) {
            DecodedFrame d = TestDecoding.cut(whole, snap);
            if (snap < headersEnd) {
                assertThat(d.truncated).as("cut at %d", snap).isTrue();
                assertThat(d.malformed).as("cut at %d", snap).contains("snap length");
            } else {
                assertThat(d.malformed).as("cut at %d", snap).isNull();
            }
        }
    }

    @Test
    void outOfRangeOffsetsAreAProblemNotAnException() {
        byte[] b = new byte[10];

        decoder.decode(LinkType.ETHERNET, b, 8, 5, 5, out);
        assertThat(out.malformed).isEqualTo(Malformed.BAD_BOUNDS);
        decoder.decode(LinkType.ETHERNET, null, 0, 0, 0, out);
        assertThat(out.malformed).isEqualTo(Malformed.BAD_BOUNDS);
        decoder.decode(LinkType.ETHERNET, b, -1, 2, 2, out);
        assertThat(out.malformed).isEqualTo(Malformed.BAD_BOUNDS);
    }

    @Test
    void frameInsideALargerBufferDecodesFromItsOffset() {
        byte[] frame = TestPackets.silkVxlanSyn();
        byte[] buffer = new byte[frame.length + 100];
        System.arraycopy(frame, 0, buffer, 37, frame.length);

        decoder.decode(LinkType.ETHERNET, buffer, 37, frame.length, frame.length, out);

        assertThat(out.gbp).isEqualTo(3);
        assertThat(out.dport).isEqualTo(8080);
        assertThat(out.ipOffset).isEqualTo(37 + 64);
    }

    @Test
    void reusedResultHoldsNothingOfThePreviousFrame() {
        byte[] vxlan = TestPackets.silkVxlanSyn();
        byte[] arp = ArpLayerTest.REQUEST;

        decoder.decode(LinkType.ETHERNET, vxlan, 0, vxlan.length, vxlan.length, out);
        decoder.decode(LinkType.ETHERNET, arp, 0, arp.length, arp.length, out);

        assertThat(out.encapsulated).isFalse();
        assertThat(out.gbp).isEqualTo(-1);
        assertThat(out.vni).isEqualTo(-1);
        assertThat(out.ipVersion).isZero();
        assertThat(out.sport).isEqualTo(-1);
        assertThat(out.seq).isEqualTo(-1);
        assertThat(out.outerSrcMac).isEqualTo(-1);
    }

    @Test
    void decodingAllocatesNothing() {
        java.lang.management.ThreadMXBean bean = ManagementFactory.getThreadMXBean();
        assumeTrue(bean instanceof com.sun.management.ThreadMXBean, "this JVM cannot count allocated bytes per thread");
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) bean;
        byte[][] frames = Arrays.copyOf(SAMPLES, SAMPLES.length);
        for (int i = 0; i < 20_000; i++) {
            byte[] f = frames[i % frames.length];
            decoder.decode(LinkType.ETHERNET, f, 0, f.length, f.length, out);
        }
        long tid = Thread.currentThread().getId();

        long before = threads.getThreadAllocatedBytes(tid);
        for (int i = 0; i < 100_000; i++) {
            byte[] f = frames[i % frames.length];
            decoder.decode(LinkType.ETHERNET, f, 0, f.length, f.length, out);
        }
        long allocated = threads.getThreadAllocatedBytes(tid) - before;

        assertThat(allocated).as("bytes allocated by 100000 decodes").isLessThan(1024);
    }

    private void assertOffsetsInside(int len) {
        for (int offset : new int[] {out.outerIpOffset, out.vxlanOffset, out.innerEthOffset, out.ipOffset, out.l4Offset}) {
            assertThat(offset).isBetween(-1, len);
        }
    }
}
