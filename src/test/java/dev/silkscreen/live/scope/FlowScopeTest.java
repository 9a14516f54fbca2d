package dev.silkscreen.live.scope;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.silkscreen.live.profile.CaptureSettings;
import dev.silkscreen.live.profile.CellTarget;
import dev.silkscreen.live.profile.FoundationProfile;
import dev.silkscreen.live.ssh.AuthMethod;
import dev.silkscreen.live.ssh.SshTarget;
import dev.silkscreen.model.Cell;
import dev.silkscreen.model.Foundation;
import dev.silkscreen.model.Instance;
import dev.silkscreen.sim.Scenarios;
import dev.silkscreen.sim.Simulator;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Resolving a flow's ends in a discovered foundation: which cells, which interfaces, which filters. */
class FlowScopeTest {
    private static final Foundation SEED = Simulator.foundation(Scenarios.named("seed"), 1);
    private static final Foundation BUSY = Simulator.foundation(Scenarios.named("busy"), 1);

    private static FlowScope scope(Foundation f, String from, String to) throws ScopeException {
        return FlowScope.resolve(f, FlowEnd.parse("--from", from, false), FlowEnd.parse("--to", to, true), f.cells().size());
    }

    @Test
    void theSeedsFlowLivesOnItsTwoCells() throws ScopeException {
        FlowScope s = scope(SEED, "AppB/0", "AppA:8080");
        Instance b = SEED.instances().stream().filter(i -> i.app().equals("AppB")).findFirst().orElseThrow();
        Instance a = SEED.instances().stream().filter(i -> i.app().equals("AppA")).findFirst().orElseThrow();
        assertThat(s.cells()).containsExactly(b.cell(), a.cell());
        assertThat(s.interfacesOn(b.cell())).containsExactly(b.vethName(), "silk-vtep", "eth0");
        assertThat(s.interfacesOn(a.cell())).containsExactly(a.vethName(), "silk-vtep", "eth0");
        assertThat(s.overlayFilter()).isEqualTo("(host " + b.ip() + " and host " + a.ip() + " and (icmp or port 8080)) or "
                + "(icmp and (icmp[0] = 3 or icmp[0] = 11) and (dst host " + b.ip() + " or dst host " + a.ip() + "))");
        assertThat(s.filterFor("eth0", "eth0", CaptureSettings.defaults())).isEqualTo(s.underlayFilter()).startsWith("udp dst port 4789 and ");
        assertThat(s.filterFor("silk-vtep", "eth0", CaptureSettings.defaults().withFilter("tcp"))).isEqualTo("(tcp) and (" + s.overlayFilter() + ")");
        assertThat(s.describe().get(0)).isEqualTo("flow AppB/0 " + b.ip() + " → AppA/0 " + a.ip() + " port 8080: capturing on 2 of "
                + SEED.cells().size() + " cells");
    }

    @Test
    void overlayAddressesNameTheirContainers() throws ScopeException {
        Instance b = SEED.instances().stream().filter(i -> i.app().equals("AppB")).findFirst().orElseThrow();
        Instance a = SEED.instances().stream().filter(i -> i.app().equals("AppA")).findFirst().orElseThrow();
        FlowScope s = scope(SEED, b.ip(), a.ip());
        assertThat(s.from()).extracting(FlowScope.Endpoint::label).containsExactly("AppB/" + b.index());
        assertThat(s.overlayFilter()).doesNotContain("port");
    }

    @Test
    void anAppWithoutIndexIsEveryInstanceAndOnlyTheirCellsAreChosen() throws ScopeException {
        Instance any = BUSY.instances().get(0);
        List<Instance> all = BUSY.instances().stream().filter(i -> i.app().equals(any.app())).toList();
        Instance other = BUSY.instances().stream().filter(i -> !i.app().equals(any.app())).findFirst().orElseThrow();
        FlowScope s = scope(BUSY, any.app(), other.app() + "/" + other.index());
        assertThat(s.from()).hasSize(all.size());
        List<String> expected = new java.util.ArrayList<>(all.stream().map(Instance::cell).distinct().toList());
        if (!expected.contains(other.cell())) {
            expected.add(other.cell());
        }
        assertThat(s.cells()).containsExactlyElementsOf(expected);
        assertThat(s.cells().size()).isLessThan(BUSY.cells().size());
    }

    @Test
    void theProfileKeepsOnlyTheFlowsCellsWithTheirInterfaces() throws ScopeException {
        FlowScope s = scope(SEED, "AppB", "AppA");
        List<CellTarget> cells = SEED.cells().stream().map(Cell::name)
                .map(n -> new CellTarget(n, new SshTarget("h-" + n, 22, "vcap", AuthMethod.AGENT, null), true, List.of())).toList();
        FoundationProfile p = s.restrict(new FoundationProfile("seed", null, cells, CaptureSettings.defaults()));
        assertThat(p.cells()).extracting(CellTarget::name).containsExactlyInAnyOrderElementsOf(s.cells());
        assertThat(p.cells()).allSatisfy(c -> {
            assertThat(c.interfaces()).isEqualTo(s.interfacesOn(c.name()));
            assertThat(c.sudo()).isTrue();
        });
    }

    @Test
    void whatDiscoveryDidNotFindIsAClearError() {
        assertThatThrownBy(() -> scope(SEED, "AppZ", "AppA")).isInstanceOf(ScopeException.class)
                .hasMessageStartingWith("--from AppZ: no app of that name or GUID was discovered (apps: ");
        assertThatThrownBy(() -> scope(SEED, "AppB/7", "AppA")).hasMessage("--from AppB/7: AppB has no instance 7 on the discovered cells");
        assertThatThrownBy(() -> scope(SEED, "AppB", "10.255.99.9")).hasMessage("--to 10.255.99.9: no discovered cell holds the lease of that address");
    }
}
