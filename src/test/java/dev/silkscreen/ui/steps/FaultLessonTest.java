package dev.silkscreen.ui.steps;

import static org.assertj.core.api.Assertions.assertThat;

import dev.silkscreen.model.Journey;
import dev.silkscreen.sim.Scenarios;
import dev.silkscreen.sim.Simulator;
import java.util.List;
import org.junit.jupiter.api.Test;

class FaultLessonTest {

    @Test
    void everyFaultOperatorsHitHasItsStory() {
        for (String kind : List.of("underlay-mtu", "vxlan-blocked", "reply-lost", "conntrack-full", "policy-lag")) {
            FaultLesson l = FaultLesson.of(kind).orElseThrow(() -> new AssertionError("no lesson for " + kind));
            assertThat(l.title()).isNotBlank();
            assertThat(l.story()).isNotBlank();
            assertThat(l.trace()).isNotBlank();
            assertThat(l.commands()).isNotEmpty();
        }
    }

    @Test
    void theStoryIsToldAtTheStepWhereTheScenariosPacketsDie() {
        StepPanelModel m = new StepPanelModel(Lesson.builtIn());
        var f = Simulator.foundation(Scenarios.named("underlay-mtu"), 1);
        Journey none = null;
        m.describe(f, none);
        assertThat(m.faultsAt(7)).extracting(FaultLesson::kind).containsExactly("underlay-mtu");
        assertThat(m.faultsAt(10)).isEmpty();
        m.describe(Simulator.foundation(Scenarios.named("conntrack-full"), 1), none);
        assertThat(m.faultsAt(10)).extracting(FaultLesson::kind).containsExactly("conntrack-full");
        assertThat(m.faultsAt(7)).isEmpty();
        m.describe(Simulator.foundation(Scenarios.named("seed"), 1), none);
        for (int step = 1; step <= 11; step++) {
            assertThat(m.faultsAt(step)).isEmpty();
        }
    }

    @Test
    void itsCommandsAreFilledForTheFollowedPacket() {
        StepPanelModel m = new StepPanelModel(Lesson.builtIn());
        var run = Simulator.run(Scenarios.named("vxlan-blocked"), 1, 0, null);
        dev.silkscreen.model.Hop h = new dev.silkscreen.model.Hop(2, run.frames().get(0).point(), 0, null);
        Journey j = new Journey(1, run.truth().get(0).flow(), "TCP SYN", 2, "AppB", "AppA",
                dev.silkscreen.model.Verdict.DROPPED, 7, 7, "cell1", "lost", List.of(h));
        m.describe(run.foundation(), j);
        assertThat(m.commands(m.faultsAt(7).get(0))).contains("nc -zvu 10.0.16.12 4789");
    }
}
