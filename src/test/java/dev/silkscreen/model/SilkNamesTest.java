package dev.silkscreen.model;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SilkNamesTest {
    @Test
    void vethNameZeroPadsTheContainerIp() {
        assertThat(SilkNames.vethName(Ipv4.parse("10.255.211.40"))).isEqualTo("s-010255211040");
    }

    @Test
    void vethNameRoundTripsToTheContainerIp() {
        assertThat(Ipv4.format(SilkNames.containerIpOfVeth("s-010255077003"))).isEqualTo("10.255.77.3");
        assertThat(SilkNames.containerIpOfVeth("eth0")).isEqualTo(-1);
        assertThat(SilkNames.containerIpOfVeth("s-010255977003")).isEqualTo(-1);
    }

    @Test
    void vtepMacIsEeEePlusTheSubnetAddress() {
        assertThat(SilkNames.formatMac(SilkNames.vtepMac(Ipv4.parse("10.255.82.0")))).isEqualTo("ee:ee:0a:ff:52:00");
    }

    @Test
    void containerAndHostMacsFollowSilkScheme() {
        int ip = Ipv4.parse("10.255.77.3");
        assertThat(SilkNames.formatMac(SilkNames.containerMac(ip))).isEqualTo("ee:ee:0a:ff:4d:03");
        assertThat(SilkNames.formatMac(SilkNames.hostVethMac(ip))).isEqualTo("aa:aa:0a:ff:4d:03");
    }

    @Test
    void cellDerivesVtepAddressAndOverlayMtu() {
        Cell c = new Cell("cell1", "10.0.0.11", "eth0", 1460, "10.255.82.0/24");
        assertThat(c.vtepIp()).isEqualTo("10.255.82.0");
        assertThat(c.overlayMtu()).isEqualTo(1410);
        assertThat(c.holds(Ipv4.parse("10.255.82.9"))).isTrue();
        assertThat(c.holds(Ipv4.parse("10.255.83.9"))).isFalse();
    }
}
