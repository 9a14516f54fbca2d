package dev.silkscreen.testbed;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;

/**
 * The testbed is one set of namespaces per machine: a test JVM takes it with an exclusive lock on
 * {@link #FILE}, held until the JVM exits, so two test runs (two worktrees, or a person's
 * {@code mvn verify} beside CI) never rebuild it under each other.
 */
final class TestbedLease {
    static final Path FILE = Path.of("/run/silkscreen-testbed.lease");
    private static FileLock lock;

    private TestbedLease() {
    }

    /** Takes the lease (at once if this JVM has it); false when another run kept it for {@code wait}. */
    static synchronized boolean take(Duration wait) {
        if (lock != null && lock.isValid()) {
            return true;
        }
        long deadline = System.nanoTime() + wait.toNanos();
        try {
            FileChannel channel = FileChannel.open(FILE, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            while (true) {
                try {
                    lock = channel.tryLock();
                } catch (OverlappingFileLockException e) {
                    lock = null;
                }
                if (lock != null) {
                    return true;
                }
                if (System.nanoTime() > deadline) {
                    channel.close();
                    return false;
                }
                Thread.sleep(500);
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot open " + FILE + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /**
     * {@code java -cp target/test-classes dev.silkscreen.testbed.TestbedLease COMMAND...}: runs the
     * command while holding the lease, so a script (installers/test-deb.sh) uses the testbed under
     * the same lock as the test JVMs (a POSIX record lock, which flock(1) would not see). Exits
     * with the command's status, or 75 (EX_TEMPFAIL) when the lease stayed taken for 10 minutes.
     */
    public static void main(String[] args) throws Exception {
        if (args.length == 0) {
            System.err.println("usage: TestbedLease COMMAND [ARG...]");
            System.exit(2);
        }
        if (!take(Duration.ofMinutes(10))) {
            System.err.println("testbed lease: another test run held " + FILE + " for 10 minutes");
            System.exit(75);
        }
        Process p = new ProcessBuilder(args).inheritIO().start();
        System.exit(p.waitFor());
    }
}
