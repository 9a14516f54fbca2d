package dev.silkscreen.ui.inspector;

import dev.silkscreen.model.Foundation;
import dev.silkscreen.model.Hop;
import dev.silkscreen.model.Journey;
import dev.silkscreen.model.SafeText;
import dev.silkscreen.model.Stage;
import java.util.Locale;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.geometry.Insets;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TreeItem;
import javafx.scene.control.TreeView;
import javafx.scene.layout.VBox;

/**
 * The selected packet: its journey (hops, times, verdict, reason), and for the chosen sighting the
 * layers (outer and inner, VXLAN and its Group Policy ID in CF terms) beside the hex bytes, with
 * field ↔ byte highlighting both ways.
 */
public final class PacketView extends VBox {
    private final Label heading = new Label();
    private final Label verdict = new Label();
    private final ComboBox<Hop> sightings = new ComboBox<>();
    private final TreeView<Object> fields = new TreeView<>();
    private final HexView hex = new HexView();
    private final TableView<Hop> hops = new TableView<>();
    private Foundation foundation;
    private Journey journey;
    private PacketLayers layers;

    public PacketView() {
        getStyleClass().add("packet-view");
        setSpacing(8);
        setPadding(new Insets(8));
        heading.getStyleClass().add("caption");
        heading.setWrapText(true);
        verdict.setWrapText(true);
        sightings.setAccessibleText("Sighting to take apart");
        sightings.setCellFactory(v -> new HopCell());
        sightings.setButtonCell(new HopCell());
        sightings.valueProperty().addListener((o, a, b) -> showHop(b));
        fields.setShowRoot(false);
        fields.setPrefHeight(300);
        fields.setAccessibleText("Packet layers and fields");
        fields.getSelectionModel().selectedItemProperty().addListener((o, a, b) -> {
            if (b != null && b.getValue() instanceof PacketLayers.Field f) {
                hex.highlight(f.offset(), f.length());
            } else if (b != null && b.getValue() instanceof PacketLayers.Layer l) {
                hex.highlight(l.offset(), l.length());
            }
        });
        hex.setOnByte(this::selectByte);
        TableColumn<Hop, String> step = new TableColumn<>("Step");
        step.setCellValueFactory(c -> new ReadOnlyStringWrapper(SafeText.line(c.getValue().stage() + " " + Stage.of(c.getValue().stage()).title())));
        TableColumn<Hop, String> point = new TableColumn<>("Point");
        point.setCellValueFactory(c -> new ReadOnlyStringWrapper(SafeText.line(String.valueOf(c.getValue().point()))));
        TableColumn<Hop, String> time = new TableColumn<>("Time");
        time.setCellValueFactory(c -> new ReadOnlyStringWrapper(SafeText.line(offset(c.getValue()))));
        hops.getColumns().setAll(java.util.List.of(step, point, time));
        hops.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        hops.setPrefHeight(170);
        hops.setAccessibleText("Journey: where the packet was seen");
        hops.getSelectionModel().selectedItemProperty().addListener((o, a, b) -> {
            if (b != null && b.frame() != null) {
                sightings.setValue(b);
            }
        });
        getChildren().addAll(heading, verdict, new Label("Journey"), hops, new Label("Take apart the frame seen at"),
                sightings, fields, hex);
    }

    /** Shows journey {@code j} of foundation {@code f}, starting with its most telling sighting. */
    public void show(Foundation f, Journey j) {
        this.foundation = f;
        this.journey = j;
        heading.setText(SafeText.line("#" + j.id() + "  " + j.summary() + "  " + j.flow().src() + ":" + j.flow().sport() + " → "
                + j.flow().dst() + ":" + j.flow().dport() + " (" + j.flow().proto() + ")"));
        String apps = (j.srcApp() == null ? "?" : j.srcApp()) + " → " + (j.dstApp() == null ? "?" : j.dstApp());
        verdict.setText(SafeText.line(apps + " · tag " + (j.tag() < 0 ? "none" : "0x" + dev.silkscreen.model.SilkNames.tagHex(j.tag()))
                + " · " + j.verdict().word().toUpperCase(Locale.ROOT)
                + (j.dropStage() > 0 ? " at step " + j.dropStage() + (j.dropCell() == null ? "" : " on " + j.dropCell()) : "")
                + (j.reason() == null ? "" : " · " + j.reason())));
        hops.getItems().setAll(j.hops());
        sightings.getItems().setAll(j.hops().stream().filter(h -> h.frame() != null).toList());
        Hop best = j.hops().stream().filter(h -> h.frame() != null && h.point() != null
                && h.point().kind() == dev.silkscreen.model.PointKind.UNDERLAY).findFirst()
                .orElse(sightings.getItems().isEmpty() ? null : sightings.getItems().get(0));
        sightings.setValue(best);
        if (best == null) {
            showHop(null);
        }
    }

