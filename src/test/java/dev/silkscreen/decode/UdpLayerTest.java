package dev.silkscreen.decode;

import static dev.silkscreen.decode.TestPackets.hex;
import static org.assertj.core.api.Assertions.assertThat;

import dev.silkscreen.model.LinkType;
import org.junit.jupiter.api.Test;

class UdpLayerTest {
    /** 10.255.1.2:50017 → 10.255.2.3:7000, "udp datagram\n". */
    static final byte[] DATAGRAM = hex("4500 0029 1a2b 4000 4011 0000 0aff0102 0aff0203"
            + "c361 1b58 0015 0000" + "7564702064617461677261 6d0a");

    @Test
    void portsAndPayloadLength() {
        DecodedFrame d = TestDecoding.decode(LinkType.IPV4, DATAGRAM);

        assertThat(d.sport).isEqualTo(50017);
        assertThat(d.dport).isEqualTo(7000);
        assertThat(d.payloadLen).isEqualTo(13);
        assertThat(d.payloadOffset).isEqualTo(28);
        assertThat(d.malformed).isNull();
    }

    @Test
    void datagramShorterThanItsHeaderIsMalformed() {
        byte[] b = java.util.Arrays.copyOf(DATAGRAM, 26);
        b[3] = 26;

        DecodedFrame d = TestDecoding.decode(LinkType.IPV4, b);

        assertThat(d.malformed).isEqualTo(Malformed.UDP_SHORT);
        assertThat(d.sport).isEqualTo(50017);
    }
}
