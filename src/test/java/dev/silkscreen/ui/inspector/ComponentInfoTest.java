package dev.silkscreen.ui.inspector;

import static org.assertj.core.api.Assertions.assertThat;

import dev.silkscreen.ui.Fixtures;
import dev.silkscreen.ui.canvas.Part;
import dev.silkscreen.ui.canvas.PartKind;
import dev.silkscreen.ui.canvas.PictureLayout;
import org.junit.jupiter.api.Test;

class ComponentInfoTest {
    private final PictureLayout layout = new PictureLayout(Fixtures.seed());

    private Part part(PartKind kind, String cell) {
        return layout.parts().stream().filter(p -> p.kind() == kind && (cell == null || p.cell().name().equals(cell)))
                .findFirst().orElseThrow();
    }

    @Test
    void theGateHighlightsTheRuleThatAcceptedTheFollowedPacket() {
        ComponentInfo info = ComponentInfo.of(layout.foundation(), part(PartKind.GATE, "cell2"), Fixtures.delivered(1, 0));
        ComponentInfo.Section rules = info.sections().get(0);
        assertThat(rules.highlighted()).hasSize(1);
        assertThat(rules.lines().get(rules.highlighted().iterator().next())).endsWith("-j ACCEPT");
    }

    @Test
    void theVtepListsRouteNeighbourAndFdbForTheOtherCell() {
        ComponentInfo info = ComponentInfo.of(layout.foundation(), part(PartKind.VTEP, "cell1"), null);
        String all = info.sections().toString();
        assertThat(all).contains("10.255.2.0/24 via 10.255.2.0 dev silk-vtep");
        assertThat(all).contains("10.255.2.0 dev silk-vtep lladdr ee:ee:0a:ff:02:00 PERMANENT");
        assertThat(all).contains("ee:ee:0a:ff:02:00 dev silk-vtep dst 10.0.16.12");
        assertThat(info.commands()).contains("bridge fdb show dev silk-vtep");
    }

    @Test
    void theVethNamesBothEnds() {
        ComponentInfo info = ComponentInfo.of(layout.foundation(), part(PartKind.VETH, "cell1"), null);
        assertThat(info.sections().toString()).contains("s-010255001002").contains("169.254.0.1 peer 10.255.1.2/32");
        assertThat(info.commands()).anyMatch(c -> c.startsWith("tcpdump -ni s-010255001002"));
    }
}
