package dev.silkscreen.live.discover;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** Realistic command outputs (iproute2 JSON taken from a namespace built like a Diego cell; iptables-save shaped by SILK.md). */
final class Samples {
    private Samples() {
    }

    static String read(String name) {
        try (InputStream in = Samples.class.getResourceAsStream("/dev/silkscreen/live/" + name)) {
            if (in == null) {
                throw new IllegalStateException("missing test resource " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
