package dev.silkscreen.sim;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class SmokeTest {
    @Test
    void smoke() throws Exception {
        for (String s : Scenarios.BUILT_IN) {
            long t0 = System.nanoTime();
            SimResult r = SimTestSupport.run(s, 1);
            System.out.println("== " + s + ": " + r.frames().size() + " frames, " + r.truth().size() + " truths " + (System.nanoTime() - t0) / 1000000 + " ms");
            if (!s.equals("busy")) {
                r.truth().stream().filter(x -> x.verdict() != dev.silkscreen.model.Verdict.DELIVERED || !x.summary().startsWith("TCP")).limit(8).forEach(System.out::println);
            }
            SimTestSupport.write(r, Path.of("/tmp/simsmoke"));
        }
    }
}
