package dev.silkscreen.ui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.silkscreen.capture.PcapngWriter;
import dev.silkscreen.model.CapturePoint;
import dev.silkscreen.model.Frame;
import dev.silkscreen.model.Verdict;
import dev.silkscreen.pipeline.CaptureInput;
import dev.silkscreen.pipeline.PipelineSource;
import dev.silkscreen.pipeline.Run;
import dev.silkscreen.sim.Scenarios;
import dev.silkscreen.sim.SimResult;
import dev.silkscreen.sim.Simulator;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** Opening capture files feeds the same picture with their journeys. */
@ExtendWith(ApplicationExtension.class)
class CaptureFilesTest {
    private DesktopWindow window;

    @TempDir
    Path dir;

    @Start
    void start(Stage stage) {
        window = new DesktopWindow(stage, new PipelineSource());
        stage.show();
    }

    /** The seed scenario's frames written as one pcapng per cell, interfaces named CELL:IFACE. */
    private List<Path> seedCaptures() throws Exception {
        SimResult sim = Simulator.run(Scenarios.named("seed"), 1, 0, null);
        Path cell1 = dir.resolve("cell1.pcapng");
        Path cell2 = dir.resolve("cell2.pcapng");
        try (OutputStream o1 = Files.newOutputStream(cell1); OutputStream o2 = Files.newOutputStream(cell2);
             PcapngWriter w1 = new PcapngWriter(o1, "cell1"); PcapngWriter w2 = new PcapngWriter(o2, "cell2")) {
            for (Frame f : sim.frames()) {
                (f.point().cell().equals("cell1") ? w1 : w2).accept(f);
            }
        }
        return List.of(cell1, cell2);
    }

    @Test
    void openingCaptureFilesShowsTheirJourneys(FxRobot robot) throws Exception {
        List<Path> files = seedCaptures();
        robot.interact(() -> window.openCaptures(files.stream().map(p -> new CaptureInput(p, null)).toList()));
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS,
                () -> window.model().run() != null && window.model().run().origin() == Run.Origin.CAPTURE);
        WaitForAsyncUtils.waitForFxEvents();
        Run run = window.model().run();
        assertThat(run.journeys()).isNotEmpty();
        assertThat(run.journeys()).anyMatch(j -> j.verdict() == Verdict.DELIVERED);
        assertThat(run.foundation().cells()).extracting(c -> c.name()).containsExactly("cell1", "cell2");
        assertThat(run.foundation().instances()).hasSizeGreaterThanOrEqualTo(2);
        assertThat(window.view().journeys().journeyTable().getItems()).hasSize(run.journeys().size());
        assertThat(window.model().playback().currentStep()).isEqualTo(1);
    }

    @Test
    void aFileWithoutInterfaceNamesTakesThePointThePersonChose(FxRobot robot) throws Exception {
        SimResult sim = Simulator.run(Scenarios.named("seed"), 1, 0, null);
        CapturePoint nic = new CapturePoint("cell2", "eth0");
        Path file = dir.resolve("plain.pcap");
        try (OutputStream out = Files.newOutputStream(file)) {
            PcapFile.write(out, sim.frames().stream().filter(f -> f.point().equals(nic)).toList());
        }
        robot.interact(() -> window.openCaptures(List.of(new CaptureInput(file, nic))));
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS,
                () -> window.model().run() != null && window.model().run().origin() == Run.Origin.CAPTURE);
        Run run = window.model().run();
        assertThat(run.journeys()).isNotEmpty();
        assertThat(run.journeys().get(0).hops()).allMatch(h -> h.point().equals(nic));
    }
}
