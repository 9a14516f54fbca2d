package dev.silkscreen.testbed;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The testbed script itself: it leaves nothing behind, cleans up after a failed {@code up}, and
 * keeps the root namespace free of overlay routes.
 */
@Tag("e2e")
class TestbedLifecycleE2ETest {
    private static final List<String> NAMESPACES = List.of(
            "stb-underlay", "stb-cell1", "stb-cell2", "stb-cell3", "stb-c-appb-0", "stb-c-appa-1", "stb-c-appa-0", "stb-c-appc-0");

    @BeforeAll
    static void usable() {
        TestbedRig.assumeUsable();
    }

    @AfterAll
    static void tearDown() {
        if (TestbedRig.missingPrerequisite() == null) {
            TestbedRig.down();
        }
    }

    @Test
    void downRemovesEveryNamespaceLinkProcessAndStateFileItMade() {
        TestbedRig.up("seed");
        List<String> pids = pidsOfDaemons();

        TestbedRig.down();

        assertThat(namespaces()).doesNotContainAnyElementsOf(NAMESPACES);
        assertThat(rootLinks()).doesNotContain("stb-host");
        assertThat(TestbedRig.STATE).doesNotExist();
        assertThat(NAMESPACES).allSatisfy(ns -> assertThat(Files.exists(Path.of("/etc/netns", ns))).isFalse());
        assertThat(pids).isNotEmpty().noneMatch(TestbedLifecycleE2ETest::running);
    }

    @Test
    void failedUpTearsDownWhatItMadeAndLeavesWhatItDidNot() {
        TestbedRig.down();
        TestbedRig.run(Duration.ofSeconds(10), List.of("ip", "netns", "add", "stb-cell2"));
        try {
            TestbedRig.Result r = TestbedRig.script(Duration.ofSeconds(60), "up");

            assertThat(r.exit()).isNotZero();
            assertThat(namespaces()).contains("stb-cell2").doesNotContain("stb-underlay", "stb-cell1", "stb-c-appb-0");
            assertThat(rootLinks()).doesNotContain("stb-host");
            assertThat(TestbedRig.STATE).doesNotExist();
        } finally {
            TestbedRig.run(Duration.ofSeconds(10), List.of("ip", "netns", "del", "stb-cell2"));
        }
    }

    @Test
    void upTwiceKeepsTheSameRunningFoundation() {
        TestbedRig.up("seed");
        List<String> before = pidsOfDaemons();

        TestbedRig.up("seed");

        assertThat(pidsOfDaemons()).isEqualTo(before);
        assertThat(TestbedRig.script(Duration.ofSeconds(10), "status").exit()).isZero();
    }

    @Test
    void rootNamespaceGetsOnlyTheUnderlayLinkAndNoOverlayRoute() {
        TestbedRig.up("seed");

        String routes = TestbedRig.run(Duration.ofSeconds(10), List.of("ip", "-4", "route", "show", "table", "all")).out();

        assertThat(routes).doesNotContain("10.255.").contains("172.31.200.0/24 dev stb-host");
    }

    @Test
    void cellsHaveNoDefaultRouteAndContainersRouteOnlyToTheirCell() {
        TestbedRig.up("seed");

        assertThat(TestbedRig.exec("cell1", "ip", "route", "show", "default").out()).isBlank();
        assertThat(TestbedRig.exec("AppB/0", "ip", "route", "show", "default").out().strip())
                .isEqualTo("default via 169.254.0.1 dev eth0 src 10.255.77.2");
    }

    @Test
    void sshReachesEveryCellAsRootWithTheTestKeyAndAKnownHostKey() {
        TestbedRig.up("seed");

        for (String cell : List.of("cell1", "cell2", "cell3")) {
            TestbedRig.Result r = TestbedRig.run(Duration.ofSeconds(20), List.of(
                    "ssh", "-F", TestbedRig.STATE.resolve("ssh/config").toString(), cell, "ip -br link show silk-vtep"));
            assertThat(r.exit()).as("ssh %s: %s", cell, r.err()).isZero();
            assertThat(r.out()).startsWith("silk-vtep");
        }
    }

    /** Alive and not a zombie waiting for its reaper (pid 1 in a container may be slow to reap). */
    private static boolean running(String pid) {
        try {
            String stat = Files.readString(Path.of("/proc", pid, "stat"));
            return stat.charAt(stat.lastIndexOf(')') + 2) != 'Z';
        } catch (IOException e) {
            return false;
        }
    }

    private static List<String> namespaces() {
        return TestbedRig.run(Duration.ofSeconds(10), List.of("ip", "netns", "list")).lines().stream()
                .map(l -> l.split(" ")[0]).toList();
    }

    private static List<String> rootLinks() {
        return TestbedRig.run(Duration.ofSeconds(10), List.of("ip", "-br", "link")).lines().stream()
                .map(l -> l.split("[ @]")[0]).toList();
    }

    private static List<String> pidsOfDaemons() {
        try (var files = Files.list(TestbedRig.STATE.resolve("pids"))) {
            return files.filter(f -> f.toString().endsWith(".pid")).sorted()
                    .map(f -> {
                        try {
                            return Files.readString(f).strip();
                        } catch (IOException e) {
                            throw new UncheckedIOException(e);
                        }
                    }).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
