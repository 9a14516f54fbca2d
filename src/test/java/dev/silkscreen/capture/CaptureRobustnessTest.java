package dev.silkscreen.capture;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import java.util.Objects;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Garbage, cut and mutated capture files end in a problem value (or cleanly), never an exception. */
class CaptureRobustnessTest {

    private static byte[] resource(String name) throws IOException {
        try (InputStream in = Objects.requireNonNull(CaptureRobustnessTest.class.getResourceAsStream("/captures/" + name))) {
            return in.readAllBytes();
        }
    }

    private static CaptureProblem parse(byte[] bytes, long[] frames) {
        CaptureStreamParser parser = new CaptureStreamParser(f -> frames[0]++, null);
        parser.feed(bytes, 0, bytes.length);
        return parser.finish();
    }

    @Test
    void everyCutOfARealFileGivesItsWholeFramesThenCutShort() throws IOException {
        byte[] file = resource("vtep-eth-nanos.pcap");
        long[] all = {0};
        assertThat(parse(file, all)).isNull();
        long previous = 0;
        int cleanEnds = 0;

        for (int len = 0; len < file.length; len++) {
            long[] frames = {0};
            CaptureProblem problem = parse(Arrays.copyOf(file, len), frames);
            if (problem == null) {
                cleanEnds++; // the cut fell between records
            } else {
                assertThat(problem.kind()).as("cut at %d", len).isIn(CaptureProblem.Kind.CUT_SHORT, CaptureProblem.Kind.NOT_A_CAPTURE);
            }
            assertThat(frames[0]).isBetween(previous, all[0]);
            previous = frames[0];
        }
        assertThat(cleanEnds).as("cuts between records: after the header and after each record but the last").isEqualTo(all[0]);
    }

    @Test
    void mutatedFilesNeverThrow() throws IOException {
        byte[][] files = {resource("any-sll2.pcap"), CaptureBytes.in(java.nio.ByteOrder.BIG_ENDIAN).shb()
                .idb(1, 0, "cell1:eth0", 9, 0).epb(0, 5, 60, new byte[60]).spb(60, new byte[60]).bytes()};
        Random random = new Random(99);
        for (int i = 0; i < 5_000; i++) {
            byte[] b = files[i % files.length].clone();
            for (int flips = 1 + random.nextInt(6); flips > 0; flips--) {
                b[random.nextInt(b.length)] = (byte) random.nextInt(256);
            }
            long[] frames = {0};
            parse(b, frames);
        }
    }

    @Test
    void randomBytesAfterEachMagicNeverThrow() {
        int[] magics = {0x0A0D0D0A, 0xA1B2C3D4, 0xD4C3B2A1, 0xA1B23C4D, 0x4D3CB2A1};
        Random random = new Random(5);
        for (int i = 0; i < 20_000; i++) {
            byte[] b = new byte[4 + random.nextInt(300)];
            random.nextBytes(b);
            int magic = magics[i % magics.length];
            b[0] = (byte) (magic >>> 24);
            b[1] = (byte) (magic >>> 16);
            b[2] = (byte) (magic >>> 8);
            b[3] = (byte) magic;
            long[] frames = {0};
            parse(b, frames);
        }
    }
}
