package dev.silkscreen.ui.canvas;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.data.Offset.offset;

import org.junit.jupiter.api.Test;

class ViewportTest {

    private Viewport viewport() {
        Viewport v = new Viewport();
        v.setWorld(2000, 1000);
        v.setCanvas(1000, 1000);
        return v;
    }

    @Test
    void fitsTheWholeWorldCentred() {
        Viewport v = viewport();
        assertThat(v.scale()).isEqualTo(0.5);
        assertThat(v.toScreenY(500)).isCloseTo(500, offset(1e-9));
        assertThat(v.toScreenX(0)).isCloseTo(0, offset(1e-9));
    }

    @Test
    void zoomKeepsThePointUnderTheMouse() {
        Viewport v = viewport();
        double wx = v.toWorldX(300);
        double wy = v.toWorldY(700);
        v.zoomAt(2, 300, 700);
        assertThat(v.toScreenX(wx)).isCloseTo(300, offset(1e-6));
        assertThat(v.toScreenY(wy)).isCloseTo(700, offset(1e-6));
        assertThat(v.scale()).isEqualTo(1.0);
    }

    @Test
    void zoomIsBounded() {
        Viewport v = viewport();
        for (int i = 0; i < 50; i++) {
            v.zoomAt(2, 0, 0);
        }
        assertThat(v.zoom()).isEqualTo(Viewport.MAX_ZOOM);
    }

    @Test
    void panMovesAndResetReturns() {
        Viewport v = viewport();
        double x = v.toScreenX(100);
        v.pan(40, -10);
        assertThat(v.toScreenX(100)).isCloseTo(x + 40, offset(1e-9));
        v.reset();
        assertThat(v.toScreenX(100)).isCloseTo(x, offset(1e-9));
    }
}
