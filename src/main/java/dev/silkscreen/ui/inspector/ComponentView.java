package dev.silkscreen.ui.inspector;

import dev.silkscreen.model.SafeText;
import javafx.geometry.Insets;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.VBox;

/** A clicked part: what it is, its state (the deciding rule highlighted) and how to see it on a cell. */
public final class ComponentView extends VBox {

    public ComponentView() {
        getStyleClass().add("component-view");
        setSpacing(6);
        setPadding(new Insets(8));
    }

    public void show(ComponentInfo info) {
        getChildren().clear();
        Label title = label(SafeText.line(info.title()), "caption");
        Label what = label(info.what(), "what");
        getChildren().addAll(title, what);
        for (ComponentInfo.Section s : info.sections()) {
            getChildren().add(label(s.title(), "heading"));
            if (s.lines().isEmpty()) {
                getChildren().add(label("(empty)", "state-line"));
            }
            for (int i = 0; i < s.lines().size(); i++) {
                Label line = label(SafeText.line(s.lines().get(i)), "state-line");
                if (s.highlighted().contains(i)) {
                    line.getStyleClass().add("matched");
                    line.setText("▶ " + line.getText());
                    line.setAccessibleText("Matched rule: " + s.lines().get(i));
                }
                getChildren().add(line);
            }
        }
        getChildren().add(label("On a real cell", "heading"));
        for (String c : info.commands()) {
            TextField f = new TextField(SafeText.line(c));
            f.setEditable(false);
            f.getStyleClass().add("command");
            getChildren().add(f);
        }
    }

    private static Label label(String text, String style) {
        Label l = new Label(text);
        l.setWrapText(true);
        l.getStyleClass().add(style);
        l.setMaxWidth(Double.MAX_VALUE);
        return l;
    }
}
