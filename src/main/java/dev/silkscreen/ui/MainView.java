package dev.silkscreen.ui;

import dev.silkscreen.model.SafeText;
import dev.silkscreen.ui.PictureView;
import dev.silkscreen.ui.classroom.CaptionBar;
import dev.silkscreen.ui.events.EventsPane;
import dev.silkscreen.ui.inspector.InspectorPane;
import dev.silkscreen.ui.main.MainModel;
import dev.silkscreen.ui.playback.PlaybackBar;
import dev.silkscreen.ui.steps.StepPanel;
import dev.silkscreen.ui.steps.StepPanelModel;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.scene.control.Label;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;

/**
 * The main window's content: tool bar, the picture with the classroom caption above it, the side
 * tabs (steps, inspector, events, journeys) and the playback bar. Classroom mode hides all chrome
 * and shows the caption. Binds to a {@link MainModel}; actions go through {@link MainActions}.
 */
public final class MainView extends BorderPane {
    private final MainModel model;
    private final PictureView picture;
    private final CaptionBar caption;
    private final TabPane tabs = new TabPane();
    private final SplitPane split = new SplitPane();
    private final VBox bottom;
    private final MainToolBar toolBar;
    private final InspectorPane inspector;
    private final EventsPane events;
    private final EventsPane journeys;
    private final StepPanelModel stepModel;
    private final Tab inspectorTab;

    public MainView(MainModel model, MainActions actions) {
        this.model = model;
        getStyleClass().add("main-view");
        picture = new PictureView(model);
        caption = new CaptionBar(model.playback(), model.lesson());
        stepModel = new StepPanelModel(model.lesson());
        stepModel.stepProperty().bind(model.playback().currentStepProperty());
        model.playback().followedProperty().addListener((o, a, b) -> describeFollowed());
        model.runProperty().addListener((o, a, b) -> describeFollowed());
        StepPanel steps = new StepPanel(stepModel, model.playback());
        inspector = new InspectorPane(model);
        events = new EventsPane(model, false);
        journeys = new EventsPane(model, true);
        inspectorTab = new Tab("Inspector", inspector);
        tabs.getTabs().addAll(new Tab("Steps", steps), inspectorTab, new Tab("Events", events), new Tab("Journeys", journeys));
        tabs.getTabs().forEach(t -> t.setClosable(false));
        tabs.setMinWidth(320);
        model.selectedJourneyProperty().addListener((o, a, b) -> {
            if (b.intValue() >= 0) {
                tabs.getSelectionModel().select(inspectorTab);
            }
        });
        model.selectedPartProperty().addListener((o, a, b) -> {
            if (b != null) {
                tabs.getSelectionModel().select(inspectorTab);
            }
        });
        split.setOrientation(Orientation.HORIZONTAL);
        split.getItems().addAll(picture, tabs);
        split.setDividerPositions(0.68);
        toolBar = new MainToolBar(model, actions, picture);
        Label status = new Label();
        status.textProperty().bind(javafx.beans.binding.Bindings.createStringBinding(
                () -> SafeText.line(model.statusProperty().get()), model.statusProperty()));
        HBox statusBar = new HBox(status);
        statusBar.getStyleClass().add("status-bar");
        statusBar.setPadding(new Insets(3, 10, 3, 10));
        bottom = new VBox(new PlaybackBar(model.playback()), statusBar);
        model.classroomProperty().addListener((o, a, b) -> arrange());
        arrange();
    }

    private void describeFollowed() {
        caption.foundation(model.run() == null ? null : model.run().foundation());
        stepModel.describe(model.run() == null ? null : model.run().foundation(), model.playback().followedJourney());
        stepModel.stepProperty().unbind();
        stepModel.stepProperty().set(0);
        stepModel.stepProperty().bind(model.playback().currentStepProperty());
    }

    private void arrange() {
        if (model.classroomProperty().get()) {
            setTop(caption);
            setCenter(picture);
            setBottom(null);
        } else {
            setTop(toolBar);
            split.getItems().setAll(picture, tabs);
            split.setDividerPositions(0.68);
            setCenter(split);
            setBottom(bottom);
        }
        picture.requestFocus();
    }

    public PictureView picture() {
        return picture;
    }

    public CaptionBar caption() {
        return caption;
    }

    public InspectorPane inspector() {
        return inspector;
    }

    public EventsPane events() {
        return events;
    }

    public EventsPane journeys() {
        return journeys;
    }

    public TabPane tabs() {
        return tabs;
    }

    public MainToolBar toolBar() {
        return toolBar;
    }
}
