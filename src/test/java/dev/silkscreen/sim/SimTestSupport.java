package dev.silkscreen.sim;

import dev.silkscreen.capture.PcapngWriter;
import dev.silkscreen.model.Frame;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/** Runs scenarios for tests and writes their captures. */
final class SimTestSupport {
    private SimTestSupport() {
    }

    static SimResult run(String scenario, long seed) {
        return Simulator.run(Scenarios.named(scenario), seed, 0, null);
    }

    static SimResult run(String scenario, long seed, long packets, Duration d) {
        return Simulator.run(Scenarios.named(scenario), seed, packets, d);
    }

    static Path write(SimResult r, Path dir) throws IOException {
        Path p = dir.resolve(r.foundation().name() + ".pcapng");
        try (OutputStream out = Files.newOutputStream(p); PcapngWriter w = new PcapngWriter(out, "test")) {
            for (Frame f : r.frames()) {
                w.accept(f);
            }
        }
        return p;
    }
}
