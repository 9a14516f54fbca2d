package dev.silkscreen.capture;

import static org.assertj.core.api.Assertions.assertThat;

import dev.silkscreen.model.Frame;
import java.io.ByteArrayInputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A pcapng timestamp a 64-bit count of nanoseconds cannot hold used to wrap around and print as a
 * 1970 date; now it is a corrupt-file problem at that packet (issue 15).
 */
class TimestampOverflowTest {
    /** SHB, an Ethernet IDB (microseconds unless {@code tsresol} is given), one 14-byte EPB at {@code ticks}. */
    static byte[] capture(long ticks, int tsresol) {
        ByteBuffer b = ByteBuffer.allocate(256).order(ByteOrder.LITTLE_ENDIAN);
        b.putInt(0x0A0D0D0A).putInt(28).putInt(0x1A2B3C4D).putShort((short) 1).putShort((short) 0).putLong(-1).putInt(28);
        int idbLen = tsresol < 0 ? 20 : 28;
        b.putInt(1).putInt(idbLen).putShort((short) 1).putShort((short) 0).putInt(0);
        if (tsresol >= 0) {
            b.putShort((short) 9).putShort((short) 1).put((byte) tsresol).put(new byte[3]);
        }
        b.putInt(idbLen);
        b.putInt(6).putInt(48).putInt(0).putInt((int) (ticks >>> 32)).putInt((int) ticks).putInt(14).putInt(14);
        b.put(new byte[16]).putInt(48);
        byte[] out = new byte[b.position()];
        b.flip().get(out);
        return out;
    }

    private static List<Frame> frames;

    private static CaptureReader.Result read(byte[] bytes) throws Exception {
        frames = new ArrayList<>();
        return CaptureReader.read(new ByteArrayInputStream(bytes), f -> frames.add(f), null);
    }

    @Test
    void anOrdinaryMicrosecondTimestampReads() throws Exception {
        CaptureReader.Result r = read(capture(1_764_026_875_000_001L, -1));

        assertThat(r.problem()).isNull();
        assertThat(frames).singleElement().extracting(Frame::timeNanos).isEqualTo(1_764_026_875_000_001_000L);
    }

    @Test
    void microsecondsBeyondYear2262AreACorruptFileNot1970() throws Exception {
        CaptureReader.Result r = read(capture(1L << 62, -1));

        assertThat(frames).isEmpty();
        assertThat(r.problem()).isNotNull();
        assertThat(r.problem().kind()).isEqualTo(CaptureProblem.Kind.CORRUPT);
        assertThat(r.problem().message()).contains("after 2262-04-11");
    }

    @Test
    void ticksWithTheTopBitSetAreACorruptFile() throws Exception {
        CaptureReader.Result r = read(capture(-5L, 9));

        assertThat(frames).isEmpty();
        assertThat(r.problem().message()).contains("after 2262-04-11");
    }

    @Test
    void binaryFractionsAtTheEdgeDoNotWrap() {
        Timestamps quarters = Timestamps.of(0x80 | 2, 0);
        assertThat(quarters.toNanos(Long.MAX_VALUE)).isEqualTo(Timestamps.UNREPRESENTABLE);
        Timestamps fine = Timestamps.of(0x80 | 30, 0);
        assertThat(fine.toNanos(Long.MAX_VALUE)).isEqualTo(8_589_934_591_999_999_999L); // (2^33 - 1) s, in range
        assertThat(fine.toNanos(3L << 30)).isEqualTo(3_000_000_000L);
    }

    @Test
    void anOffsetThatWouldOverflowIsNotSupported() {
        assertThat(Timestamps.of(6, Long.MAX_VALUE / 1000)).isNull();
        assertThat(Timestamps.of(6, -3600).toNanos(7_200_000_000L)).isEqualTo(3_600_000_000_000L);
    }
}
