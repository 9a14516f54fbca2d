package dev.silkscreen.pipeline;

import dev.silkscreen.live.profile.BoshEnvironment;
import dev.silkscreen.live.profile.FoundationProfile;
import dev.silkscreen.live.ssh.SshTimeouts;
import java.nio.file.Path;
import java.util.Map;

/**
 * Where the desktop program's SSH settings come from: known_hosts and ssh config files, the
 * ssh-agent socket, the BOSH environment (a jump host when the profile names none), timeouts, and
 * the login user when neither the profile nor ssh config names one. The same sources as the CLI.
 */
public record LiveEnvironment(Path knownHosts, Path sshConfig, String agentSocket, Map<String, String> env,
                              SshTimeouts timeouts, String defaultUser) {

    /** The person's own: {@code ~/.ssh/known_hosts}, {@code ~/.ssh/config}, {@code SSH_AUTH_SOCK}, the process environment. */
    public static LiveEnvironment user() {
        Path ssh = Path.of(System.getProperty("user.home"), ".ssh");
        return new LiveEnvironment(ssh.resolve("known_hosts"), ssh.resolve("config"), System.getenv("SSH_AUTH_SOCK"),
                System.getenv(), SshTimeouts.defaults(), System.getProperty("user.name", "vcap"));
    }

    /** {@code p}, with the jump host from {@code BOSH_ALL_PROXY} / {@code BOSH_GW_*} when it names none. */
    public FoundationProfile withBoshJump(FoundationProfile p) {
        return p.jump() != null ? p : BoshEnvironment.jumpHost(env).map(p::withJump).orElse(p);
    }
}
