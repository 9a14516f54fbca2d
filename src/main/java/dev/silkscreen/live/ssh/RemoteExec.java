package dev.silkscreen.live.ssh;

import com.jcraft.jsch.ChannelExec;
import java.io.InputStream;

/**
 * A command started on an exec channel, with its stdout and stderr (taken before the channel
 * connected, so no byte is missed). {@link #close()} closes the channel, which also closes the
 * remote side's stdout pipe.
 */
public record RemoteExec(ChannelExec channel, InputStream stdout, InputStream stderr) implements AutoCloseable {

    public boolean finished() {
        return channel.isClosed();
    }

    /** The remote exit status, -1 while unknown (still running, or killed by a signal without a status). */
    public int exitStatus() {
        return channel.getExitStatus();
    }

    @Override
    public void close() {
        channel.disconnect();
    }
}
