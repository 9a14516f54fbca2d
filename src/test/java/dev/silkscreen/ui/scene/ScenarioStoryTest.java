package dev.silkscreen.ui.scene;

import static org.assertj.core.api.Assertions.assertThat;

import dev.silkscreen.pipeline.PipelineSource;
import dev.silkscreen.ui.SceneDescriber;
import dev.silkscreen.ui.Snapshot;
import dev.silkscreen.ui.canvas.SceneRecord.Item;
import dev.silkscreen.ui.canvas.SceneRecord.Kind;
import dev.silkscreen.ui.playback.StepPlan;
import dev.silkscreen.ui.snapshot.SceneDescription;
import dev.silkscreen.ui.snapshot.SnapshotRequest;
import dev.silkscreen.ui.theme.Theme;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Each built-in scenario's story, read off the classroom picture as drawn at 1920×1080. */
class ScenarioStoryTest {
    private static final PipelineSource SOURCE = new PipelineSource();

    @BeforeAll
    static void toolkit() throws Exception {
        // the toolkit as the TestFX tests in this JVM expect it (they share it), no window shown
        org.testfx.api.FxToolkit.registerPrimaryStage();
    }

    /** Steps 1-11 of journey {@code journey} of {@code scenario}. */
    private static List<SceneDescription> walk(String scenario, int journey) throws Exception {
        var run = SOURCE.scenario(scenario);
        SnapshotRequest r = new SnapshotRequest(scenario, List.of(), 1, Path.of("unused.png"), 1920, 1080, Theme.CLASSROOM,
                false, journey, null);
        return Snapshot.onFx(() -> {
            Snapshot.Prepared p = Snapshot.prepare(r, run);
            List<SceneDescription> out = new ArrayList<>();
            for (int step = 1; step <= 11; step++) {
                p.step(step);
                out.add(SceneDescriber.describe(p.view(), p.model(), scenario, 1920, 1080));
            }
            p.view().picture().stop();
            return out;
        });
    }

    private static String allText(SceneDescription d) {
        // a drop note's lines read as one text; other texts stay apart
        StringBuilder b = new StringBuilder();
        d.texts().forEach(t -> b.append(t.text()).append("drop note".equals(t.owner()) ? " " : " | "));
        return b.toString();
    }

    @Test
    void wrongPortSaysWhatThePolicyAllowsAndWhatTheSynAsked() throws Exception {
        String drawn = allText(walk("wrong-port", 0).get(9));
        assertThat(drawn).contains("policy allows AppB → AppA tcp 8080; this SYN is to tcp 9090");
        assertThat(drawn).doesNotContain("no policy");
    }

    @Test
    void wrongTagNamesWhoseTagThePolicyAdmitsAndWhoseThePacketCarries() throws Exception {
        String drawn = allText(walk("wrong-tag", 0).get(9));
        assertThat(drawn).contains("the policy admits AppC's tag 0x0003; this packet carries 0x0002 (AppB)");
    }

    @Test
    void noPolicySaysThereIsNone() throws Exception {
        assertThat(allText(walk("no-policy", 0).get(9))).contains("no policy lets AppB reach AppA at all");
    }

    @Test
    void sameCellIsNeverWrappedAndSkipsStepsFourToNine() throws Exception {
        for (int journey = 0; journey < 3; journey++) {
            for (SceneDescription d : walk("same-cell", journey)) {
                assertThat(d.of(Kind.ENVELOPE)).isEmpty();
                assertThat(d.caption()).doesNotContain("wrapped").doesNotContain("underlay packet");
                assertThat(d.states().subList(3, 9)).containsOnly(StepPlan.State.SKIPPED);
                assertThat(d.note()).contains("not encapsulated: both containers on cell1");
                assertThat(d.step() < 4 || d.step() > 9).as("step %d shown", d.step()).isTrue();
            }
        }
    }

    @Test
    void mtuDrawsTheVtepMtuAndTheDatagramAndTheIcmpErrorOnlyAfterTheDrop() throws Exception {
        List<SceneDescription> steps = walk("mtu", 0);
        SceneDescription drop = steps.get(3);
        assertThat(allText(drop)).contains("silk-vtep · MTU 1450").contains("UDP 1472 bytes")
                .contains("the 1500-byte datagram is bigger than silk-vtep's MTU 1450");
        for (SceneDescription d : steps.subList(0, 4)) {
            assertThat(d.items()).noneMatch(i -> i.journey() == 1);
        }
        assertThat(drop.states().subList(4, 11)).containsOnly(StepPlan.State.NOT_REACHED);
    }

    @Test
    void cellDownDrawsTheCellUnreachableAndTheLossOnTheUnderlay() throws Exception {
        SceneDescription d = walk("cell-down", 0).get(6);
        String drawn = allText(d);
        assertThat(drawn).contains("✗ unreachable: nothing arrived").contains("Lost on the underlay");
        assertThat(drawn).doesNotContain("Dropped at step 7 on cell1");
        Item cell2Title = d.texts().stream().filter(t -> t.text().startsWith("✗ unreachable")).findFirst().orElseThrow();
        assertThat(cell2Title.owner()).isEqualTo("cell:cell2");
    }

    @Test
    void staleFdbShowsTheWrongCellReceivingTheFrame() throws Exception {
        SceneDescription d = walk("stale-fdb", 0).get(8);
        Item packet = d.of(Kind.PACKET).stream().filter(p -> p.journey() == 0).findFirst().orElseThrow();
        Item cell3 = d.of(Kind.COMPONENT).stream().filter(c -> "cell:cell3".equals(c.owner())).findFirst().orElseThrow();
        assertThat(packet.x()).isBetween(cell3.x(), cell3.right());
        assertThat(packet.y()).isBetween(cell3.y(), cell3.bottom());
        assertThat(allText(d)).contains("the FDB sent it to 10.0.16.12, which is cell3; AppA is on cell2 (10.0.16.14)");
    }

    @Test
    void noRouteSaysWhatCellOneLacks() throws Exception {
        assertThat(allText(walk("no-route", 0).get(3))).contains("cell1 lacks a route to 10.255.21.0/24");
    }

    @Test
    void busyCaptionsNameTheFollowedPacketsAppsAndItsCellsReadBig() throws Exception {
        for (SceneDescription d : walk("busy", 0)) {
            assertThat(d.caption()).doesNotContain("AppA").doesNotContain("AppB");
            assertThat(d.texts().stream().filter(t -> t.journey() == d.followed()))
                    .isNotEmpty().allMatch(t -> t.fontPx() >= 23.5);
        }
        SceneDescription first = walk("busy", 0).get(0);
        assertThat(first.caption()).contains(first.journey().srcApp());
    }
}
