package dev.silkscreen.ui.inspector;

import dev.silkscreen.model.Journey;
import dev.silkscreen.ui.canvas.Part;
import dev.silkscreen.ui.main.MainModel;
import javafx.geometry.Insets;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;

/**
 * The inspector: the clicked part if any, else the clicked packet, else a hint. Rebuilt only when
 * the selection changes, never per animation frame.
 */
public final class InspectorPane extends ScrollPane {
    private final MainModel model;
    private final PacketView packet = new PacketView();
    private final ComponentView component = new ComponentView();
    private final Label hint = new Label("Click a packet or a part of the picture (veth, iptables, silk-vtep, NIC) to inspect it.");

    public InspectorPane(MainModel model) {
        this.model = model;
        getStyleClass().add("inspector");
        setFitToWidth(true);
        hint.setWrapText(true);
        hint.setPadding(new Insets(12));
        model.selectedJourneyProperty().addListener((o, a, b) -> refresh());
        model.selectedPartProperty().addListener((o, a, b) -> refresh());
        model.runProperty().addListener((o, a, b) -> refresh());
        refresh();
    }

    private void refresh() {
        Part part = model.selectedPartProperty().get();
        Journey j = model.selectedJourney();
        if (part != null && model.run() != null) {
            Journey context = j != null ? j : model.playback().followedJourney();
            component.show(ComponentInfo.of(model.run().foundation(), part, context));
            setContent(component);
        } else if (j != null && model.run() != null) {
            packet.show(model.run().foundation(), j);
            setContent(packet);
        } else {
            setContent(hint);
        }
    }

    public PacketView packetView() {
        return packet;
    }
}
