package dev.silkscreen.live.ssh;

import java.time.Duration;

/**
 * Every wait on the network has a bound.
 *
 * @param connect        TCP connect plus SSH handshake and authentication
 * @param channel        opening one channel (exec, direct-tcpip)
 * @param command        a discovery command, start to exit
 * @param keepAlive      interval of keep-alive probes on a quiet session
 * @param keepAliveCount unanswered probes before the session counts as lost
 */
public record SshTimeouts(Duration connect, Duration channel, Duration command, Duration keepAlive, int keepAliveCount) {
    public static SshTimeouts defaults() {
        return new SshTimeouts(Duration.ofSeconds(15), Duration.ofSeconds(10), Duration.ofSeconds(20), Duration.ofSeconds(5), 3);
    }

    int connectMillis() {
        return (int) Math.min(Integer.MAX_VALUE, connect.toMillis());
    }

    int channelMillis() {
        return (int) Math.min(Integer.MAX_VALUE, channel.toMillis());
    }
}
