package dev.silkscreen.packaging;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Runs what we ship: {@code java -jar target/silkscreen.jar ...} in a process of its own (the
 * shaded jar's manifest, merged service files, multi-release classes and resources, not the
 * test classpath's), or, for comparison, the same {@code Main} from the test classpath.
 * Integration tests ({@code *IT}) run after {@code package}, so the jar is the one just built.
 */
public final class Artifact {
    /** The jar {@code mvn package} leaves (the installers copy this file). */
    public static final Path JAR = Path.of("target", "silkscreen.jar").toAbsolutePath();
    private static final Duration DEFAULT_TIMEOUT = Duration.ofMinutes(2);

    /** What a finished process printed and its exit status. */
    public record Run(int exit, String out, String err) {
        @Override
        public String toString() {
            return "exit " + exit + "\n--- stdout\n" + tail(out) + "\n--- stderr\n" + tail(err);
        }

        private static String tail(String s) {
            return s.length() > 4000 ? "…" + s.substring(s.length() - 4000) : s;
        }
    }

    private Artifact() {
    }

    /** The shipped jar; fails (never skips) when it is missing, since packaging is what is tested. */
    public static Path jar() {
        assertThat(JAR).as("target/silkscreen.jar (made by mvn package, which runs before the *IT tests)").isRegularFile();
        return JAR;
    }

    /** {@code java [jvmArgs] -jar silkscreen.jar args}. */
    public static Run jar(List<String> jvmArgs, Map<String, String> env, String... args) {
        List<String> cmd = new ArrayList<>(List.of(java()));
        cmd.addAll(jvmArgs);
        cmd.add("-jar");
        cmd.add(jar().toString());
        cmd.addAll(List.of(args));
        return run(cmd, env, DEFAULT_TIMEOUT);
    }

    public static Run jar(String... args) {
        return jar(List.of(), Map.of(), args);
    }

    /** The same entry point from the test classpath: what the unit tests see. */
    public static Run classpath(String... args) {
        List<String> cmd = new ArrayList<>(List.of(java(), "-cp", System.getProperty("java.class.path"), "dev.silkscreen.Main"));
        cmd.addAll(List.of(args));
        return run(cmd, Map.of(), DEFAULT_TIMEOUT);
    }

    /** Starts {@code java -jar silkscreen.jar args} without waiting, output to the given files. */
    public static Process start(Map<String, String> env, Path out, Path err, String... args) throws IOException {
        List<String> cmd = new ArrayList<>(List.of(java(), "-jar", jar().toString()));
        cmd.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectOutput(out.toFile()).redirectError(err.toFile());
        pb.environment().putAll(env);
        return pb.start();
    }

    /** Waits for a started process (killing it past the timeout) and reads what it wrote. */
    public static Run finish(Process p, Path out, Path err, Duration timeout) throws IOException, InterruptedException {
        if (!p.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            p.descendants().forEach(ProcessHandle::destroyForcibly);
            p.destroyForcibly();
            p.waitFor(10, TimeUnit.SECONDS);
        }
        return new Run(p.isAlive() ? -1 : p.exitValue(), Files.readString(out), Files.readString(err));
    }

    public static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    private static Run run(List<String> cmd, Map<String, String> env, Duration timeout) {
        try {
            Path dir = Files.createTempDirectory("silkscreen-artifact");
            Path out = dir.resolve("out");
            Path err = dir.resolve("err");
            ProcessBuilder pb = new ProcessBuilder(cmd).redirectOutput(out.toFile()).redirectError(err.toFile())
                    .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
            pb.environment().putAll(env);
            Process p = pb.start();
            Run r = finish(p, out, err, timeout);
            Files.deleteIfExists(out);
            Files.deleteIfExists(err);
            Files.deleteIfExists(dir);
            return r;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
