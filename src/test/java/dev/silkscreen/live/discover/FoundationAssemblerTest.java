package dev.silkscreen.live.discover;

import static org.assertj.core.api.Assertions.assertThat;

import dev.silkscreen.model.Foundation;
import dev.silkscreen.model.Instance;
import dev.silkscreen.model.Policy;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class FoundationAssemblerTest {

    static CellSnapshot sampleCell() {
        List<Link> links = new ArrayList<>(IpJson.links(Samples.read("link.json")));
        links.add(new Link("s-010255077004", "veth", 1450, "aa:aa:0a:ff:4d:04", true, "c-2", null));
        return new CellSnapshot("diego-cell/0", links, IpJson.addresses(Samples.read("addr.json")),
                IpJson.routes(Samples.read("route.json")), IpJson.neighbours(Samples.read("neigh.json")),
                IpJson.fdb(Samples.read("fdb.json")), IptablesSaveParser.parse(Samples.read("iptables-save.txt")),
                ContainerMetadataParser.parse(Samples.read("store.json")), List.of());
    }

    @Test
    void cellComesFromTheVtep() {
        Foundation f = FoundationAssembler.assemble("prod", List.of(sampleCell()));
        assertThat(f.cells()).hasSize(1);
        assertThat(f.cells().get(0).underlayIp()).isEqualTo("10.0.16.5");
        assertThat(f.cells().get(0).underlayNic()).isEqualTo("eth0");
        assertThat(f.cells().get(0).subnet()).isEqualTo("10.255.77.0/24");
        assertThat(f.cells().get(0).underlayMtu()).isEqualTo(1500);
    }

    @Test
    void containersComeFromTheSilkVethsWithHandles() {
        Foundation f = FoundationAssembler.assemble("prod", List.of(sampleCell()));
        assertThat(f.instances()).extracting(Instance::ip).containsExactly("10.255.77.3", "10.255.77.4");
        assertThat(f.instanceByIp("10.255.77.3").orElseThrow().handle()).isEqualTo("4b2e7c1a-9d0f-4e55-6a3b-1c2d");
    }

    @Test
    void appsCarryTheirTagsAndMetadataNames() {
        Foundation f = FoundationAssembler.assemble("prod", List.of(sampleCell()));
        assertThat(f.appByTag(2).orElseThrow().guid()).isEqualTo("0d1e2f30-aaaa-4bbb-8ccc-000000000001");
        assertThat(f.appByTag(3).orElseThrow().name()).isEqualTo("backend");
        assertThat(f.instanceByIp("10.255.77.4").orElseThrow().app()).isEqualTo("backend");
    }

    @Test
    void policiesJoinTheMarkToTheSourceAppAndTheDestinationIpToItsApp() {
        Foundation f = FoundationAssembler.assemble("prod", List.of(sampleCell()));
        assertThat(f.policies()).containsExactly(new Policy("0d1e2f30-aaaa-4bbb-8ccc-000000000001", "backend", "tcp", 8080, 8080));
    }

    @Test
    void theSamePolicySeenOnTwoCellsIsListedOnce() {
        CellSnapshot a = sampleCell();
        Foundation f = FoundationAssembler.assemble("prod", List.of(a, a));
        assertThat(f.policies()).hasSize(1);
    }

    @Test
    void rulesAreKeptPerCell() {
        Foundation f = FoundationAssembler.assemble("prod", List.of(sampleCell()));
        assertThat(f.rules().get("diego-cell/0")).isNotEmpty();
    }

    @Test
    void kernelTablesAreKeptPerCell() {
        Foundation f = FoundationAssembler.assemble("prod", List.of(sampleCell()));
        assertThat(f.tablesOf("diego-cell/0").fdb()).containsExactly(new dev.silkscreen.model.FdbEntry("ee:ee:0a:ff:0c:00", "10.0.16.6", "silk-vtep"));
        assertThat(f.tablesOf("diego-cell/0").routes()).anyMatch(r -> r.destination().equals("10.255.12.0/24") && "10.255.12.0".equals(r.via()));
    }

    @Test
    void theTopologyFileRoundTrips() {
        Foundation f = FoundationAssembler.assemble("prod", List.of(sampleCell()));
        Foundation back = dev.silkscreen.model.TopologyJson.fromJson(dev.silkscreen.model.TopologyJson.toJson(f));
        assertThat(back.policies()).isEqualTo(f.policies());
        assertThat(back.instances()).isEqualTo(f.instances());
    }

    @Test
    void captureInterfacesAreTheVethsTheVtepAndTheUnderlayNic() {
        assertThat(sampleCell().captureInterfaces()).containsExactly("s-010255077003", "s-010255077004", "silk-vtep", "eth0");
    }
}
