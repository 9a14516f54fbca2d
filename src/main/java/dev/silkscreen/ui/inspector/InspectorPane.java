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
        model.runProperty().addListener((o, a, b) -> refreshUnlessSame());
        refresh();
    }

    /** What the inspector shows: rebuilt only when it changes, so a live refresh keeps what the person opened. */
    record Shown(Part part, Journey journey, Object foundation) {
    }

    private Shown shown;

    /**
     * A new run (a live session's refresh) with the same part, the same packet (same id, verdict
     * and sightings) and the same foundation: the view stays as it is — the rules the person
     * expanded, where they scrolled to.
     */
    private void refreshUnlessSame() {
        if (!shown().equals(shown)) {
            refresh();
        }
    }

    private Shown shown() {
        return new Shown(model.selectedPartProperty().get(), model.selectedJourney(),
                model.run() == null ? null : model.run().foundation());
    }

    /** How many times the view was rebuilt (for tests: a live refresh of the same thing rebuilds nothing). */
    int rebuilds;

    private void refresh() {
        rebuilds++;
        shown = shown();
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
