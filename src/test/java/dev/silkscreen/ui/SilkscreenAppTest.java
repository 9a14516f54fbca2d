package dev.silkscreen.ui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.silkscreen.model.CapturePoint;
import java.util.List;
import org.junit.jupiter.api.Test;

class SilkscreenAppTest {

    @Test
    void captureFilesFromTheCommandLineArePlacedByTheirNamesWhenTheNamesSay() {
        var inputs = SilkscreenApp.inputs(List.of("/tmp/cell1-silk-vtep.pcap", "/tmp/capture.pcapng"));
        assertThat(inputs.get(0).point()).isEqualTo(new CapturePoint("cell1", "silk-vtep"));
        assertThat(inputs.get(1).point()).isNull();
    }
}
