package dev.silkscreen.decode;

import static dev.silkscreen.decode.TestPackets.hex;
import static dev.silkscreen.decode.TestPackets.ip;
import static org.assertj.core.api.Assertions.assertThat;

import dev.silkscreen.model.LinkType;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class IcmpLayerTest {
    /** Port unreachable from 10.255.2.3 quoting the TCP SYN 10.255.1.2:42915 → 10.255.2.3:9999, seq 3849401595. */
    static final byte[] UNREACHABLE_TCP = hex("4500 0058 4949 0000 4001 0000 0aff0203 0aff0102"
            + "0303 7090 0000 0000"
            + "4500 003c 176d 4000 4006 0a4d 0aff0102 0aff0203"
            + "a7a3 270f e571 34fb 0000 0000 a002 fd5c 1931 0000"
            + "0204 0582 0402 080a 4622 2d7a 0000 0000 0103 030a");
    /** Port unreachable quoting UDP 10.255.1.2:46026 → 10.255.2.3:7001. */
    static final byte[] UNREACHABLE_UDP = hex("4500 0038 0001 0000 4001 0000 0aff0203 0aff0102"
            + "0303 0000 0000 0000"
            + "4500 0023 abcd 4000 4011 0000 0aff0102 0aff0203"
            + "b3ca 1b59 000f 0000");

    @Test
    void echoRequestIdentifierAndSequence() {
        DecodedFrame d = TestDecoding.decode(LinkType.IPV4, Ipv4LayerTest.ECHO);

        assertThat(d.icmpType).isEqualTo(8);
        assertThat(d.icmpCode).isZero();
        assertThat(d.icmpId).isEqualTo(0x4652);
        assertThat(d.icmpSeq).isEqualTo(1);
        assertThat(d.hasQuoted).isFalse();
    }

    @Test
    void portUnreachableQuotesTheTcpSyn() {
        DecodedFrame d = TestDecoding.decode(LinkType.IPV4, UNREACHABLE_TCP);

        assertThat(d.icmpType).isEqualTo(3);
        assertThat(d.icmpCode).isEqualTo(3);
        assertThat(d.hasQuoted).isTrue();
        assertThat(d.quotedSrc).isEqualTo(ip("10.255.1.2"));
        assertThat(d.quotedDst).isEqualTo(ip("10.255.2.3"));
        assertThat(d.quotedProto).isEqualTo(6);
        assertThat(d.quotedIpId).isEqualTo(0x176d);
        assertThat(d.quotedSport).isEqualTo(42915);
        assertThat(d.quotedDport).isEqualTo(9999);
        assertThat(d.quotedSeq).isEqualTo(3849401595L);
        assertThat(d.malformed).isNull();
    }

    /** Fragmentation needed (MTU 1450) from 169.254.0.1 quoting a 1500-byte DF UDP datagram, as the testbed's kernel sent it. */
    static final byte[] FRAG_NEEDED = hex("45c0 0038 0001 0000 4001 0000 a9fe0001 0aff4d02"
            + "0304 0000 0000 05aa"
            + "4500 05dc abcd 4000 4011 0000 0aff4d02 0aff1502"
            + "b3ca 2328 05c8 0000");

    @Test
    void fragmentationNeededCarriesTheNextHopMtu() {
        DecodedFrame d = TestDecoding.decode(LinkType.IPV4, FRAG_NEEDED);

        assertThat(d.icmpType).isEqualTo(3);
        assertThat(d.icmpCode).isEqualTo(4);
        assertThat(d.icmpNextHopMtu).isEqualTo(1450);
        assertThat(d.quotedDport).isEqualTo(9000);
    }

    @Test
    void onlyFragmentationNeededHasANextHopMtu() {
        assertThat(TestDecoding.decode(LinkType.IPV4, UNREACHABLE_UDP).icmpNextHopMtu).isEqualTo(-1);
        assertThat(TestDecoding.decode(LinkType.IPV4, Ipv4LayerTest.ECHO).icmpNextHopMtu).isEqualTo(-1);
    }

    @Test
    void quotedUdpHasPortsButNoSequence() {
        DecodedFrame d = TestDecoding.decode(LinkType.IPV4, UNREACHABLE_UDP);

        assertThat(d.quotedProto).isEqualTo(17);
        assertThat(d.quotedSport).isEqualTo(46026);
        assertThat(d.quotedDport).isEqualTo(7001);
        assertThat(d.quotedSeq).isEqualTo(-1);
    }

    @Test
    void errorQuotingOnlyTheMinimumEightBytesIsWhole() {
        byte[] b = Arrays.copyOf(UNREACHABLE_TCP, 20 + 8 + 20 + 8);
        b[3] = (byte) b.length;

        DecodedFrame d = TestDecoding.decode(LinkType.IPV4, b);

        assertThat(d.quotedSeq).isEqualTo(3849401595L);
        assertThat(d.malformed).isNull();
    }

    @Test
    void quoteCutBySnapLengthIsTruncated() {
        byte[] frame = TestPackets.ethernet(1, 2, 0x0800, UNREACHABLE_TCP);

        DecodedFrame d = TestDecoding.cut(frame, 14 + 28 + 24);

        assertThat(d.truncated).isTrue();
        assertThat(d.malformed).isEqualTo(Malformed.ICMP_QUOTE_CUT);
        assertThat(d.hasQuoted).isTrue();
        assertThat(d.quotedSport).isEqualTo(42915);
        assertThat(d.quotedSeq).isEqualTo(-1);
    }

    @Test
    void quoteThatIsNotIpv4IsMalformed() {
        byte[] b = UNREACHABLE_TCP.clone();
        b[28] = 0x65;

        DecodedFrame d = TestDecoding.decode(LinkType.IPV4, b);

        assertThat(d.malformed).isEqualTo(Malformed.ICMP_QUOTE_VERSION);
        assertThat(d.hasQuoted).isFalse();
    }
}
