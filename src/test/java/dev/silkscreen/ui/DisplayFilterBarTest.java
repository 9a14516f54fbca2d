package dev.silkscreen.ui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.silkscreen.model.Journey;
import dev.silkscreen.model.Verdict;
import dev.silkscreen.ui.events.EventRow;
import dev.silkscreen.ui.events.EventsPane;
import dev.silkscreen.pipeline.PipelineSource;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.TabPane;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.text.Text;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The display-filter bar of the Journeys and Events tabs, typed into as a person would. */
@ExtendWith(ApplicationExtension.class)
class DisplayFilterBarTest {
    private DesktopWindow window;

    @Start
    void start(Stage stage) {
        window = new DesktopWindow(stage, new PipelineSource());
        window.show("no-policy");
    }

    private void waitFor(BooleanSupplier condition) throws Exception {
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, condition::getAsBoolean);
        WaitForAsyncUtils.waitForFxEvents();
    }

    private TextField filterField(EventsPane pane) {
        return (TextField) pane.lookup(".display-filter .text-field");
    }

    private void showTab(FxRobot robot, String title) {
        TabPane tabs = (TabPane) window.view().lookup(".tab-pane");
        robot.interact(() -> tabs.getTabs().stream().filter(t -> t.getText().equals(title)).findFirst()
                .ifPresent(t -> tabs.getSelectionModel().select(t)));
    }

    @Test
    void aFieldNameCompletesAndTheJourneysTabKeepsOnlyTheMatchingJourneys(FxRobot robot) throws Exception {
        waitFor(() -> window.model().run() != null && window.model().run().foundation().name().equals("no-policy"));
        EventsPane pane = window.view().journeys();
        showTab(robot, "Journeys");
        int all = pane.journeyTable().getItems().size();
        assertThat(all).isGreaterThan(2);

        robot.clickOn(filterField(pane)).write("silk.verd");
        waitFor(() -> robot.lookup(".auto-complete-popup .list-cell").tryQuery().isPresent());
        ListView<?> suggestions = robot.lookup(".auto-complete-popup .list-view").queryAs(ListView.class);
        assertThat(suggestions.getItems()).extracting(Object::toString).contains("silk.verdict");
        robot.clickOn(robot.lookup(".auto-complete-popup .list-cell").lookup((Text t) -> t.getText().equals("silk.verdict"))
                .<Text>query());
        waitFor(() -> "silk.verdict".equals(filterField(pane).getText()));
        robot.write(" == dropped");
        waitFor(() -> pane.journeyTable().getItems().size() < all);

        List<Journey> shown = List.copyOf(pane.journeyTable().getItems());
        assertThat(shown).isNotEmpty().allMatch(j -> j.verdict() == Verdict.DROPPED);
        assertThat(pane.lookup(".filter-error").isVisible()).isFalse();
    }

    @Test
    void aBadExpressionIsExplainedUnderItsBadToken(FxRobot robot) throws Exception {
        waitFor(() -> window.model().run() != null && window.model().run().foundation().name().equals("no-policy"));
        EventsPane pane = window.view().events();
        showTab(robot, "Events");
        TextField field = filterField(pane);

        robot.clickOn(field).write("icmp.type == 3 && ip.sorc == 1.2.3.4");
        robot.type(KeyCode.ESCAPE);
        Label error = (Label) pane.lookup(".filter-error");
        waitFor(error::isVisible);

        assertThat(error.getText()).contains("'ip.sorc' is not a field").contains("ip.src");
        Text before = new Text("icmp.type == 3 && ");
        before.setFont(field.getFont());
        double tokenX = field.localToScreen(field.getBoundsInLocal()).getMinX() + field.getPadding().getLeft()
                + before.getLayoutBounds().getWidth();
        double errorX = error.localToScreen(error.getBoundsInLocal()).getMinX();
        assertThat(errorX).as("the message starts under 'ip.sorc'").isBetween(tokenX - 4, tokenX + 4);
        assertThat(field.getStyleClass()).contains("filter-bad");

        robot.interact(() -> field.setText("icmp.type == 3"));
        waitFor(() -> !error.isVisible());
        List<EventRow> rows = List.copyOf(pane.eventTable().getItems());
        assertThat(rows).isNotEmpty().allMatch(r -> r.source().summary().startsWith("ICMP"));
        assertThat(field.getStyleClass()).doesNotContain("filter-bad");
    }
}
