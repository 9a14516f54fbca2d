package dev.silkscreen.ui.canvas;

import static org.assertj.core.api.Assertions.assertThat;

import dev.silkscreen.model.Journey;
import dev.silkscreen.model.Verdict;
import dev.silkscreen.ui.Fixtures;
import org.junit.jupiter.api.Test;

class PacketPathTest {
    private final PictureLayout layout = new PictureLayout(Fixtures.seed());

    /** The part acting at a step: the packet rests on it, or beside it in the cell's lane. */
    private PartKind kindAt(PacketPath p, int step) {
        Point a = p.anchor(step);
        Part place = p.place(layout, step);
        Part under = layout.partAt(a.x(), a.y());
        if (under.kind() != PartKind.CELL) {
            assertThat(under).isEqualTo(place);
        } else {
            // beside its part: in the lane, level with it
            assertThat(a.y()).isBetween(place.box().y(), place.box().bottom());
            assertThat(a.x()).isGreaterThan(place.box().right());
        }
        return place.kind();
    }

    @Test
    void aCrossCellPacketVisitsTheElevenStepsInOrder() {
        PacketPath p = PacketPath.of(layout, Fixtures.delivered(1, 0));
        assertThat(kindAt(p, 1)).isEqualTo(PartKind.CONTAINER);
        assertThat(kindAt(p, 2)).isEqualTo(PartKind.VETH);
        assertThat(kindAt(p, 3)).isEqualTo(PartKind.GATE);
        assertThat(kindAt(p, 4)).isEqualTo(PartKind.VTEP);
        assertThat(kindAt(p, 6)).isEqualTo(PartKind.NIC);
        assertThat(kindAt(p, 7)).isEqualTo(PartKind.UNDERLAY);
        assertThat(kindAt(p, 8)).isEqualTo(PartKind.NIC);
        assertThat(kindAt(p, 9)).isEqualTo(PartKind.VTEP);
        assertThat(kindAt(p, 10)).isEqualTo(PartKind.GATE);
        assertThat(kindAt(p, 11)).isEqualTo(PartKind.CONTAINER);
        assertThat(layout.cellBox("cell1").contains(p.anchor(4).x(), p.anchor(4).y())).isTrue();
        assertThat(layout.cellBox("cell2").contains(p.anchor(9).x(), p.anchor(9).y())).isTrue();
    }

    @Test
    void aCrossCellPacketIsWrappedFromStepFiveToEight() {
        PacketPath p = PacketPath.of(layout, Fixtures.delivered(1, 0));
        assertThat(p.encapsulatedAt(4)).isFalse();
        assertThat(p.encapsulatedAt(5)).isTrue();
        assertThat(p.encapsulatedAt(8)).isTrue();
        assertThat(p.encapsulatedAt(9)).isFalse();
    }

    @Test
    void aSameCellPacketIsNeverWrapped() {
        Journey j = Fixtures.journey(1, Fixtures.APP_B_IP, Fixtures.APP_C_IP, 8080, "TCP SYN", Verdict.DELIVERED, 0, 0,
                "cell1", "cell1", 4, "AppB", "AppC");
        PacketPath p = PacketPath.of(layout, j);
        assertThat(p.crossesCells()).isFalse();
        for (int s = 1; s <= 11; s++) {
            assertThat(p.encapsulatedAt(s)).isFalse();
            assertThat(layout.cellBox("cell1").contains(p.anchor(s).x(), p.anchor(s).y())).isTrue();
        }
    }

    @Test
    void theUnderlayLegRunsAlongTheBus() {
        PacketPath p = PacketPath.of(layout, Fixtures.delivered(1, 0));
        Point mid = p.along(7, 0.7);
        assertThat(mid.y()).isEqualTo(layout.bus().cy());
    }

    @Test
    void alongGoesFromThePreviousAnchorToThisOne() {
        PacketPath p = PacketPath.of(layout, Fixtures.delivered(1, 0));
        assertThat(p.along(6, 0)).isEqualTo(p.anchor(5));
        assertThat(p.along(6, 1)).isEqualTo(p.anchor(6));
    }

    @Test
    void aPacketSentToTheWrongCellIsDrawnWhereItWent() {
        var f = Fixtures.seed();
        var cells = new java.util.ArrayList<>(f.cells());
        cells.add(new dev.silkscreen.model.Cell("cell3", "10.0.16.13", "eth0", 1500, "10.255.3.0/24"));
        PictureLayout three = new PictureLayout(new dev.silkscreen.model.Foundation("stale", cells, f.apps(), f.instances(),
                f.policies(), java.util.Map.of()));
        Journey lost = Fixtures.journey(1, Fixtures.APP_B_IP, Fixtures.APP_A_IP, 8080, "TCP SYN", Verdict.DROPPED, 9, 0,
                "cell1", "cell3", 4, "AppB", "AppA");
        PacketPath p = PacketPath.of(three, lost);
        assertThat(p.dstCell()).isEqualTo("cell3");
        assertThat(three.nic("cell3").contains(p.anchor(8).x(), p.anchor(8).y())).isTrue();
    }
}
