package dev.silkscreen.live.ssh;

import java.io.IOException;
import java.io.InputStream;
import java.net.SocketTimeoutException;
import java.util.function.BooleanSupplier;

/**
 * Gives a tunnelled stream the read timeout a socket would have. JSch sends keep-alives and
 * notices a dead peer only when a read times out; a session carried through the jump host reads
 * from a channel pipe that never would. Reads wait for data in short polls and throw
 * {@link SocketTimeoutException} after {@code timeoutMillis} of silence; once the channel is
 * finished ({@code done}), reads go straight through (to EOF).
 */
final class TimedInputStream extends InputStream {
    private static final long POLL_MILLIS = 5;
    private final InputStream in;
    private final BooleanSupplier done;
    private final long timeoutMillis;

    TimedInputStream(InputStream in, BooleanSupplier done, long timeoutMillis) {
        this.in = in;
        this.done = done;
        this.timeoutMillis = timeoutMillis;
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        int n = read(one, 0, 1);
        return n < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        long deadline = System.nanoTime() + timeoutMillis * 1_000_000L;
        while (in.available() == 0 && !done.getAsBoolean()) {
            if (System.nanoTime() - deadline > 0) {
                throw new SocketTimeoutException("no data from the tunnelled host for " + timeoutMillis + " ms");
            }
            try {
                Thread.sleep(POLL_MILLIS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new java.io.InterruptedIOException("interrupted");
            }
        }
        return in.read(b, off, len);
    }

    @Override
    public int available() throws IOException {
        return in.available();
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
