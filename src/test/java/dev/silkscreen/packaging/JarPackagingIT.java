package dev.silkscreen.packaging;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.jar.Manifest;
import java.util.zip.ZipFile;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What packaging can change, tested through {@code target/silkscreen.jar} in processes of its own:
 * the manifest (plain main class, multi-release), merged service files, the version resource,
 * the CLI never loading JavaFX, the same output and the same picture as the test classpath
 * (resources: scenarios, lessons, themes; text rendered with the machine's fonts), and the
 * desktop program's first window from the shaded jar.
 */
class JarPackagingIT {
    private static final Path CAPTURE = Path.of("assets", "captures", "testbed-seed.pcapng").toAbsolutePath();
    private static final Path TOPOLOGY = Path.of("assets", "captures", "testbed-seed.topology.json").toAbsolutePath();

    @TempDir
    Path dir;

    @Test
    void theManifestIsMultiReleaseSoJschsEd25519AndX25519ClassesAreTheJava15Ones() throws IOException {
        try (JarFile jar = new JarFile(Artifact.jar().toFile(), true, ZipFile.OPEN_READ, Runtime.version())) {
            Manifest m = jar.getManifest();
            assertThat(m.getMainAttributes().getValue("Multi-Release")).isEqualTo("true");
            assertThat(m.getMainAttributes().getValue("Main-Class")).isEqualTo("dev.silkscreen.Main");
            assertThat(jar.isMultiRelease()).isTrue();
            // The versioned entries the JVM will load on 17: without the manifest attribute the
            // base (Java 8) stubs are used and ed25519 / curve25519 silently vanish.
            int versioned = 0;
            for (JarEntry e : java.util.Collections.list(jar.entries())) {
                if (e.getName().startsWith("META-INF/versions/") && e.getName().contains("com/jcraft/jsch/")) {
                    String base = e.getName().replaceFirst("META-INF/versions/\\d+/", "");
                    assertThat(jar.getJarEntry(base).getRealName()).as(base).startsWith("META-INF/versions/");
                    versioned++;
                }
            }
            assertThat(versioned).as("JSch's Java 11/15 classes in the jar").isGreaterThan(0);
        }
    }

    @Test
    void versionIsThePoms() {
        Artifact.Run r = Artifact.jar("--version");
        assertThat(r.exit()).as(r.toString()).isZero();
        assertThat(r.out()).contains(System.getProperty("silkscreen.version", "unset"));
    }

    @Test
    void everyServiceFileInTheJarLoadsAllItsProviders() throws Exception {
        Path probe = dir.resolve("probe");
        Path cls = Path.of("target", "test-classes", "dev", "silkscreen", "packaging", "ServiceProbe.class");
        Files.createDirectories(probe.resolve("dev/silkscreen/packaging"));
        Files.copy(cls, probe.resolve("dev/silkscreen/packaging/ServiceProbe.class"));
        List<String> services;
        try (JarFile jar = new JarFile(Artifact.jar().toFile())) {
            services = jar.stream().map(JarEntry::getName).filter(n -> n.startsWith("META-INF/services/") && !n.endsWith("/"))
                    .map(n -> n.substring("META-INF/services/".length())).sorted().toList();
        }
        assertThat(services).contains("org.slf4j.spi.SLF4JServiceProvider", "com.fasterxml.jackson.core.JsonFactory");
        List<String> cmd = new java.util.ArrayList<>(List.of(Artifact.java(), "-cp", Artifact.jar() + ":" + probe, "dev.silkscreen.packaging.ServiceProbe"));
        cmd.addAll(services);
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        assertThat(p.waitFor()).as(out).isZero();
        for (String line : out.strip().split("\n")) {
            assertThat(line).as("a declared provider that does not load").doesNotContain("!");
            String found = line.substring(line.indexOf('=') + 1, line.indexOf(" declared="));
            String declared = line.substring(line.indexOf(" declared=") + " declared=".length());
            assertThat(found).as(line).isEqualTo(declared).isNotEmpty();
        }
        assertThat(out).contains("org.slf4j.spi.SLF4JServiceProvider=org.slf4j.simple.SimpleServiceProvider");
    }

    @Test
    void cliVerbsNeverLoadAJavaFxClass() throws IOException {
        Path sim = dir.resolve("sim");
        List<String[]> verbs = List.of(
                new String[] {"decode", CAPTURE.toString()},
                new String[] {"decode", "--json", CAPTURE.toString()},
                new String[] {"trace", CAPTURE.toString(), "--topology", TOPOLOGY.toString()},
                new String[] {"simulate", "--scenario", "no-policy", "--out", sim.toString()},
                new String[] {"scenarios"},
                new String[] {"--help"});
        for (String[] args : verbs) {
            Path log = dir.resolve("classes-" + args[0] + ".log");
            Artifact.Run r = Artifact.jar(List.of("-Xlog:class+load=info:file=" + log), Map.of(), args);
            assertThat(r.exit()).as(String.join(" ", args) + "\n" + r).isZero();
            List<String> loaded = Files.readAllLines(log);
            assertThat(loaded).as("the log names the CLI's own classes (so it is the right log)")
                    .anyMatch(l -> l.contains("dev.silkscreen.cli.SilkscreenCli"));
            assertThat(loaded.stream().filter(l -> l.contains(" javafx.") || l.contains(" com.sun.javafx.")
                    || l.contains(" com.sun.glass.") || l.contains(" com.sun.prism.") || l.contains(" org.controlsfx.")).toList())
                    .as(String.join(" ", args) + ": JavaFX classes loaded").isEmpty();
        }
    }

    @Test
    void theJarPrintsWhatTheClasspathPrints() {
        for (String[] args : List.of(
                new String[] {"trace", CAPTURE.toString(), "--topology", TOPOLOGY.toString()},
                new String[] {"trace", "--json", CAPTURE.toString(), "--topology", TOPOLOGY.toString()},
                new String[] {"decode", "--json", CAPTURE.toString()},
                new String[] {"scenarios"})) {
            Artifact.Run jar = Artifact.jar(args);
            Artifact.Run cp = Artifact.classpath(args);
            assertThat(jar.exit()).as(jar.toString()).isZero();
            assertThat(jar.out()).as(String.join(" ", args)).isNotBlank().isEqualTo(cp.out());
        }
    }

    @Test
    void theJarSimulatesTheSameFramesAsTheClasspath() throws IOException {
        Artifact.Run jar = Artifact.jar("simulate", "--scenario", "mtu", "--out", dir.resolve("jar").toString());
        Artifact.Run cp = Artifact.classpath("simulate", "--scenario", "mtu", "--out", dir.resolve("cp").toString());
        assertThat(jar.exit()).as(jar.toString()).isZero();
        assertThat(cp.exit()).as(cp.toString()).isZero();
        assertThat(Files.readAllBytes(dir.resolve("jar/mtu.pcapng"))).isEqualTo(Files.readAllBytes(dir.resolve("cp/mtu.pcapng")));
        assertThat(Files.size(dir.resolve("jar/mtu.pcapng"))).isGreaterThan(1000);
    }

    @Test
    void theJarDrawsTheSamePictureAsTheClasspathInEveryTheme() throws IOException {
        Set<Integer> pictures = new HashSet<>();
        for (String theme : List.of("light", "dark", "classroom")) {
            Path fromJar = dir.resolve("jar-" + theme + ".png");
            Path fromCp = dir.resolve("cp-" + theme + ".png");
            String[] args = {"snapshot", "--scenario", "no-policy", "--step", "10", "--theme", theme, "--size", "1280x720"};
            Artifact.Run jar = Artifact.jar(concat(args, "--out", fromJar.toString()));
            Artifact.Run cp = Artifact.classpath(concat(args, "--out", fromCp.toString()));
            assertThat(jar.exit()).as(jar.toString()).isZero();
            assertThat(cp.exit()).as(cp.toString()).isZero();
            BufferedImage a = ImageIO.read(fromJar.toFile());
            BufferedImage b = ImageIO.read(fromCp.toFile());
            assertThat(a.getWidth()).isEqualTo(1280);
            assertThat(a.getHeight()).isEqualTo(720);
            assertThat(differingPixels(a, b)).as(theme + ": pixels the jar draws otherwise than the classpath").isZero();
            // A picture, not a blank: many colours (text is anti-aliased, so fonts were found).
            assertThat(colours(a)).as(theme + " colours").isGreaterThan(200);
            pictures.add(java.util.Arrays.hashCode(a.getRGB(0, 0, a.getWidth(), a.getHeight(), null, 0, a.getWidth())));
        }
        assertThat(pictures).as("each theme's stylesheet was found in the jar: three different pictures").hasSize(3);
    }

    @Test
    void theDesktopProgramOpensItsFirstWindowFromTheJar() {
        // Monocle's headless glass (shipped in the jar for `snapshot`) and the software pipeline:
        // the whole desktop program starts, lays out its window, and quits (StartupProbe).
        Artifact.Run r = Artifact.jar(List.of("-Dglass.platform=Monocle", "-Dmonocle.platform=Headless", "-Dprism.order=sw"),
                Map.of("SILKSCREEN_STARTUP_PROBE", "1"));
        assertThat(r.exit()).as(r.toString()).isZero();
        assertThat(r.out()).as(r.toString()).contains("first window up at epoch ms");
        assertThat(r.err()).as(r.toString()).doesNotContain("Exception");
    }

    private static String[] concat(String[] a, String... b) {
        String[] all = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, all, a.length, b.length);
        return all;
    }

    private static long differingPixels(BufferedImage a, BufferedImage b) {
        if (a.getWidth() != b.getWidth() || a.getHeight() != b.getHeight()) {
            return (long) a.getWidth() * a.getHeight();
        }
        long n = 0;
        for (int y = 0; y < a.getHeight(); y++) {
            for (int x = 0; x < a.getWidth(); x++) {
                if (a.getRGB(x, y) != b.getRGB(x, y)) {
                    n++;
                }
            }
        }
        return n;
    }

    private static int colours(BufferedImage a) {
        Set<Integer> c = new HashSet<>();
        for (int y = 0; y < a.getHeight(); y += 2) {
            for (int x = 0; x < a.getWidth(); x += 2) {
                c.add(a.getRGB(x, y));
            }
        }
        return c.size();
    }
}
