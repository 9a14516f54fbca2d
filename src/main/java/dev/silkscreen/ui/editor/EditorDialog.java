package dev.silkscreen.ui.editor;

import dev.silkscreen.model.SafeText;
import dev.silkscreen.sim.ScenarioSpec;
import dev.silkscreen.sim.ScenarioSpec.AppSpec;
import dev.silkscreen.sim.ScenarioSpec.CellSpec;
import dev.silkscreen.sim.ScenarioSpec.FaultSpec;
import java.util.function.Function;
import javafx.collections.ObservableList;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.Spinner;
import javafx.scene.control.TextField;
import javafx.scene.control.TitledPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;

/**
 * A simple scenario editor: add cells, apps, instances and policies, add faults and switch them
 * on and off, then re-run the simulator ("Run") to see what changes. Errors in what is typed are
 * shown on the spot.
 */
public final class EditorDialog extends Dialog<ScenarioSpec> {
    private final EditorModel model;
    private final Label error = new Label();

    public EditorDialog(ScenarioSpec spec) {
        this.model = new EditorModel(spec);
        setTitle("Edit scenario " + spec.name());
        setHeaderText("Change the foundation, then Run to simulate it again and see what changes.");
        error.getStyleClass().add("error");
        error.setWrapText(true);
        VBox box = new VBox(6,
                pane("Cells", model.cells(), c -> c.name() + (c.underlayIp() == null ? "" : "  " + c.underlayIp())
                        + (c.subnet() == null ? "" : "  " + c.subnet()), cellForm()),
                pane("Apps", model.apps(), a -> a.name() + (a.tag() == null ? "" : "  tag " + a.tag()), appForm()),
                pane("Instances", model.instances(), i -> (i.count() == null ? 1 : i.count()) + " × " + i.app() + " on " + i.cell(),
                        instanceForm()),
                pane("Policies", model.policies(), p -> "cf add-network-policy " + p.from() + " --destination-app " + p.to()
                        + " --protocol " + p.protocol() + (p.ports() == null ? "" : " --port " + p.ports()), policyForm()),
                faultPane(), error);
        box.setPrefWidth(720);
        getDialogPane().setContent(box);
        ButtonType run = new ButtonType("Run", javafx.scene.control.ButtonBar.ButtonData.OK_DONE);
        getDialogPane().getButtonTypes().addAll(run, ButtonType.CANCEL);
        setResultConverter(b -> b == run ? model.build() : null);
    }

    public EditorModel model() {
        return model;
    }

