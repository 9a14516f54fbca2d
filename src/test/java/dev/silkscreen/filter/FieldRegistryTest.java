package dev.silkscreen.filter;

import static org.assertj.core.api.Assertions.assertThat;

import dev.silkscreen.capture.CaptureReader;
import dev.silkscreen.decode.DecodedFrame;
import dev.silkscreen.decode.Field;
import dev.silkscreen.decode.Field.Where;
import dev.silkscreen.decode.Fields;
import dev.silkscreen.decode.FrameDecoder;
import dev.silkscreen.decode.JsonKey;
import dev.silkscreen.model.Frame;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The field registry is one source: the README, the JSON keys and the decoder's own values agree with it. */
class FieldRegistryTest {

    @Test
    void theReadmesJsonTableIsTheOneTheRegistryMakes() throws Exception {
        String readme = Files.readString(Path.of("README.md"));

        assertThat(readme).contains(JsonKey.markdownTable());
    }

    @Test
    void everyJsonKeysFieldIsAFieldFiltersKnow() {
        List<String> named = new ArrayList<>();
        for (JsonKey.Row r : JsonKey.rows()) {
            r.keys().forEach(k -> named.addAll(k.fields()));
            r.members().forEach(k -> named.addAll(k.fields()));
        }

        assertThat(named).isNotEmpty().allSatisfy(n -> assertThat(SilkFields.field(n)).as(n).isNotNull());
    }

    /**
     * Each header field reads its bits from the frame's bytes; the decoder reads the same bits into
     * its flyweight. On every frame of the testbed's captures the two agree.
     */
    @Test
    void headerFieldsReadWhatTheDecoderReadOnRealCaptures() throws Exception {
        List<Frame> frames = new ArrayList<>();
        try (var files = Files.list(Path.of("assets/captures"))) {
            for (Path p : files.filter(f -> f.toString().endsWith(".pcapng")).sorted().toList()) {
                try (InputStream in = Files.newInputStream(p)) {
                    CaptureReader.read(in, frames::add, null);
                }
            }
        }
        FrameDecoder decoder = new FrameDecoder();
        DecodedFrame d = new DecodedFrame();
        int compared = 0;
        for (Frame f : frames) {
            decoder.decode(f, d);
            compared += same(d, "ip.src", Where.INNER, d.isIpv4(), d.src & 0xffffffffL);
            compared += same(d, "ip.src", Where.OUTER, d.encapsulated, d.outerSrc & 0xffffffffL);
            compared += same(d, "ip.dst", Where.QUOTED, d.hasQuoted, d.quotedDst & 0xffffffffL);
            compared += same(d, "ip.ttl", Where.INNER, d.isIpv4(), d.ttl);
            compared += same(d, "ip.id", Where.OUTER, d.encapsulated, d.outerIpId);
            compared += same(d, "udp.srcport", Where.OUTER, d.encapsulated, d.outerSport);
            compared += same(d, "tcp.dstport", Where.INNER, d.ipProto == 6, d.dport);
            compared += same(d, "tcp.seq_raw", Where.INNER, d.seq >= 0, d.seq);
            compared += same(d, "tcp.flags", Where.INNER, d.tcpFlags >= 0, d.tcpFlags);
            compared += same(d, "tcp.dstport", Where.QUOTED, d.quotedProto == 6 && d.quotedDport >= 0, d.quotedDport);
            compared += same(d, "vxlan.vni", Where.OUTER, d.encapsulated, d.vni);
            compared += same(d, "icmp.type", Where.INNER, d.icmpType >= 0, d.icmpType);
            compared += same(d, "icmp.code", Where.INNER, d.icmpCode >= 0, d.icmpCode);
            compared += same(d, "eth.src", Where.INNER, d.encapsulated, d.srcMac);
            if (d.hasGbp()) {
                compared += same(d, "vxlan.gbp", Where.OUTER, true, d.gbp);
                compared += same(d, "vxlan.flag_g", Where.OUTER, true, 1);
            }
        }

        assertThat(frames).hasSizeGreaterThan(150);
        assertThat(compared).isGreaterThan(1000);
    }

    private static int same(DecodedFrame d, String name, Where w, boolean decoderHasIt, long decoderValue) {
        Field f = Fields.require(name);
        long v = f.read(d, w);
        if (!decoderHasIt) {
            return 0;
        }
        assertThat(v).as("%s (%s)", name, w).isEqualTo(decoderValue);
        return 1;
    }
}
