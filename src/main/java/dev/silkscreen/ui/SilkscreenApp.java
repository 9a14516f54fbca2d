package dev.silkscreen.ui;

import dev.silkscreen.Version;
import javafx.application.Application;
import javafx.geometry.Insets;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;

/** The desktop program. (Placeholder until the visualizer lands: says what it is and what it plays.) */
public final class SilkscreenApp extends Application {
    @Override
    public void start(Stage stage) {
        Label title = new Label("Silkscreen " + Version.get());
        title.setStyle("-fx-font-size: 28px; -fx-font-weight: bold;");
        Label what = new Label("How a Cloud Foundry container-to-container packet travels through Silk.");
        Label scenario = new Label("Scenario: seed (AppB on cell 1 calls AppA on cell 2, allowed)");
        VBox root = new VBox(12, title, what, scenario);
        root.setPadding(new Insets(24));
        stage.setTitle("Silkscreen");
        stage.setScene(new Scene(root, 960, 540));
        stage.show();
    }
}
