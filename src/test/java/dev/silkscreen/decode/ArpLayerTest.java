package dev.silkscreen.decode;

import static dev.silkscreen.decode.TestPackets.hex;
import static dev.silkscreen.decode.TestPackets.ip;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ArpLayerTest {
    /** Who has 10.0.16.12? Tell 10.0.16.11 (from the underlay capture), padded to 60 bytes. */
    static final byte[] REQUEST = hex("ffffffffffff 3ecd84f8c906 0806"
            + "0001 0800 06 04 0001 3ecd84f8c906 0a00100b 000000000000 0a00100c" + "00".repeat(18));

    @Test
    void requestSenderAndTarget() {
        DecodedFrame d = TestDecoding.ethernet(REQUEST);

        assertThat(d.arpOp).isEqualTo(1);
        assertThat(d.arpSha).isEqualTo(0x3ecd84f8c906L);
        assertThat(d.arpSpa).isEqualTo(ip("10.0.16.11"));
        assertThat(d.arpTha).isZero();
        assertThat(d.arpTpa).isEqualTo(ip("10.0.16.12"));
        assertThat(d.malformed).isNull();
    }

    @Test
    void nonEthernetArpKeepsOnlyTheOperation() {
        byte[] b = REQUEST.clone();
        b[15] = 6; // hardware type IEEE 802

        DecodedFrame d = TestDecoding.ethernet(b);

        assertThat(d.arpOp).isEqualTo(1);
        assertThat(d.arpSha).isEqualTo(-1);
    }

    @Test
    void messageCutBySnapLengthIsTruncated() {
        DecodedFrame d = TestDecoding.cut(REQUEST, 30);

        assertThat(d.truncated).isTrue();
        assertThat(d.malformed).isEqualTo(Malformed.ARP_CUT);
        assertThat(d.arpOp).isEqualTo(1);
    }
}
