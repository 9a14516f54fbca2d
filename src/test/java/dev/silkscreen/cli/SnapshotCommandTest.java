package dev.silkscreen.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code silkscreen snapshot} renders a PNG headless (surefire runs the toolkit on Monocle). */
class SnapshotCommandTest {
    @TempDir
    Path dir;

    private int run(StringWriter out, StringWriter err, String... args) {
        return SilkscreenCli.run(new PrintWriter(out, true), new PrintWriter(err, true), args);
    }

    @Test
    void writesAPngOfTheRequestedSize() throws Exception {
        Path png = dir.resolve("seed-5.png");
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = run(out, err, "snapshot", "--scenario", "seed", "--step", "5", "--size", "1280x720", "--out", png.toString());
        assertThat(code).as(err.toString()).isEqualTo(ExitCodes.OK);
        BufferedImage image = ImageIO.read(png.toFile());
        assertThat(image.getWidth()).isEqualTo(1280);
        assertThat(image.getHeight()).isEqualTo(720);
        assertThat(out.toString()).contains("wrote").contains("step 5");
    }

    @Test
    void describeWritesTheSceneAsDrawn() throws Exception {
        Path json = dir.resolve("no-policy-10.json");
        StringWriter err = new StringWriter();
        int code = run(new StringWriter(), err, "snapshot", "--scenario", "no-policy", "--step", "10", "--theme", "classroom",
                "--describe", json.toString());
        assertThat(code).as(err.toString()).isEqualTo(ExitCodes.OK);
        var tree = new com.fasterxml.jackson.databind.ObjectMapper().readTree(json.toFile());
        assertThat(tree.get("step").asInt()).isEqualTo(10);
        assertThat(tree.get("caption").asText()).startsWith("10 ");
        assertThat(tree.get("steps").get(9).get("state").asText()).isEqualTo("current");
        assertThat(tree.get("steps").get(10).get("state").asText()).isEqualTo("not-reached");
        assertThat(tree.get("followed").get("verdict").asText()).isEqualTo("dropped");
        assertThat(tree.get("followed").get("stepDrawn").asInt()).isEqualTo(10);
        boolean packet = false;
        boolean gateText = false;
        for (var item : tree.get("items")) {
            packet |= item.get("kind").asText().equals("packet");
            if (item.get("kind").asText().equals("text") && item.get("text").asText().startsWith("REJECT")) {
                gateText = true;
                assertThat(item.get("fontPx").asDouble()).isGreaterThanOrEqualTo(23.5);
                assertThat(item.get("bounds")).hasSize(4);
            }
        }
        assertThat(packet).isTrue();
        assertThat(gateText).isTrue();
    }

    @Test
    void withNeitherOutNorDescribeItSaysWhatToGive() {
        StringWriter err = new StringWriter();
        assertThat(run(new StringWriter(), err, "snapshot", "--scenario", "seed")).isEqualTo(ExitCodes.USAGE);
        assertThat(err.toString()).contains("give --out FILE.png, --describe FILE.json or both");
    }

    @Test
    void anUnknownScenarioIsAOneLineUsageError() {
        StringWriter err = new StringWriter();
        int code = run(new StringWriter(), err, "snapshot", "--scenario", "nosuch", "--out", dir.resolve("x.png").toString());
        assertThat(code).isEqualTo(ExitCodes.USAGE);
        assertThat(err.toString()).contains("unknown scenario nosuch").doesNotContain("Exception");
    }

    @Test
    void aBadStepOrSizeIsRefused() {
        StringWriter err = new StringWriter();
        assertThat(run(new StringWriter(), err, "snapshot", "--step", "12", "--out", "x.png")).isEqualTo(ExitCodes.USAGE);
        assertThat(err.toString()).contains("--step must be 1-11");
        assertThat(run(new StringWriter(), err, "snapshot", "--size", "big", "--out", "x.png")).isEqualTo(ExitCodes.USAGE);
        assertThat(run(new StringWriter(), err, "snapshot", "--theme", "neon", "--out", "x.png")).isEqualTo(ExitCodes.USAGE);
        assertThat(err.toString()).contains("unknown theme 'neon'");
    }

    @Test
    void aPartThatIsNotThereIsAUsageError() {
        StringWriter err = new StringWriter();
        int code = run(new StringWriter(), err, "snapshot", "--select", "gate:cell9", "--out", dir.resolve("x.png").toString());
        assertThat(code).isEqualTo(ExitCodes.USAGE);
        assertThat(err.toString()).contains("no gate:cell9 in this scenario");
    }

    @Test
    void rendersCaptureFilesInsteadOfAScenario() throws Exception {
        dev.silkscreen.sim.SimResult sim = dev.silkscreen.sim.Simulator.run(dev.silkscreen.sim.Scenarios.named("seed"), 1, 0, null);
        Path pcap = dir.resolve("seed.pcapng");
        try (java.io.OutputStream o = java.nio.file.Files.newOutputStream(pcap);
             dev.silkscreen.capture.PcapngWriter w = new dev.silkscreen.capture.PcapngWriter(o, "seed")) {
            sim.frames().forEach(w::accept);
        }
        Path png = dir.resolve("capture.png");
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = run(out, err, "snapshot", "--capture", pcap.toString(), "--step", "5", "--size", "800x600", "--out", png.toString());
        assertThat(code).as(err.toString()).isEqualTo(ExitCodes.OK);
        assertThat(out.toString()).contains("seed.pcapng");
        assertThat(ImageIO.read(png.toFile()).getWidth()).isEqualTo(800);
    }
}
