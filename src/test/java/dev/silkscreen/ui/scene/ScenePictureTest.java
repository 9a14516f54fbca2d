package dev.silkscreen.ui.scene;

import static org.assertj.core.api.Assertions.assertThat;

import dev.silkscreen.pipeline.PipelineSource;
import dev.silkscreen.pipeline.Run;
import dev.silkscreen.ui.SceneDescriber;
import dev.silkscreen.ui.Snapshot;
import dev.silkscreen.ui.snapshot.SceneDescription;
import dev.silkscreen.ui.snapshot.SnapshotRequest;
import dev.silkscreen.ui.theme.Theme;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Every built-in scenario at every step in the three themes at 1920×1080 (classroom also at
 * 1280×720), described as drawn and held to the scene rules: no text on another text or under a
 * packet, envelope, chip or drop note; classroom text of at least 24 px at 1920×1080; the caption's
 * step is the followed packet's step. No window: the views are laid out and drawn off screen.
 */
class ScenePictureTest {
    private static final PipelineSource SOURCE = new PipelineSource();
    private static final Map<String, Run> RUNS = new LinkedHashMap<>();

    @BeforeAll
    static void runs() throws Exception {
        for (String s : SOURCE.scenarios()) {
            RUNS.put(s, SOURCE.scenario(s));
        }
        // the toolkit as the TestFX tests in this JVM expect it (they share it), no window shown
        org.testfx.api.FxToolkit.registerPrimaryStage();
    }

    /** Describes {@code scenario} at each step 1-11. */
    static List<SceneDescription> walk(String scenario, Theme theme, int w, int h) throws Exception {
        Run run = RUNS.get(scenario);
        SnapshotRequest r = new SnapshotRequest(scenario, List.of(), 1, Path.of("unused.png"), w, h, theme, false, 0, null);
        return Snapshot.onFx(() -> {
            Snapshot.Prepared p = Snapshot.prepare(r, run);
            List<SceneDescription> out = new ArrayList<>();
            for (int step = 1; step <= 11; step++) {
                p.step(step);
                out.add(SceneDescriber.describe(p.view(), p.model(), scenario, w, h));
            }
            p.view().picture().stop();
            return out;
        });
    }

    private static void walkAll(Theme theme, int w, int h, double minFont) throws Exception {
        List<String> broken = new ArrayList<>();
        for (String scenario : RUNS.keySet()) {
            List<SceneDescription> steps = walk(scenario, theme, w, h);
            for (int i = 0; i < steps.size(); i++) {
                for (String b : SceneRules.check(steps.get(i), minFont)) {
                    broken.add(scenario + " --step " + (i + 1) + ": " + b);
                }
            }
        }
        assertThat(broken).as(theme.id() + " " + w + "x" + h).isEmpty();
    }

    @Test
    void classroomAtFullHd() throws Exception {
        walkAll(Theme.CLASSROOM, 1920, 1080, 24);
    }

    @Test
    void classroomAt720p() throws Exception {
        walkAll(Theme.CLASSROOM, 1280, 720, 0);
    }

    @Test
    void light() throws Exception {
        walkAll(Theme.LIGHT, 1920, 1080, 0);
    }

    @Test
    void dark() throws Exception {
        walkAll(Theme.DARK, 1920, 1080, 0);
    }
}
