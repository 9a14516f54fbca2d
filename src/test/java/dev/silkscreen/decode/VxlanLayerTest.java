package dev.silkscreen.decode;

import static dev.silkscreen.decode.TestPackets.hex;
import static dev.silkscreen.decode.TestPackets.ip;
import static org.assertj.core.api.Assertions.assertThat;

import dev.silkscreen.model.LinkType;
import org.junit.jupiter.api.Test;

class VxlanLayerTest {
    /** cell1 10.0.16.11:51234 → cell2 10.0.16.12:4789, VXLAN "88 00 00 03 | 00 00 01 00", inner ICMP echo. */
    static final byte[] TAGGED = hex(
            "0250560000a2 0250560000a1 0800"
            + "4500 006a 0101 0000 4011 0000 0a00100b 0a00100c"
            + "c822 12b5 0056 0000"
            + "88000003 00000100"
            + "eeee0aff0200 eeee0aff0100 0800"
            + "4500 0038 1234 4000 4001 0000 0aff0102 0aff0203"
            + "0800 0000 0007 0001" + "00".repeat(28));

    @Test
    void gbpHeaderFromSilkGivesPolicyThreeAndVniOne() {
        DecodedFrame d = TestDecoding.ethernet(TAGGED);

        assertThat(d.vxlanFlags).isEqualTo(0x88);
        assertThat(d.gbp).isEqualTo(3);
        assertThat(d.vni).isEqualTo(1);
        assertThat(d.malformed).isNull();
    }

    @Test
    void innerFieldsAreUnprefixedAndUnderlayFieldsOuter() {
        DecodedFrame d = TestDecoding.ethernet(TAGGED);

        assertThat(d.encapsulated).isTrue();
        assertThat(d.outerSrc).isEqualTo(ip("10.0.16.11"));
        assertThat(d.outerDst).isEqualTo(ip("10.0.16.12"));
        assertThat(d.outerSport).isEqualTo(51234);
        assertThat(d.outerDport).isEqualTo(4789);
        assertThat(d.outerIpId).isEqualTo(0x0101);
        assertThat(d.outerSrcMac).isEqualTo(TestPackets.CELL1_MAC);
        assertThat(d.src).isEqualTo(ip("10.255.1.2"));
        assertThat(d.dst).isEqualTo(ip("10.255.2.3"));
        assertThat(d.srcMac).isEqualTo(TestPackets.VTEP1_MAC);
        assertThat(d.ipId).isEqualTo(0x1234);
        assertThat(d.icmpType).isEqualTo(8);
        assertThat(d.sport).isEqualTo(-1);
    }

    @Test
    void offsetsPointAtEachHeader() {
        DecodedFrame d = TestDecoding.ethernet(TAGGED);

        assertThat(d.outerIpOffset).isEqualTo(14);
        assertThat(d.vxlanOffset).isEqualTo(42);
        assertThat(d.innerEthOffset).isEqualTo(50);
        assertThat(d.ipOffset).isEqualTo(64);
        assertThat(d.l4Offset).isEqualTo(84);
    }

    @Test
    void untaggedPacketHasNoGroupPolicyId() {
        byte[] b = TAGGED.clone();
        b[42] = 0x08;
        b[45] = 0x00;

        DecodedFrame d = TestDecoding.ethernet(b);

        assertThat(d.gbp).isEqualTo(-1);
        assertThat(d.hasGbp()).isFalse();
        assertThat(d.vni).isEqualTo(1);
    }

    @Test
    void dontLearnAndPolicyAppliedBitsAndAWideVni() {
        byte[] b = TAGGED.clone();
        b[43] = 0x48;
        b[44] = (byte) 0xff;
        b[45] = (byte) 0xfe;
        b[46] = (byte) 0xab;
        b[47] = (byte) 0xcd;
        b[48] = (byte) 0xef;

        DecodedFrame d = TestDecoding.ethernet(b);

        assertThat(d.gbpD).isTrue();
        assertThat(d.gbpA).isTrue();
        assertThat(d.gbp).isEqualTo(0xfffe);
        assertThat(d.vni).isEqualTo(0xabcdef);
    }

    @Test
    void otherPortsStayPlainUdpUntilDecodedAsVxlan() {
        byte[] b = TAGGED.clone();
        b[36] = 0x21; // dport 8472
        b[37] = 0x18;
        FrameDecoder decoder = new FrameDecoder();

        DecodedFrame plain = decoder.decode(LinkType.ETHERNET, b, 0, b.length, b.length, new DecodedFrame());
        decoder.decodeUdpPortAs(8472, UdpPayload.VXLAN);
        DecodedFrame vxlan = decoder.decode(LinkType.ETHERNET, b, 0, b.length, b.length, new DecodedFrame());

        assertThat(plain.encapsulated).isFalse();
        assertThat(plain.dport).isEqualTo(8472);
        assertThat(plain.payloadLen).isEqualTo(78);
        assertThat(vxlan.encapsulated).isTrue();
        assertThat(vxlan.gbp).isEqualTo(3);
    }

    @Test
    void constructorPortReplacesTheDefault() {
        FrameDecoder decoder = new FrameDecoder(8472);

        assertThat(decoder.udpPortPayload(8472)).isEqualTo(UdpPayload.VXLAN);
        assertThat(decoder.udpPortPayload(4789)).isEqualTo(UdpPayload.DATA);
    }

    @Test
    void headerCutBySnapLengthIsTruncatedInVxlan() {
        DecodedFrame d = TestDecoding.cut(TAGGED, 46);

        assertThat(d.truncated).isTrue();
        assertThat(d.malformed).isEqualTo(Malformed.VXLAN_CUT);
        assertThat(d.outerSport).isEqualTo(-1);
        assertThat(d.sport).isEqualTo(51234);
    }

    @Test
    void innerFrameCutBySnapLengthKeepsOuterFields() {
        DecodedFrame d = TestDecoding.cut(TAGGED, 70);

        assertThat(d.truncated).isTrue();
        assertThat(d.malformed).isEqualTo(Malformed.IPV4_CUT);
        assertThat(d.gbp).isEqualTo(3);
        assertThat(d.outerSrc).isEqualTo(ip("10.0.16.11"));
    }

    @Test
    void vxlanInsideVxlanStopsAtTheDepthLimit() {
        byte[] inner = TAGGED;
        for (int i = 0; i < FrameDecoder.MAX_ENCAPSULATION_DEPTH; i++) {
            inner = TestPackets.ethernet(1, 2, 0x0800, TestPackets.ipv4(1, 2, 17, i,
                    TestPackets.udp(1000, 4789, TestPackets.vxlan(0x08, 0, 0, i, inner))));
        }

        DecodedFrame d = TestDecoding.ethernet(inner);

        assertThat(d.malformed).isEqualTo(Malformed.VXLAN_TOO_DEEP);
        assertThat(d.truncated).isFalse();
    }
}
