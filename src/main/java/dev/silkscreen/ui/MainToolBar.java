package dev.silkscreen.ui;

import dev.silkscreen.ui.main.MainModel;
import static dev.silkscreen.ui.controls.Buttons.button;

import dev.silkscreen.pipeline.Run;
import dev.silkscreen.ui.PictureView;
import dev.silkscreen.ui.theme.Theme;
import java.util.List;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.Separator;
import javafx.scene.control.ToolBar;
import javafx.scene.control.Tooltip;

/** Scenario picker, capture files, editor, export, theme, classroom mode and zoom. */
public final class MainToolBar extends ToolBar {
    private final ComboBox<String> scenarios = new ComboBox<>();
    private boolean syncing;

    public MainToolBar(MainModel model, MainActions actions, PictureView picture) {
        scenarios.setAccessibleText("Scenario");
        scenarios.setTooltip(new Tooltip("Built-in scenario to simulate"));
        scenarios.valueProperty().addListener((o, a, b) -> {
            if (!syncing && b != null) {
                actions.openScenario(b);
            }
        });
        model.runProperty().addListener((o, a, b) -> {
            syncing = true;
            scenarios.setValue(b != null && b.origin() == Run.Origin.SCENARIO ? b.foundation().name() : null);
            syncing = false;
        });
        Button open = button("Open captures…", "Open pcap/pcapng files (several at once)", actions::openCaptures);
        Button live = button("Live…", "Live capture: connect to the Diego cells over SSH and watch real packets (Ctrl+L)",
                actions::live);
        live.setId("live-button");
        Button edit = button("Edit…", "Add cells, apps, instances, policies; switch faults; re-run", actions::editScenario);
        Button export = button("Export PNG…", "Save the current view as a PNG image", actions::exportPng);
        ComboBox<Theme> theme = new ComboBox<>();
        theme.getItems().setAll(Theme.values());
        theme.valueProperty().bindBidirectional(model.themeProperty());
        theme.setAccessibleText("Theme");
        Button classroom = button("Classroom", "Classroom mode: full screen, projector theme, keys (C; Esc leaves)",
                model::toggleClassroom);
        Button zoomIn = button("+", "Zoom in (scroll wheel)", () -> picture.zoom(1.25));
        Button zoomOut = button("−", "Zoom out", () -> picture.zoom(0.8));
        Button fit = button("Fit", "Show the whole picture (double-click)", picture::resetView);
        getItems().addAll(new Label("Scenario"), scenarios, open, live, edit, new Separator(), export, new Label("Theme"), theme,
                classroom, new Separator(), zoomIn, zoomOut, fit);
    }

    /** Fills the scenario picker. */
    public void setScenarios(List<String> names) {
        syncing = true;
        String keep = scenarios.getValue();
        scenarios.getItems().setAll(names);
        scenarios.setValue(keep);
        syncing = false;
    }

    public ComboBox<String> scenarioPicker() {
        return scenarios;
    }
}
