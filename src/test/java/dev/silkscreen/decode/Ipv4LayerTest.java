package dev.silkscreen.decode;

import static dev.silkscreen.decode.TestPackets.ethernet;
import static dev.silkscreen.decode.TestPackets.hex;
import static dev.silkscreen.decode.TestPackets.ip;
import static dev.silkscreen.decode.TestPackets.ipv4;
import static dev.silkscreen.decode.TestPackets.udp;
import static org.assertj.core.api.Assertions.assertThat;

import dev.silkscreen.model.LinkType;
import org.junit.jupiter.api.Test;

class Ipv4LayerTest {
    /** A real header (ping from 10.255.1.2 to 10.255.2.3, DF, TTL 64, id 0x2841) and an ICMP echo. */
    static final byte[] ECHO = hex("4500 0054 2841 4000 4001 fc42 0aff0102 0aff0203 0800 f7fc 4652 0001" + "ab".repeat(56));

    @Test
    void headerFieldsFromARealPacket() {
        DecodedFrame d = TestDecoding.decode(LinkType.IPV4, ECHO);

        assertThat(d.ipVersion).isEqualTo(4);
        assertThat(d.src).isEqualTo(ip("10.255.1.2"));
        assertThat(d.dst).isEqualTo(ip("10.255.2.3"));
        assertThat(d.ipId).isEqualTo(0x2841);
        assertThat(d.ttl).isEqualTo(64);
        assertThat(d.ipProto).isEqualTo(1);
        assertThat(d.ipTotalLen).isEqualTo(84);
        assertThat(d.dontFragment).isTrue();
        assertThat(d.moreFragments).isFalse();
        assertThat(d.fragOffset).isZero();
        assertThat(d.payloadLen).isEqualTo(56);
    }

    @Test
    void optionsAreSkippedByTheHeaderLength() {
        byte[] b = ipv4(ip("10.0.0.1"), ip("10.0.0.2"), 17, 1, 0, 64, hex("94040000 01010100"), udp(6000, 6001, new byte[5]));

        DecodedFrame d = TestDecoding.decode(LinkType.IPV4, b);

        assertThat(d.ipHeaderLen).isEqualTo(28);
        assertThat(d.l4Offset).isEqualTo(28);
        assertThat(d.sport).isEqualTo(6000);
        assertThat(d.payloadLen).isEqualTo(5);
    }

    @Test
    void firstFragmentCarriesTheTransportHeader() {
        byte[] b = ipv4(1, 2, 17, 9, 0x2000, 64, new byte[0], udp(7100, 7200, new byte[100]));

        DecodedFrame d = TestDecoding.decode(LinkType.IPV4, b);

        assertThat(d.moreFragments).isTrue();
        assertThat(d.sport).isEqualTo(7100);
        assertThat(d.payloadLen).isEqualTo(100);
    }

    @Test
    void laterFragmentHasNoTransportHeader() {
        byte[] b = ipv4(1, 2, 17, 9, 185, 64, new byte[0], new byte[100]);

        DecodedFrame d = TestDecoding.decode(LinkType.IPV4, b);

        assertThat(d.fragOffset).isEqualTo(1480);
        assertThat(d.sport).isEqualTo(-1);
        assertThat(d.l4Offset).isEqualTo(-1);
        assertThat(d.payloadLen).isEqualTo(-1);
        assertThat(d.malformed).isNull();
    }

    @Test
    void ethernetPaddingIsNotPayload() {
        byte[] b = ethernet(1, 2, 0x0800, TestPackets.concat(ipv4(1, 2, 17, 1, udp(1, 2, new byte[2])), new byte[16]));

        DecodedFrame d = TestDecoding.ethernet(b);

        assertThat(d.payloadLen).isEqualTo(2);
        assertThat(d.malformed).isNull();
    }

    @Test
    void zeroTotalLengthOfASegmentationOffloadPacketMeansToTheEnd() {
        byte[] b = ipv4(1, 2, 6, 1, TestPackets.tcp(1, 2, 3, 4, 0x10, new byte[3000]));
        b[2] = 0;
        b[3] = 0;

        DecodedFrame d = TestDecoding.decode(LinkType.IPV4, b);

        assertThat(d.payloadLen).isEqualTo(3000);
        assertThat(d.malformed).isNull();
    }

    @Test
    void totalLengthBelowTheHeaderIsMalformed() {
        byte[] b = ECHO.clone();
        b[3] = 10;

        DecodedFrame d = TestDecoding.decode(LinkType.IPV4, b);

        assertThat(d.malformed).isEqualTo(Malformed.IPV4_TOTAL_LEN);
        assertThat(d.truncated).isFalse();
    }

    @Test
    void headerLengthBelowTwentyIsMalformed() {
        byte[] b = ECHO.clone();
        b[0] = 0x44;

        DecodedFrame d = TestDecoding.decode(LinkType.IPV4, b);

        assertThat(d.malformed).isEqualTo(Malformed.IPV4_IHL);
    }

    @Test
    void totalLengthBeyondTheFrameIsReportedAndTheRestStillDecoded() {
        byte[] b = ECHO.clone();
        b[2] = 0x05;

        DecodedFrame d = TestDecoding.decode(LinkType.IPV4, b);

        assertThat(d.malformed).isEqualTo(Malformed.IPV4_BEYOND);
        assertThat(d.icmpType).isEqualTo(8);
        assertThat(d.payloadLen).isEqualTo(56);
    }

    @Test
    void packetShorterThanItsHeaderIsMalformedNotTruncated() {
        byte[] b = java.util.Arrays.copyOf(ECHO, 12);

        DecodedFrame d = TestDecoding.decode(LinkType.IPV4, b);

        assertThat(d.malformed).isEqualTo(Malformed.IPV4_SHORT);
        assertThat(d.truncated).isFalse();
    }

    @Test
    void headerCutBySnapLengthIsTruncated() {
        byte[] frame = ethernet(1, 2, 0x0800, ECHO);

        DecodedFrame d = TestDecoding.cut(frame, 30);

        assertThat(d.malformed).isEqualTo(Malformed.IPV4_CUT);
        assertThat(d.truncated).isTrue();
    }
}
