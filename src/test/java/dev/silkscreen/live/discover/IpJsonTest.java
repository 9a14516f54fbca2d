package dev.silkscreen.live.discover;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class IpJsonTest {

    @Test
    void linksReadSilkVtepAsGbpVxlanOverTheUnderlayNic() {
        Link vtep = IpJson.links(Samples.read("link.json")).stream().filter(l -> l.name().equals("silk-vtep")).findFirst().orElseThrow();
        assertThat(vtep.kind()).isEqualTo("vxlan");
        assertThat(vtep.mac()).isEqualTo("ee:ee:0a:ff:4d:00");
        assertThat(vtep.mtu()).isEqualTo(1450);
        assertThat(vtep.vxlan()).isEqualTo(new Link.Vxlan(1, "10.0.16.5", "eth0", 4789, true, false));
    }

    @Test
    void linksKeepTheVethPeerAndUpFlag() {
        Link veth = IpJson.links(Samples.read("link.json")).stream().filter(l -> l.name().equals("s-010255077003")).findFirst().orElseThrow();
        assertThat(veth.kind()).isEqualTo("veth");
        assertThat(veth.up()).isTrue();
        assertThat(veth.peer()).isEqualTo("c-1");
        assertThat(veth.vxlan()).isNull();
    }

    @Test
    void addressesKeepThePointToPointPeerOfAContainerVeth() {
        List<Address> addrs = IpJson.addresses(Samples.read("addr.json"));
        assertThat(addrs).contains(new Address("s-010255077003", "169.254.0.1", "10.255.77.3", 32, "global"),
                new Address("silk-vtep", "10.255.77.0", null, 16, "link"));
        assertThat(addrs).noneMatch(a -> a.local().contains(":"));
    }

    @Test
    void routesWriteHostRoutesAsSlash32AndKeepGateways() {
        List<Route> routes = IpJson.routes(Samples.read("route.json"));
        assertThat(routes).contains(new Route("10.255.77.3/32", null, "s-010255077003"),
                new Route("10.255.12.0/24", "10.255.12.0", "silk-vtep"),
                new Route("10.255.0.0/16", null, "silk-vtep"));
    }

    @Test
    void neighboursAndFdbGiveTheRemoteVtep() {
        assertThat(IpJson.neighbours(Samples.read("neigh.json"))).containsExactly(new Neighbour("10.255.12.0", "ee:ee:0a:ff:0c:00", "permanent"));
        assertThat(IpJson.fdb(Samples.read("fdb.json"))).containsExactly(new FdbEntry("ee:ee:0a:ff:0c:00", "10.0.16.6", "permanent"));
    }

    @Test
    void textThatIsNotJsonIsReportedWithTheCommand() {
        assertThatThrownBy(() -> IpJson.links("1: lo: <LOOPBACK> mtu 65536"))
                .isInstanceOf(DiscoveryParseException.class).hasMessageContaining("ip -j -d link");
    }

    @Test
    void emptyOutputIsNoEntries() {
        assertThat(IpJson.neighbours("")).isEmpty();
    }
}
