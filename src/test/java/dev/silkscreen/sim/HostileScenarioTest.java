package dev.silkscreen.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * Scenario values the simulator used to accept silently, or answered with an endless loop, an
 * out-of-memory or a crash (issue 15): each is refused with a one-line {@link ScenarioException}
 * before anything is allocated.
 */
class HostileScenarioTest {
    private static final String TWO = "name: s\ncells: [{name: c1}, {name: c2}]\napps: [{name: A}, {name: B}]\n"
            + "instances: [{app: A, cell: c1}, {app: B, cell: c2}]\n";

    private static Scenario parse(String yaml) {
        return Scenarios.parse(new ByteArrayInputStream(yaml.getBytes(StandardCharsets.UTF_8)), "s");
    }

    private static void refused(String yaml, String message) {
        assertThatThrownBy(() -> parse(yaml)).isInstanceOf(ScenarioException.class).hasMessageContaining(message)
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
    }

    @Test
    void theTwoCellFoundationOfTheseTestsIsFine() {
        assertThat(parse(TWO + "traffic: [{from: A, to: B, count: 3, port: 9000}]\n").spec().traffic()).hasSize(1);
    }

    @Test
    void trafficPortsOutsideOneTo65535AreRefused() {
        refused(TWO + "traffic: [{from: A, to: B, port: 70000}]\n", "port 70000 is not 1-65535");
        refused(TWO + "traffic: [{from: A, to: B, port: -1}]\n", "port -1 is not 1-65535");
        refused(TWO + "traffic: [{from: A, to: B, port: 0}]\n", "port 0 is not 1-65535");
    }

    @Test
    void aFractionWhereAWholeNumberBelongsIsRefused() {
        refused(TWO + "traffic: [{from: A, to: B, count: 2.7}]\n", "traffic[0].count");
    }

    @Test
    void aNumberWrittenAsTextIsRefused() {
        refused(TWO + "traffic: [{from: A, to: B, count: 1e8}]\n", "traffic[0].count");
    }

    @Test
    void integersInHexAreRefused() {
        refused(TWO + "traffic: [{from: A, to: B, port: 0x1F90}]\n", "write numbers in decimal, not 0x1F90");
    }

    @Test
    void aNegativeOrZeroDurationIsRefused() {
        refused(TWO.replace("name: s\n", "name: s\nduration: -2s\n"), "duration must be longer than zero");
        refused(TWO.replace("name: s\n", "name: s\nduration: 0s\n"), "duration must be longer than zero");
        refused(TWO.replace("name: s\n", "name: s\nduration: 90m\n"), "at most 1h");
    }

    @Test
    void aSubnetThatIsNotASlash24IsRefused() {
        refused("name: s\ncells: [{name: c1, subnet: 10.255.1.0/99}]\n", "is not a /24");
        refused("name: s\ncells: [{name: c1, subnet: 10.255.1.0/16}]\n", "is not a /24");
    }

    @Test
    void yamlAliasesAreRefusedNotReadAsStrings() {
        refused("name: s\ncells: [{name: &c c1}, {name: c2}]\napps: [{name: A}]\ninstances: [{app: A, cell: *c}]\n",
                "anchors and aliases");
    }

    @Test
    void aKeyGivenTwiceIsRefused() {
        refused("name: s\ncells: [{name: c1, name: c2}]\n", "Duplicate field 'name'");
    }

    @Test
    void aCellNameWithAColonIsRefusedAsProfilesDo() {
        refused("name: s\ncells: [{name: \"a:b\"}]\n", "has a ':'");
    }

    @Test
    void randomSizesBeyondTheLimitsAreRefusedBeforeAllocating() {
        refused("name: s\nrandom: {cells: 1000000000, apps: 1, instances: 1}\n", "at most 254 cells");
        refused("name: s\nrandom: {cells: 2, apps: 1000000000, instances: 1}\n", "at most 5000 apps");
        refused("name: s\nrandom: {cells: 2, apps: 2, instances: 1000000000}\n", "at most 10000 instances");
        refused("name: s\nrandom: {cells: 2, apps: 2, instances: 2, policies: 1000000000}\n", "at most 10000 policies");
        refused("name: s\nrandom: {cells: 2, apps: 2, instances: 2, conversations: 1000000000}\n", "random.conversations: at most");
    }

    @Test
    void policiesTimesDestinationInstancesAreBounded() {
        refused("name: s\nrandom: {cells: 254, apps: 1, instances: 10000, policies: 10000}\n", "at most 100000, not 100000000");
    }

    @Test
    void theDataOfAllListedTrafficIsBounded() {
        refused(TWO + "traffic: [{from: A, to: B, count: 1000, response: 16000000}]\n", "at most 1 GiB");
    }

    @Test
    void listedTrafficBeyondTheLimitsIsRefused() {
        refused(TWO + "traffic: [{from: A, to: B, count: 100000000}]\n", "at most 100000 repetitions");
        refused(TWO + "traffic: [{from: A, to: B, count: 1000000, every: 0s}]\n", "at most 100000 repetitions");
        refused(TWO + "traffic: [{from: A, to: B, request: 2147483647}]\n", "request 2147483647 bytes");
        refused(TWO + "traffic: [{from: A, to: B, every: -1s, count: 2}]\n", "every -1s is negative");
    }

    @Test
    void twoHundredFiftyFourCellsWithoutSubnetBuildButOneMoreIsRefused() {
        StringBuilder yaml = new StringBuilder("name: s\ncells:\n");
        for (int i = 0; i < 254; i++) {
            yaml.append("  - {name: c").append(i).append("}\n");
        }
        assertThat(Simulator.foundation(parse(yaml.toString()), 1).cells()).hasSize(254);
        refused(yaml + "  - {name: one-more}\n", "at most 254 cells");
    }

    @Test
    void aCellWithoutSubnetWhenEveryLeaseIsTakenIsRefusedNotEndless() {
        // 253 automatic leases plus 10.255.0.0/24 given: the limit holds, and the lease loop knows when it is full
        StringBuilder yaml = new StringBuilder("name: s\ncells:\n  - {name: zero, subnet: 10.255.0.0/24}\n");
        for (int i = 1; i <= 253; i++) {
            yaml.append("  - {name: c").append(i).append("}\n");
        }
        assertThat(Simulator.foundation(parse(yaml.toString()), 7).cells()).hasSize(254);
    }

    @Test
    void containerMtuBelowTheIpv4MinimumIsRefused() {
        refused(TWO.replace("{name: c1}", "{name: c1, containerMtu: 40}"), "containerMtu 40 is not between 576 and 9000");
    }
}
