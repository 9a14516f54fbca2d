package dev.silkscreen.trace;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.silkscreen.model.Journey;
import dev.silkscreen.model.Verdict;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Makes fresh captures with tcpdump on this machine's kernel (two cells in {@code str-*} network
 * namespaces, {@code make-journeys.sh}) and traces them: the upload is delivered, the denied
 * packets are rejected at step 10 on cell2.
 */
@Tag("e2e")
class RealCapturesE2ETest {

    @TempDir
    Path dir;

    @Test
    void freshCapturesOfAnAllowedUploadAndTwoDeniedPacketsTraceRight() throws Exception {
        assumeTrue("root".equals(System.getProperty("user.name")), "needs root to make network namespaces");
        for (String tool : List.of("ip", "iptables", "bridge", "tcpdump", "ncat", "ping")) {
            assumeTrue(onPath(tool), "needs " + tool + " on the PATH");
        }
        Process p = new ProcessBuilder("bash", "src/test/resources/trace/make-journeys.sh", dir.toString())
                .redirectErrorStream(true).start();
        String log = new String(p.getInputStream().readAllBytes());
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assumeTrue(p.exitValue() == 0, "could not build the namespaces here: " + log);

        List<Journey> journeys = RealCaptures.trace(dir, Set.of(), 0);

        assertThat(journeys).filteredOn(j -> j.flow().dport() == 8080 || j.flow().sport() == 8080).isNotEmpty()
                .allSatisfy(j -> assertThat(j.verdict()).isEqualTo(Verdict.DELIVERED));
        assertThat(journeys).filteredOn(j -> j.verdict() == Verdict.DROPPED).hasSize(2)
                .allSatisfy(j -> assertThat(j.dropStage()).isEqualTo(10));
    }

    private static boolean onPath(String tool) {
        for (String d : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            if (Files.isExecutable(Path.of(d, tool))) {
                return true;
            }
        }
        return false;
    }
}
