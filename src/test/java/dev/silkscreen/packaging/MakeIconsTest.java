package dev.silkscreen.packaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * installers/make-icons.sh on a PATH the test builds: only the basic tools and rsvg-convert, plus
 * whatever each case adds (a {@code convert} that fails, one that writes junk, the real icotool).
 * A format the package type does not use never fails the build; a needed one that cannot be made
 * is one error line and exit 2 (issue 11: a stand-in {@code convert} broke the .deb build).
 */
class MakeIconsTest {
    private static final Path SCRIPT = Path.of("installers", "make-icons.sh").toAbsolutePath();
    private static final List<String> BASICS = List.of("bash", "env", "mkdir", "cp", "ls", "wc", "head", "od", "tr", "sed",
            "rm", "mktemp", "dirname", "cat", "rsvg-convert");

    @TempDir
    Path dir;
    private Path bin;

    private record Result(int exit, String err) {
    }

    @BeforeEach
    void path() throws IOException {
        assumeTrue(which("rsvg-convert") != null, "skipped: rsvg-convert not found (apt-get install librsvg2-bin; .ci/run installs it)");
        bin = Files.createDirectories(dir.resolve("bin"));
        for (String tool : BASICS) {
            Path real = which(tool);
            assertThat(real).as(tool).isNotNull();
            Files.createSymbolicLink(bin.resolve(tool), real);
        }
    }

    private void script(String name, String body) throws IOException {
        Path p = bin.resolve(name);
        Files.writeString(p, "#!/bin/sh\n" + body);
        Files.setPosixFilePermissions(p, PosixFilePermissions.fromString("rwxr-xr-x"));
    }

    private Result run(String... args) throws Exception {
        List<String> cmd = new java.util.ArrayList<>(List.of(bin.resolve("bash").toString(), SCRIPT.toString()));
        cmd.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectOutput(dir.resolve("out.txt").toFile()).redirectError(dir.resolve("err.txt").toFile());
        pb.environment().clear();
        pb.environment().put("PATH", bin.toString());
        Process p = pb.start();
        assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
        return new Result(p.exitValue(), Files.readString(dir.resolve("err.txt"), StandardCharsets.UTF_8));
    }

    private Path icons() {
        return dir.resolve("icons");
    }

    @Test
    void aFailingConvertDoesNotStopTheIconsALinuxPackageNeeds() throws Exception {
        script("convert", "echo 'convert: ImageMagick is not installed here' >&2\nexit 1\n");
        Result r = run("--need", "png", icons().toString());
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(icons().resolve("silkscreen.png")).isRegularFile();
        assertThat(icons().resolve("silkscreen-512.png")).isRegularFile();
        assertThat(icons().resolve("silkscreen.ico")).doesNotExist();
        assertThat(r.err()).contains("skipped silkscreen.ico (not needed here; tried convert (convert: ImageMagick is not installed here))");
    }

    @Test
    void noConvertAtAllIsNoReasonToFailEither() throws Exception {
        Result r = run("--need", "png", icons().toString());
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(icons().resolve("silkscreen.png")).isRegularFile();
        assertThat(r.err()).contains("skipped silkscreen.ico (not needed here)", "skipped silkscreen.icns (not needed here)");
    }

    @Test
    void aNeededIcoThatCannotBeMadeIsOneClearErrorLine() throws Exception {
        script("convert", "echo 'convert: no decode delegate for this image format' >&2\nexit 1\n");
        Result r = run("--need", "png,ico", icons().toString());
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err().strip().lines().filter(l -> l.contains("cannot make")).toList())
                .containsExactly("make-icons: cannot make the needed .ico: tried convert (convert: no decode delegate for this image format);"
                        + " install icoutils (apt-get install icoutils) or ImageMagick");
    }

    @Test
    void aConvertThatExitsZeroButWritesNoIconIsNotBelieved() throws Exception {
        script("convert", "for last; do :; done\necho 'not an icon' > \"$last\"\nexit 0\n");
        Result r = run("--need", "ico", icons().toString());
        assertThat(r.exit()).isEqualTo(2);
        assertThat(icons().resolve("silkscreen.ico")).doesNotExist();
        assertThat(r.err()).contains("cannot make the needed .ico: tried convert");
    }

    @Test
    void icotoolIsPreferredAndMakesARealIco() throws Exception {
        Path icotool = which("icotool");
        assumeTrue(icotool != null, "skipped: icotool not found (apt-get install icoutils; .ci/run installs it)");
        Files.createSymbolicLink(bin.resolve("icotool"), icotool);
        script("convert", "echo convert must not be called >&2\nexit 1\n");
        Result r = run("--need", "png,ico", icons().toString());
        assertThat(r.exit()).as(r.err()).isZero();
        byte[] ico = Files.readAllBytes(icons().resolve("silkscreen.ico"));
        assertThat(ico).startsWith(0, 0, 1, 0);
        assertThat(ico[4] & 0xff).as("images in the .ico").isEqualTo(7);
        assertThat(r.err()).doesNotContain("convert must not be called");
    }

    @Test
    void anUnknownFormatIsRefused() throws Exception {
        Result r = run("--need", "png,bmp", icons().toString());
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err().strip()).isEqualTo("make-icons: unknown format 'bmp' (png, ico, icns)");
    }

    private static Path which(String tool) {
        for (String d : List.of("/usr/local/bin", "/usr/bin", "/bin", "/usr/sbin", "/sbin")) {
            Path p = Path.of(d, tool);
            if (Files.isExecutable(p)) {
                return p;
            }
        }
        return null;
    }
}
