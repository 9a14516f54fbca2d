package dev.silkscreen.decode;

import static dev.silkscreen.decode.TestPackets.hex;
import static dev.silkscreen.decode.TestPackets.ipv4;
import static dev.silkscreen.decode.TestPackets.tcp;
import static org.assertj.core.api.Assertions.assertThat;

import dev.silkscreen.model.LinkType;
import org.junit.jupiter.api.Test;

class TcpLayerTest {
    /** SYN-ACK 8080 → 33945 from a real capture: seq 4045574565, ack 4172954825, 20 bytes of options. */
    static final byte[] SYN_ACK = hex("4500 003c 0000 4000 4006 0000 0aff0203 0aff0102"
            + "1f90 8499 f122 91a5 f8ba 3cc9 a012 fb34 1931 0000"
            + "0204 0582 0402 080a aae4 2c99 83ed 9c2e 0103 030a");

    @Test
    void portsSequenceAcknowledgmentFlagsAndWindow() {
        DecodedFrame d = TestDecoding.decode(LinkType.IPV4, SYN_ACK);

        assertThat(d.sport).isEqualTo(8080);
        assertThat(d.dport).isEqualTo(33945);
        assertThat(d.seq).isEqualTo(4045574565L);
        assertThat(d.ack).isEqualTo(4172954825L);
        assertThat(d.tcpFlags).isEqualTo(0x12);
        assertThat(d.tcpWindow).isEqualTo(64308);
    }

    @Test
    void optionsAreSkippedByTheDataOffset() {
        DecodedFrame d = TestDecoding.decode(LinkType.IPV4, SYN_ACK);

        assertThat(d.payloadOffset).isEqualTo(60);
        assertThat(d.payloadLen).isZero();
        assertThat(d.malformed).isNull();
    }

    @Test
    void payloadLengthComesFromTheIpTotalLength() {
        byte[] b = ipv4(1, 2, 6, 1, tcp(1, 2, 3, 4, 0x18, new byte[1400]));

        DecodedFrame d = TestDecoding.cut(LinkType.IPV4, b, 60);

        assertThat(d.payloadLen).isEqualTo(1400);
        assertThat(d.malformed).isNull();
    }

    @Test
    void dataOffsetBelowTwentyIsMalformed() {
        byte[] b = SYN_ACK.clone();
        b[32] = 0x40;

        DecodedFrame d = TestDecoding.decode(LinkType.IPV4, b);

        assertThat(d.malformed).isEqualTo(Malformed.TCP_OFFSET);
        assertThat(d.seq).isEqualTo(4045574565L);
    }

    @Test
    void headerCutBySnapLengthKeepsWhatFits() {
        byte[] frame = TestPackets.ethernet(1, 2, 0x0800, SYN_ACK);

        DecodedFrame d = TestDecoding.cut(frame, 14 + 20 + 10);

        assertThat(d.truncated).isTrue();
        assertThat(d.malformed).isEqualTo(Malformed.TCP_CUT);
        assertThat(d.sport).isEqualTo(8080);
        assertThat(d.seq).isEqualTo(4045574565L);
        assertThat(d.ack).isEqualTo(-1);
        assertThat(d.tcpFlags).isEqualTo(-1);
    }

    @Test
    void optionsCutBySnapLengthStillGiveFlags() {
        byte[] frame = TestPackets.ethernet(1, 2, 0x0800, SYN_ACK);

        DecodedFrame d = TestDecoding.cut(frame, 14 + 20 + 24);

        assertThat(d.truncated).isTrue();
        assertThat(d.tcpFlags).isEqualTo(0x12);
    }
}
