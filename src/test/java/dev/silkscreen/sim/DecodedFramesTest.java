package dev.silkscreen.sim;

import static org.assertj.core.api.Assertions.assertThat;

import dev.silkscreen.decode.DecodedFrame;
import dev.silkscreen.decode.FrameDecoder;
import dev.silkscreen.model.Foundation;
import dev.silkscreen.model.Frame;
import dev.silkscreen.model.Ipv4;
import dev.silkscreen.model.PointKind;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The project's own decoder reads every simulated frame, and what it reads agrees with the truth. */
class DecodedFramesTest {

    @ParameterizedTest
    @ValueSource(strings = {"seed", "no-policy", "wrong-port", "wrong-tag", "same-cell", "stale-fdb", "no-route", "mtu", "cell-down", "busy", "meow"})
    void everyFrameDecodesWithoutProblems(String scenario) {
        SimResult r = SimTestSupport.run(scenario, 5, 3000, null);
        FrameDecoder dec = new FrameDecoder();
        DecodedFrame d = new DecodedFrame();
        for (Frame f : r.frames()) {
            dec.decode(f, d);
            assertThat(d.malformed).as("%s at %s", scenario, f.point()).isNull();
            assertThat(d.truncated).isFalse();
            assertThat(d.encapsulated).isEqualTo(f.point().kind() == PointKind.UNDERLAY && d.etherType != 0x0806);
        }
    }

    @Test
    void everyTruthPacketIsSeenWithItsIdAndSequenceWhereItLeft() {
        SimResult r = SimTestSupport.run("wrong-tag", 5);
        FrameDecoder dec = new FrameDecoder();
        DecodedFrame d = new DecodedFrame();
        Map<String, Integer> seen = new HashMap<>();
        for (Frame f : r.frames()) {
            dec.decode(f, d);
            if (d.isIpv4()) {
                seen.merge(Ipv4.format(d.src) + "/" + d.ipId + "/" + (d.ipProto == 6 ? d.seq : -1), 1, Integer::sum);
            }
        }
        for (PacketTruth t : r.truth()) {
            assertThat(seen).containsKey(t.flow().src() + "/" + t.ipId() + "/" + t.seq());
        }
    }

    @Test
    void gbpOfEveryMarkedUnderlayFrameIsItsSourceAppsTag() {
        SimResult r = SimTestSupport.run("busy", 8, 3000, null);
        Foundation fd = r.foundation();
        FrameDecoder dec = new FrameDecoder();
        DecodedFrame d = new DecodedFrame();
        int n = 0;
        for (Frame f : r.frames()) {
            dec.decode(f, d);
            if (d.encapsulated && d.hasGbp()) {
                String app = fd.instanceByIp(Ipv4.format(d.src)).orElseThrow().app();
                assertThat(d.gbp).isEqualTo(fd.app(app).orElseThrow().tag());
                assertThat(d.vni).isEqualTo(1);
                n++;
            }
        }
        assertThat(n).isGreaterThan(1000);
    }
}