    private void showHop(Hop h) {
        TreeItem<Object> root = new TreeItem<>("frame");
        if (h == null || h.frame() == null) {
            layers = null;
            fields.setRoot(root);
            hex.show(new byte[0]);
            return;
        }
        layers = PacketLayers.of(h.frame(), foundation);
        for (PacketLayers.Layer l : layers.layers()) {
            TreeItem<Object> li = new TreeItem<>(l);
            li.setExpanded(true);
            for (PacketLayers.Field f : l.fields()) {
                li.getChildren().add(new TreeItem<>(f));
            }
            root.getChildren().add(li);
        }
        fields.setCellFactory(v -> new javafx.scene.control.TreeCell<>() {
            @Override
            protected void updateItem(Object item, boolean empty) {
                super.updateItem(item, empty);
                if (empty || item == null) {
                    setText(SafeText.line(null));
                } else if (item instanceof PacketLayers.Layer l) {
                    setText(SafeText.line(l.name() + "  [" + l.offset() + "–" + (l.offset() + l.length() - 1) + "]"));
                } else if (item instanceof PacketLayers.Field f) {
                    setText(SafeText.line(f.name() + ": " + f.value()));
                } else {
                    setText(SafeText.line(item.toString()));
                }
            }
        });
        fields.setRoot(root);
        hex.show(h.frame().data());
        selectField("Group Policy ID");
    }

    /** Selects the first field named {@code name} (the GBP field when the frame is wrapped). */
    public boolean selectField(String name) {
        for (TreeItem<Object> l : fields.getRoot().getChildren()) {
            for (TreeItem<Object> fi : l.getChildren()) {
                if (fi.getValue() instanceof PacketLayers.Field f && f.name().equals(name)) {
                    fields.getSelectionModel().select(fi);
                    fields.scrollTo(Math.max(0, fields.getRow(fi) - 3));
                    return true;
                }
            }
        }
        return false;
    }

    private void selectByte(int index) {
        if (layers == null) {
            return;
        }
        PacketLayers.Field f = layers.fieldAt(index);
        if (f == null) {
            return;
        }
        for (TreeItem<Object> l : fields.getRoot().getChildren()) {
            for (TreeItem<Object> fi : l.getChildren()) {
                if (fi.getValue() == f) {
                    fields.getSelectionModel().select(fi);
                    fields.scrollTo(fields.getRow(fi));
                    return;
                }
            }
        }
    }

    /** The layers on show (for tests). */
    public PacketLayers layers() {
        return layers;
    }

    /** The journey's sightings, one row per hop (what the person picked there is theirs to keep). */
    public TableView<Hop> hopsTable() {
        return hops;
    }

    public HexView hex() {
        return hex;
    }

    private String offset(Hop h) {
        if (journey == null || journey.hops().isEmpty()) {
            return "";
        }
        long t0 = journey.hops().get(0).timeNanos();
        return String.format(Locale.ROOT, "+%.1f µs", (h.timeNanos() - t0) / 1000.0);
    }

    private final class HopCell extends ListCell<Hop> {
        @Override
        protected void updateItem(Hop h, boolean empty) {
            super.updateItem(h, empty);
            setText(SafeText.line(empty || h == null ? null : "step " + h.stage() + " · " + h.point() + " · " + offset(h)));
        }
    }
}
