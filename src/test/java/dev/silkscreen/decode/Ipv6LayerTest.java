package dev.silkscreen.decode;

import static dev.silkscreen.decode.TestPackets.hex;
import static org.assertj.core.api.Assertions.assertThat;

import dev.silkscreen.model.LinkType;
import org.junit.jupiter.api.Test;

class Ipv6LayerTest {
    /** fe80::1 → ff02::1:2, UDP 546 → 547, hop limit 1. */
    static final byte[] UDP6 = hex("6000 0000 0008 1101 fe800000000000000000000000000001 ff020000000000000000000000010002"
            + "0222 0223 0008 0000");

    @Test
    void headerIsReadThenDecodingStopsPolitely() {
        DecodedFrame d = TestDecoding.decode(LinkType.RAW, UDP6);

        assertThat(d.ipVersion).isEqualTo(6);
        assertThat(d.ipProto).isEqualTo(17);
        assertThat(d.ttl).isEqualTo(1);
        assertThat(d.ipTotalLen).isEqualTo(48);
        assertThat(d.sport).isEqualTo(-1);
        assertThat(d.malformed).isNull();
    }

    @Test
    void etherTypeSayingIpv6OverAnotherVersionIsMalformed() {
        byte[] b = TestPackets.ethernet(1, 2, 0x86dd, Ipv4LayerTest.ECHO);

        DecodedFrame d = TestDecoding.ethernet(b);

        assertThat(d.malformed).isEqualTo(Malformed.IPV6_VERSION);
        assertThat(d.ipVersion).isZero();
    }

    @Test
    void headerShorterThanFortyBytesIsMalformed() {
        DecodedFrame d = TestDecoding.decode(LinkType.RAW, java.util.Arrays.copyOf(UDP6, 30));

        assertThat(d.malformed).isEqualTo(Malformed.IPV6_SHORT);
    }
}
