package dev.silkscreen.capture;

import dev.silkscreen.model.CapturePoint;
import dev.silkscreen.model.Frame;
import dev.silkscreen.model.LinkType;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** Whatever frames PcapngWriter writes, the reader gives back exactly, whatever the names and times. */
class PcapngRoundTripPropertyTest {

    @Provide
    Arbitrary<List<Frame>> frames() {
        Arbitrary<CapturePoint> points = Combinators.combine(
                Arbitraries.strings().ofMinLength(1).ofMaxLength(12).filter(s -> s.indexOf(':') < 0 && valid(s)),
                Arbitraries.strings().ofMinLength(1).ofMaxLength(15).filter(PcapngRoundTripPropertyTest::valid))
                .as(CapturePoint::new);
        Arbitrary<Frame> frame = Combinators.combine(points.injectDuplicates(0.7),
                        Arbitraries.longs().between(0, Long.MAX_VALUE),
                        Arbitraries.of(LinkType.ETHERNET, LinkType.RAW, LinkType.LINUX_SLL, LinkType.LINUX_SLL2),
                        Arbitraries.bytes().array(byte[].class).ofMaxSize(300),
                        Arbitraries.integers().between(0, 2000))
                .as((p, t, link, data, extra) -> new Frame(p, t, link, data.length + extra, data));
        return frame.list().ofMaxSize(30);
    }

    /** if_name is UTF-8: a string with a lone surrogate cannot be written, so none is generated. */
    private static boolean valid(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.isHighSurrogate(c)) {
                if (i + 1 >= s.length() || !Character.isLowSurrogate(s.charAt(i + 1))) {
                    return false;
                }
                i++;
            } else if (Character.isLowSurrogate(c) || c == 0) {
                return false;
            }
        }
        return true;
    }

    @Property(tries = 200)
    void everyFrameComesBackAsWritten(@ForAll("frames") List<Frame> written) throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (PcapngWriter w = new PcapngWriter(bytes, "property")) {
            written.forEach(w::accept);
        }
        List<Frame> read = new ArrayList<>();
        CaptureReader.Result result = CaptureReader.read(new ByteArrayInputStream(bytes.toByteArray()), read::add, null);

        if (result.problem() != null) {
            throw new AssertionError("problem: " + result.problem());
        }
        if (read.size() != written.size()) {
            throw new AssertionError(written.size() + " written, " + read.size() + " read");
        }
        for (int i = 0; i < read.size(); i++) {
            Frame a = written.get(i);
            Frame b = read.get(i);
            if (!a.point().equals(b.point()) || a.timeNanos() != b.timeNanos() || a.linkType() != b.linkType()
                    || a.origLen() != b.origLen() || !Arrays.equals(a.data(), b.data())) {
                throw new AssertionError("frame " + i + ": wrote " + a + ", read " + b);
            }
        }
    }
}
