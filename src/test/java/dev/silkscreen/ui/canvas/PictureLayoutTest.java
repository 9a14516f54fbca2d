package dev.silkscreen.ui.canvas;

import static org.assertj.core.api.Assertions.assertThat;

import dev.silkscreen.ui.Fixtures;
import org.junit.jupiter.api.Test;

class PictureLayoutTest {
    private final PictureLayout layout = new PictureLayout(Fixtures.seed());

    @Test
    void cellsStandSideBySideWithoutOverlap() {
        Box c1 = layout.cellBox("cell1");
        Box c2 = layout.cellBox("cell2");
        assertThat(c1.right()).isLessThan(c2.x());
        assertThat(c1.y()).isEqualTo(c2.y());
    }

    @Test
    void twoCellsFitA1920By1080ScreenAtAboutNaturalSize() {
        Viewport vp = new Viewport();
        vp.setWorld(layout.width(), layout.height());
        vp.setCanvas(1920, 930);
        assertThat(vp.scale()).isGreaterThanOrEqualTo(1.0);
    }

    @Test
    void containersSitInsideTheirCellAboveTheirVeth() {
        Box cell = layout.cellBox("cell1");
        Box b = layout.container(Fixtures.APP_B_IP);
        Box c = layout.container(Fixtures.APP_C_IP);
        assertThat(cell.contains(b.x(), b.y())).isTrue();
        assertThat(cell.contains(c.right(), c.bottom())).isTrue();
        assertThat(b.right()).isLessThan(c.x());
        assertThat(layout.veth(Fixtures.APP_B_IP).y()).isGreaterThan(b.bottom());
    }

    @Test
    void theDeviceStackRunsGateThenVtepThenNic() {
        assertThat(layout.gate("cell2").bottom()).isLessThan(layout.vtep("cell2").y());
        assertThat(layout.vtep("cell2").bottom()).isLessThan(layout.nic("cell2").y());
        assertThat(layout.nic("cell2").bottom()).isLessThan(layout.bus().y());
    }

    @Test
    void partAtFindsTheInnermostPart() {
        Box veth = layout.veth(Fixtures.APP_A_IP);
        Part p = layout.partAt(veth.cx(), veth.cy());
        assertThat(p.kind()).isEqualTo(PartKind.VETH);
        assertThat(p.instance().app()).isEqualTo("AppA");
        Box cell = layout.cellBox("cell1");
        assertThat(layout.partAt(cell.x() + 5, cell.y() + 5).kind()).isEqualTo(PartKind.CELL);
        assertThat(layout.partAt(-100, -100)).isNull();
    }

    @Test
    void theRailRunsThroughVtepAndNic() {
        double rail = layout.rail("cell1");
        assertThat(layout.vtep("cell1").contains(rail, layout.vtep("cell1").cy())).isTrue();
        assertThat(layout.nic("cell1").contains(rail, layout.nic("cell1").cy())).isTrue();
    }

    @Test
    void manyCellsWrapIntoRowsJoinedByATrunk() {
        java.util.List<dev.silkscreen.model.Cell> cells = new java.util.ArrayList<>();
        for (int i = 1; i <= 9; i++) {
            cells.add(new dev.silkscreen.model.Cell("cell" + i, "10.0.16." + i, "eth0", 1500, "10.255." + i + ".0/24"));
        }
        PictureLayout big = new PictureLayout(new dev.silkscreen.model.Foundation("big", cells, java.util.List.of(),
                java.util.List.of(), java.util.List.of(), java.util.Map.of()));
        assertThat(PictureLayout.columns(9)).isEqualTo(4);
        assertThat(big.buses()).hasSize(3);
        assertThat(big.trunk()).isNotNull();
        java.util.List<Point> route = big.underlayRoute("cell1", "cell9");
        assertThat(route).hasSize(6);
        assertThat(route.get(2).x()).isEqualTo(big.trunk().cx());
        assertThat(big.underlayRoute("cell1", "cell2")).hasSize(4);
    }

    @Test
    void manyContainersOnOneCellAreDrawnSmallInsideIt() {
        java.util.List<dev.silkscreen.model.Instance> many = new java.util.ArrayList<>();
        for (int i = 0; i < 14; i++) {
            many.add(new dev.silkscreen.model.Instance("AppB", i, "cell1", "10.255.1." + (i + 2), "h" + i));
        }
        var f = Fixtures.seed();
        PictureLayout crowded = new PictureLayout(new dev.silkscreen.model.Foundation("c", f.cells(), f.apps(), many,
                f.policies(), java.util.Map.of()));
        Box cell = crowded.cellBox("cell1");
        for (var inst : many) {
            Box c = crowded.container(inst.ip());
            assertThat(crowded.compact(c)).isTrue();
            assertThat(cell.contains(c.x(), c.y()) && cell.contains(c.right(), crowded.veth(inst.ip()).bottom())).isTrue();
            assertThat(crowded.veth(inst.ip()).bottom()).isLessThan(crowded.gate("cell1").y());
        }
    }
}
