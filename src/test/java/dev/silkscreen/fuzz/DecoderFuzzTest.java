package dev.silkscreen.fuzz;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.silkscreen.decode.DecodePrinter;
import dev.silkscreen.decode.FrameDecoder;
import dev.silkscreen.model.CapturePoint;
import dev.silkscreen.model.Frame;
import dev.silkscreen.model.LinkType;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;

/**
 * The decoder on any frame of any link type, at a capture point whose name may hold anything:
 * it never throws, the summary is exactly one line with no control or bidi character, and the
 * JSON line is one valid JSON object. Regression inputs: {@code DecoderFuzzTestInputs/frameBytes/}.
 */
class DecoderFuzzTest {
    private static final int[] LINK_TYPES = {LinkType.ETHERNET, LinkType.LINUX_SLL, LinkType.LINUX_SLL2, LinkType.RAW,
        LinkType.IPV4, 0, 999};
    private static final ObjectMapper JSON = new ObjectMapper();

    @FuzzTest(maxDuration = "5s")
    void frameBytes(FuzzedDataProvider data) throws IOException {
        int linkType = data.pickValue(LINK_TYPES);
        String iface = data.consumeString(24);
        int origExtra = data.consumeInt(0, 70_000);
        byte[] bytes = data.consumeRemainingAsBytes();
        Frame frame = new Frame(new CapturePoint("cell1", iface), 1_767_225_600_000_000_000L, linkType,
                bytes.length + origExtra, bytes);

        StringWriter summary = new StringWriter();
        new DecodePrinter(new FrameDecoder(), new PrintWriter(summary), false).accept(frame);
        String line = summary.toString();
        if (!line.endsWith("\n") || line.indexOf('\n') != line.length() - 1) {
            throw new AssertionError("summary is not one line: " + line);
        }
        Human.assertOneSafeLine(line.substring(0, line.length() - 1));

        StringWriter json = new StringWriter();
        new DecodePrinter(new FrameDecoder(), new PrintWriter(json), true).accept(frame);
        if (!JSON.readTree(json.toString()).isObject() || json.toString().indexOf('\n') != json.toString().length() - 1) {
            throw new AssertionError("not one JSON object: " + json);
        }
    }
}