    private <T> TitledPane pane(String title, ObservableList<T> items, Function<T, String> text, Node form) {
        ListView<T> list = new ListView<>(items);
        list.setPrefHeight(96);
        list.setAccessibleText(title);
        list.setCellFactory(v -> new ListCell<>() {
            @Override
            protected void updateItem(T item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty || item == null ? null : text.apply(item));
            }
        });
        Button remove = new Button("Remove");
        remove.setAccessibleText("Remove the chosen " + title.toLowerCase());
        remove.setOnAction(e -> {
            T item = list.getSelectionModel().getSelectedItem();
            if (item != null) {
                model.remove(item);
            }
        });
        TitledPane p = new TitledPane(title + " (" + items.size() + ")", new VBox(4, list, new HBox(6, form, remove)));
        items.addListener((javafx.collections.ListChangeListener<T>) c -> p.setText(title + " (" + items.size() + ")"));
        p.setExpanded(title.equals("Policies"));
        return p;
    }

    private Node cellForm() {
        TextField name = field("cell3", "New cell name");
        return new HBox(6, name, action("Add cell", () -> model.addCell(name.getText())));
    }

    private Node appForm() {
        TextField name = field("AppC", "New app name");
        return new HBox(6, name, action("Add app", () -> model.addApp(name.getText())));
    }

    private Node instanceForm() {
        ComboBox<String> app = appChoice("App");
        ComboBox<String> cell = cellChoice("Cell");
        Spinner<Integer> count = new Spinner<>(1, 20, 1);
        count.setPrefWidth(70);
        count.setAccessibleText("How many instances");
        return new HBox(6, app, cell, count, action("Add", () -> model.addInstances(app.getValue(), cell.getValue(), count.getValue())));
    }

    private Node policyForm() {
        ComboBox<String> from = appChoice("From app");
        ComboBox<String> to = appChoice("To app");
        ComboBox<String> proto = new ComboBox<>();
        proto.getItems().setAll("tcp", "udp", "icmp");
        proto.setValue("tcp");
        proto.setAccessibleText("Protocol");
        TextField ports = field("8080", "Port or range, e.g. 8080 or 7000-8000");
        ports.setPrefColumnCount(8);
        return new HBox(6, from, to, proto, ports,
                action("Add policy", () -> model.addPolicy(from.getValue(), to.getValue(), proto.getValue(), ports.getText())));
    }

    private TitledPane faultPane() {
        ListView<FaultSpec> list = new ListView<>(model.faults());
        list.setPrefHeight(96);
        list.setAccessibleText("Faults");
        list.setCellFactory(v -> new ListCell<>() {
            @Override
            protected void updateItem(FaultSpec f, boolean empty) {
                super.updateItem(f, empty);
                if (empty || f == null) {
                    setGraphic(null);
                    setText(null);
                    return;
                }
                CheckBox on = new CheckBox(f.kind() + " on " + f.cell() + (f.peer() == null ? "" : " (peer " + f.peer() + ")")
                        + (f.underlayIp() == null ? "" : " → " + f.underlayIp()));
                on.setSelected(model.isOn(f));
                on.setAccessibleText("Switch fault " + f.kind() + " on " + f.cell());
                on.selectedProperty().addListener((o, a, b) -> model.setOn(f, b));
                setGraphic(on);
                setText(null);
            }
        });
        ComboBox<String> kind = new ComboBox<>();
        kind.getItems().setAll("stale-fdb", "no-route", "cell-down", "meow", "vxlan-blocked", "reply-lost", "conntrack-full", "policy-lag");
        kind.setValue("no-route");
        kind.setAccessibleText("Fault kind");
        ComboBox<String> cell = cellChoice("On cell");
        ComboBox<String> peer = cellChoice("Peer cell");
        TextField ip = field("underlay IP", "Where a stale FDB entry points (stale-fdb only)");
        ip.setPrefColumnCount(9);
        Button remove = new Button("Remove");
        remove.setOnAction(e -> {
            FaultSpec f = list.getSelectionModel().getSelectedItem();
            if (f != null) {
                model.remove(f);
            }
        });
        Node form = new HBox(6, kind, cell, peer, ip,
                action("Add fault", () -> model.addFault(kind.getValue(), cell.getValue(), peer.getValue(), ip.getText())), remove);
        TitledPane p = new TitledPane("Faults (tick to switch on)", new VBox(4, list, form));
        p.setExpanded(true);
        return p;
    }

    private ComboBox<String> appChoice(String prompt) {
        ComboBox<String> c = new ComboBox<>();
        c.setPromptText(prompt);
        c.setAccessibleText(prompt);
        Runnable fill = () -> c.getItems().setAll(model.apps().stream().map(AppSpec::name).toList());
        fill.run();
        model.apps().addListener((javafx.collections.ListChangeListener<AppSpec>) ch -> fill.run());
        return c;
    }

    private ComboBox<String> cellChoice(String prompt) {
        ComboBox<String> c = new ComboBox<>();
        c.setPromptText(prompt);
        c.setAccessibleText(prompt);
        Runnable fill = () -> c.getItems().setAll(model.cells().stream().map(CellSpec::name).toList());
        fill.run();
        model.cells().addListener((javafx.collections.ListChangeListener<CellSpec>) ch -> fill.run());
        return c;
    }

    private static TextField field(String prompt, String help) {
        TextField t = new TextField();
        t.setPromptText(prompt);
        t.setAccessibleText(help);
        t.setPrefColumnCount(10);
        return t;
    }

    private Button action(String text, Runnable r) {
        Button b = new Button(text);
        b.setOnAction(e -> {
            try {
                r.run();
                error.setText("");
            } catch (IllegalArgumentException ex) {
                error.setText(SafeText.line(ex.getMessage()));
            }
        });
        return b;
    }
}
