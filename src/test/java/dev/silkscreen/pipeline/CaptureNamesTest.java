package dev.silkscreen.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import dev.silkscreen.model.CapturePoint;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class CaptureNamesTest {

    @Test
    void guessesCellAndVtepFromTheFileName() {
        assertThat(CaptureNames.guess(Path.of("/tmp/cell1-silk-vtep.pcap"))).isEqualTo(new CapturePoint("cell1", "silk-vtep"));
    }

    @Test
    void guessesDiegoCellNamesAndNics() {
        assertThat(CaptureNames.guess(Path.of("diego-cell_0.eth0.pcapng"))).isEqualTo(new CapturePoint("diego-cell-0", "eth0"));
    }

    @Test
    void guessesAContainerVeth() {
        assertThat(CaptureNames.guess(Path.of("cell2_s-010255002007.pcap")).iface()).isEqualTo("s-010255002007");
    }

    @Test
    void leavesBlanksWhenTheNameSaysNothing() {
        assertThat(CaptureNames.guess(Path.of("capture.pcap"))).isEqualTo(new CapturePoint("", ""));
    }
}
