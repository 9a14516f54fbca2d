package dev.silkscreen.ui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.silkscreen.capture.PcapngWriter;
import dev.silkscreen.model.SafeText;
import dev.silkscreen.model.TopologyJson;
import dev.silkscreen.sim.Scenarios;
import dev.silkscreen.sim.SimResult;
import dev.silkscreen.sim.Simulator;
import dev.silkscreen.pipeline.CaptureInput;
import dev.silkscreen.pipeline.PipelineSource;
import dev.silkscreen.pipeline.Run;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Labeled;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** Names from files shown in the desktop program's labels, tables and title are escaped (issue 15). */
@ExtendWith(ApplicationExtension.class)
class HostileNamesUiTest {
    private static final String HOSTILE_JSON = "AppB\\u202e\\u001b[2J\\nforged";
    private DesktopWindow window;
    private Stage stage;

    @TempDir
    Path dir;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        window = new DesktopWindow(stage, new PipelineSource());
        stage.show();
    }

    private static void collect(Node n, List<String> texts) {
        if (n instanceof Labeled l && l.getText() != null) {
            texts.add(l.getText());
        }
        if (n instanceof TableView<?> t) {
            for (Object item : t.getItems()) {
                for (TableColumn<?, ?> c : t.getColumns()) {
                    @SuppressWarnings("unchecked")
                    TableColumn<Object, ?> col = (TableColumn<Object, ?>) c;
                    Object v = col.getCellObservableValue(item) == null ? null : col.getCellObservableValue(item).getValue();
                    if (v != null) {
                        texts.add(v.toString());
                    }
                }
            }
        }
        if (n instanceof Parent p) {
            p.getChildrenUnmodifiable().forEach(c -> collect(c, texts));
        }
    }

    @Test
    void anAppNameWithControlAndBidiCharactersIsShownEscaped(FxRobot robot) throws Exception {
        SimResult sim = Simulator.run(Scenarios.named("seed"), 1, 0, null);
        Path capture = dir.resolve("seed.pcapng");
        try (OutputStream o = Files.newOutputStream(capture); PcapngWriter w = new PcapngWriter(o, "seed")) {
            sim.frames().forEach(w::accept);
        }
        Path topology = dir.resolve("seed.topology.json");
        Files.writeString(topology, TopologyJson.toJson(sim.foundation()).replace("\"AppB\"", "\"" + HOSTILE_JSON + "\"")
                .replace("\"name\" : \"seed\"", "\"name\" : \"seed\\u001b]0;pwned\\u0007\"")
                .replace("\"name\":\"seed\"", "\"name\":\"seed\\u001b]0;pwned\\u0007\""));

        robot.interact(() -> window.openCaptures(List.of(new CaptureInput(capture, null), new CaptureInput(topology, null))));
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS,
                () -> window.model().run() != null && window.model().run().origin() == Run.Origin.CAPTURE);
        WaitForAsyncUtils.waitForFxEvents();

        List<String> texts = new ArrayList<>();
        robot.interact(() -> collect(stage.getScene().getRoot(), texts));
        texts.add(stage.getTitle());
        assertThat(window.model().run().foundation().apps()).anyMatch(a -> a.name().contains("\u202e"));
        assertThat(texts).anyMatch(t -> t.contains("AppB\\u202e\\x1b[2J\\nforged"));
        for (String t : texts) {
            for (char c : t.toCharArray()) {
                assertThat(SafeText.needsEscape(c) && c != '\n').as("U+%04X in %s", (int) c, SafeText.line(t)).isFalse();
            }
        }
    }
}
