package dev.silkscreen.decode;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.silkscreen.model.CapturePoint;
import dev.silkscreen.model.Frame;
import dev.silkscreen.model.LinkType;
import org.junit.jupiter.api.Test;

/** The JSON line and the summary line, from decoded frames. */
class FormattersTest {
    private static final CapturePoint POINT = new CapturePoint("cell2", "silk-vtep");

    private static String json(Frame f) {
        DecodedFrame d = new FrameDecoder().decode(f, new DecodedFrame());
        return JsonLineFormatter.format(1, f, d, new StringBuilder()).toString();
    }

    private static String summary(Frame f) {
        DecodedFrame d = new FrameDecoder().decode(f, new DecodedFrame());
        return SummaryFormatter.format(1, f, d, new StringBuilder()).toString();
    }

    private static Frame frame(int linkType, byte[] b) {
        return new Frame(POINT, 1_000_000_000L, linkType, b.length, b);
    }

    @Test
    void tcpFlagsReadInWireBitOrder() {
        assertThat(Names.tcpFlags(0x12)).isEqualTo("SA");
        assertThat(Names.tcpFlags(0x18)).isEqualTo("PA");
        assertThat(Names.tcpFlags(0x11)).isEqualTo("FA");
        assertThat(Names.tcpFlags(0x02)).isEqualTo("S");
        assertThat(Names.tcpFlags(0)).isEmpty();
    }

    @Test
    void timeIsIsoUtcWithNineFractionDigits() {
        assertThat(TimeFormat.iso(1_000_000_000L)).isEqualTo("1970-01-01T00:00:01.000000000Z");
        assertThat(TimeFormat.iso(1_764_026_875_000_000_001L)).isEqualTo("2025-11-24T23:27:55.000000001Z");
    }

    @Test
    void jsonStringsAreEscaped() {
        String quoted = JsonLineFormatter.quote("a\"b\\c\nd\u0001é", new StringBuilder()).toString();

        assertThat(quoted).isEqualTo("\"a\\\"b\\\\c\\nd\\u0001é\"");
    }

    @Test
    void jsonOfAnIcmpErrorHasTheQuotedObject() throws Exception {
        JsonNode j = new ObjectMapper().readTree(json(frame(LinkType.IPV4, IcmpLayerTest.UNREACHABLE_TCP)));

        assertThat(j.path("proto").asText()).isEqualTo("icmp");
        assertThat(j.path("icmp_type").asInt()).isEqualTo(3);
        assertThat(j.path("quoted").path("proto").asText()).isEqualTo("tcp");
        assertThat(j.path("quoted").path("seq").asLong()).isEqualTo(3849401595L);
        assertThat(j.has("sport")).isFalse();
    }

    @Test
    void jsonLeavesOutGbpWhenTheGFlagIsClear() throws Exception {
        byte[] b = VxlanLayerTest.TAGGED.clone();
        b[42] = 0x08;

        JsonNode j = new ObjectMapper().readTree(json(frame(LinkType.ETHERNET, b)));

        assertThat(j.has("vni")).isTrue();
        assertThat(j.has("gbp")).isFalse();
    }

    @Test
    void jsonOfACutFrameSaysWhereItStopped() throws Exception {
        byte[] whole = TestPackets.silkVxlanSyn();
        Frame cut = new Frame(POINT, 0, LinkType.ETHERNET, whole.length, java.util.Arrays.copyOf(whole, 90));

        JsonNode j = new ObjectMapper().readTree(json(cut));

        assertThat(j.path("malformed").asText()).isEqualTo(Malformed.TCP_CUT);
        assertThat(j.path("caplen").asInt()).isEqualTo(90);
        assertThat(j.path("len").asInt()).isEqualTo(whole.length);
    }

    @Test
    void jsonOfArpUsesTheProtocolAddresses() throws Exception {
        JsonNode j = new ObjectMapper().readTree(json(frame(LinkType.ETHERNET, ArpLayerTest.REQUEST)));

        assertThat(j.path("proto").asText()).isEqualTo("arp");
        assertThat(j.path("src").asText()).isEqualTo("10.0.16.11");
        assertThat(j.path("dst").asText()).isEqualTo("10.0.16.12");
    }

    @Test
    void summaryOfAnIcmpErrorNamesTheQuotedConnection() {
        assertThat(summary(frame(LinkType.IPV4, IcmpLayerTest.UNREACHABLE_TCP))).isEqualTo(
                "1 1970-01-01T00:00:01.000000000Z cell2:silk-vtep 10.255.2.3 > 10.255.1.2: ICMP port unreachable len 60,"
                        + " quoting TCP 10.255.1.2.42915 > 10.255.2.3.9999 seq 3849401595");
    }

    @Test
    void summaryOfArp() {
        assertThat(summary(frame(LinkType.ETHERNET, ArpLayerTest.REQUEST)))
                .endsWith("cell2:silk-vtep ARP who-has 10.0.16.12 tell 10.0.16.11");
    }

    @Test
    void summaryOfACutFrameSaysTruncated() {
        byte[] whole = TestPackets.silkVxlanSyn();
        Frame cut = new Frame(POINT, 0, LinkType.ETHERNET, whole.length, java.util.Arrays.copyOf(whole, 92));

        assertThat(summary(cut)).endsWith("10.255.1.2.40000 > 10.255.2.3.8080: TCP seq 1000000 [truncated: tcp: header cut by the snap length]");
    }
}
