package dev.silkscreen.fuzz;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.silkscreen.capture.CaptureProblem;
import dev.silkscreen.capture.CaptureStreamParser;
import dev.silkscreen.model.CapturePoint;
import dev.silkscreen.model.Frame;
import dev.silkscreen.model.SafeText;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The capture parser on any bytes, fed in pieces of any size: it never throws, every frame lies
 * within the bytes given, the frames do not depend on how the stream was cut, and its problem is
 * one line once escaped. Regression inputs: {@code CaptureParserFuzzTestInputs/captureBytes/}.
 */
class CaptureParserFuzzTest {
    private static final CapturePoint DEFAULT = new CapturePoint("cell1", "eth0");

    @FuzzTest(maxDuration = "5s")
    void captureBytes(FuzzedDataProvider data) {
        int piece = data.consumeInt(1, 4096);
        byte[] bytes = data.consumeRemainingAsBytes();

        List<Frame> whole = new ArrayList<>();
        CaptureStreamParser once = new CaptureStreamParser(whole::add, DEFAULT);
        once.feed(bytes, 0, bytes.length);
        CaptureProblem onceProblem = once.finish();

        List<Frame> pieces = new ArrayList<>();
        CaptureStreamParser cut = new CaptureStreamParser(pieces::add, DEFAULT);
        for (int off = 0; off < bytes.length; off += piece) {
            if (!cut.feed(bytes, off, Math.min(piece, bytes.length - off))) {
                break;
            }
        }
        CaptureProblem cutProblem = cut.finish();

        if (whole.size() != pieces.size()) {
            throw new AssertionError(whole.size() + " frames at once, " + pieces.size() + " in pieces of " + piece);
        }
        for (int i = 0; i < whole.size(); i++) {
            Frame a = whole.get(i);
            Frame b = pieces.get(i);
            if (a.data().length > bytes.length || !a.point().equals(b.point()) || a.timeNanos() != b.timeNanos()
                    || !Arrays.equals(a.data(), b.data())) {
                throw new AssertionError("frame " + (i + 1) + " differs when the stream is cut in pieces of " + piece);
            }
        }
        if ((onceProblem == null) != (cutProblem == null)) {
            throw new AssertionError("problem at once: " + onceProblem + ", in pieces: " + cutProblem);
        }
        if (onceProblem != null) {
            Human.assertOneSafeLine(SafeText.line(onceProblem.message()));
        }
    }
}
