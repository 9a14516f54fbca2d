package dev.silkscreen.decode;

import static dev.silkscreen.decode.TestPackets.APP_B_MAC;
import static dev.silkscreen.decode.TestPackets.hex;
import static dev.silkscreen.decode.TestPackets.ip;
import static org.assertj.core.api.Assertions.assertThat;

import dev.silkscreen.model.LinkType;
import org.junit.jupiter.api.Test;

/** Ethernet (with 802.1Q), Linux cooked v1/v2, raw IP and the link-type dispatch. */
class LinkLayerTest {
    private static final byte[] ECHO = Ipv4LayerTest.ECHO;

    @Test
    void ethernetMacsAndEtherType() {
        DecodedFrame d = TestDecoding.ethernet(TestPackets.ethernet(0x0a0b0c0d0e0fL, APP_B_MAC, 0x0800, ECHO));

        assertThat(d.dstMac).isEqualTo(0x0a0b0c0d0e0fL);
        assertThat(d.srcMac).isEqualTo(APP_B_MAC);
        assertThat(d.etherType).isEqualTo(0x0800);
        assertThat(d.vlan).isEqualTo(-1);
        assertThat(d.src).isEqualTo(ip("10.255.1.2"));
    }

    @Test
    void vlanTagIsReadAndSkipped() {
        DecodedFrame d = TestDecoding.ethernet(TestPackets.ethernetVlan(1, 2, 42, 0x0800, ECHO));

        assertThat(d.vlan).isEqualTo(42);
        assertThat(d.etherType).isEqualTo(0x0800);
        assertThat(d.icmpType).isEqualTo(8);
        assertThat(d.ipOffset).isEqualTo(18);
    }

    @Test
    void stackedTagsKeepTheOuterVlanId() {
        byte[] b = hex("010203040506 0a0b0c0d0e0f 88a8 0064 8100 002a 0800");

        DecodedFrame d = TestDecoding.ethernet(TestPackets.concat(b, ECHO));

        assertThat(d.vlan).isEqualTo(100);
        assertThat(d.icmpType).isEqualTo(8);
    }

    @Test
    void frameShorterThanAnEthernetHeaderIsMalformed() {
        DecodedFrame d = TestDecoding.ethernet(new byte[10]);

        assertThat(d.malformed).isEqualTo(Malformed.ETHERNET_SHORT);
        assertThat(d.truncated).isFalse();
    }

    @Test
    void cookedV1GivesPacketTypeAndSenderMac() {
        DecodedFrame d = TestDecoding.decode(LinkType.LINUX_SLL, TestPackets.sll(4, APP_B_MAC, 0x0800, ECHO));

        assertThat(d.sllPacketType).isEqualTo(4);
        assertThat(d.srcMac).isEqualTo(APP_B_MAC);
        assertThat(d.dstMac).isEqualTo(-1);
        assertThat(d.ipOffset).isEqualTo(16);
        assertThat(d.icmpSeq).isEqualTo(1);
    }

    @Test
    void cookedV2GivesInterfaceIndexAndPacketType() {
        DecodedFrame d = TestDecoding.decode(LinkType.LINUX_SLL2, TestPackets.sll2(0x0800, 7, 0, APP_B_MAC, ECHO));

        assertThat(d.ifIndex).isEqualTo(7);
        assertThat(d.sllPacketType).isZero();
        assertThat(d.srcMac).isEqualTo(APP_B_MAC);
        assertThat(d.ipOffset).isEqualTo(20);
        assertThat(d.icmpType).isEqualTo(8);
    }

    @Test
    void cookedV2HeaderCutIsTruncated() {
        byte[] whole = TestPackets.sll2(0x0800, 7, 0, APP_B_MAC, ECHO);
        byte[] kept = java.util.Arrays.copyOf(whole, 12);

        DecodedFrame d = new FrameDecoder().decode(LinkType.LINUX_SLL2, kept, 0, kept.length, whole.length, new DecodedFrame());

        assertThat(d.malformed).isEqualTo(Malformed.SLL2_CUT);
        assertThat(d.truncated).isTrue();
    }

    @Test
    void rawLinkTypePicksTheIpVersionFromTheFirstNibble() {
        DecodedFrame v4 = TestDecoding.decode(LinkType.RAW, ECHO);
        DecodedFrame v6 = TestDecoding.decode(LinkType.RAW, Ipv6LayerTest.UDP6);
        DecodedFrame other = TestDecoding.decode(LinkType.RAW, hex("5000"));

        assertThat(v4.ipVersion).isEqualTo(4);
        assertThat(v6.ipVersion).isEqualTo(6);
        assertThat(other.malformed).isEqualTo(Malformed.RAW_VERSION);
    }

    @Test
    void unknownLinkTypeIsSaidSo() {
        DecodedFrame d = TestDecoding.decode(147, ECHO);

        assertThat(d.malformed).isEqualTo(Malformed.UNSUPPORTED_LINK);
    }

    @Test
    void foreignEtherTypeStopsWithoutError() {
        DecodedFrame d = TestDecoding.ethernet(TestPackets.ethernet(1, 2, 0x88b5, new byte[46]));

        assertThat(d.etherType).isEqualTo(0x88b5);
        assertThat(d.ipVersion).isZero();
        assertThat(d.malformed).isNull();
    }
}
