package dev.silkscreen.ui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.silkscreen.model.Verdict;
import dev.silkscreen.pipeline.PipelineSource;
import dev.silkscreen.pipeline.Run;
import dev.silkscreen.ui.editor.EditorModel;
import org.junit.jupiter.api.Test;

/** Editing a scenario and running it again changes what the picture shows. */
class EditorRunTest {
    private final PipelineSource source = new PipelineSource();

    @Test
    void addingThePolicyToNoPolicyLetsTheRequestThrough() throws Exception {
        Run before = source.scenario("no-policy");
        EditorModel editor = new EditorModel(source.spec("no-policy"));
        editor.addPolicy("AppB", "AppA", "tcp", "8080");
        Run after = source.simulate(editor.build());
        assertThat(before.journeys()).anyMatch(j -> j.verdict() == Verdict.DROPPED && j.dropStage() == 10);
        assertThat(after.journeys()).noneMatch(j -> j.verdict() == Verdict.DROPPED);
        assertThat(after.journeys()).anyMatch(j -> "AppB".equals(j.srcApp()) && j.verdict() == Verdict.DELIVERED);
        String change = Verdicts.change(before, after);
        assertThat(change).contains("dropped " + Verdicts.count(before).get(Verdict.DROPPED) + " → 0");
    }
}
