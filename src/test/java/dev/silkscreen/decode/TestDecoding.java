package dev.silkscreen.decode;

import dev.silkscreen.model.LinkType;
import java.util.Arrays;

/** Shortcuts for decoder tests. */
final class TestDecoding {
    private TestDecoding() {
    }

    static DecodedFrame decode(int linkType, byte[] frame) {
        return new FrameDecoder().decode(linkType, frame, 0, frame.length, frame.length, new DecodedFrame());
    }

    static DecodedFrame ethernet(byte[] frame) {
        return decode(LinkType.ETHERNET, frame);
    }

    /** Decodes the first {@code snap} bytes of {@code whole}, as a capture with that snap length would hold it. */
    static DecodedFrame cut(byte[] whole, int snap) {
        return cut(LinkType.ETHERNET, whole, snap);
    }

    static DecodedFrame cut(int linkType, byte[] whole, int snap) {
        byte[] kept = Arrays.copyOf(whole, snap);
        return new FrameDecoder().decode(linkType, kept, 0, kept.length, whole.length, new DecodedFrame());
    }
}
