package dev.silkscreen.live.profile;

import com.jcraft.jsch.ConfigRepository;
import com.jcraft.jsch.OpenSSHConfig;
import dev.silkscreen.live.ssh.SshTarget;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Applies {@code ~/.ssh/config} Host entries (HostName, User, Port, IdentityFile) to a profile's
 * target, the way ssh does: what the profile says explicitly wins, the config fills the gaps.
 * {@code auth: key} without a {@code keyFile} uses the config's first IdentityFile.
 */
public final class SshConfigLookup {
    private final ConfigRepository config;

    private SshConfigLookup(ConfigRepository config) {
        this.config = config;
    }

    /** No config: targets pass unchanged (port 22 when unset). */
    public static SshConfigLookup none() {
        return new SshConfigLookup(null);
    }

    public static SshConfigLookup parse(String configText) {
        try {
            return new SshConfigLookup(OpenSSHConfig.parse(configText));
        } catch (IOException e) {
            throw new ProfileException("ssh config: " + e.getMessage(), e);
        }
    }

    /** {@code file} if it exists, else {@link #none()}. */
    public static SshConfigLookup load(Path file) {
        if (file == null || !Files.isRegularFile(file)) {
            return none();
        }
        try {
            return new SshConfigLookup(OpenSSHConfig.parseFile(file.toString()));
        } catch (IOException e) {
            throw new ProfileException(file + ": " + e.getMessage(), e);
        }
    }

    /**
     * The target to dial: real host name, port (22 when nobody says), user (profile, config, then
     * {@code defaultUser}), and key file (profile, then config's first IdentityFile).
     */
    public SshTarget resolve(SshTarget t, String defaultUser) {
        String host = t.host();
        int port = t.port();
        String user = t.user();
        String key = t.keyFile();
        if (config != null) {
            ConfigRepository.Config c = config.getConfig(t.host());
            if (c != null) {
                String hn = c.getHostname();
                if (hn != null && !hn.isBlank()) {
                    host = ProfileValues.host("ssh config HostName for " + t.host(), hn.replace("%h", t.host()));
                }
                if (port == 0 && c.getPort() > 0) {
                    port = c.getPort();
                }
                if (user == null && c.getUser() != null && !c.getUser().isBlank()) {
                    user = ProfileValues.user("ssh config User for " + t.host(), c.getUser());
                }
                String[] ids = c.getValues("IdentityFile");
                if (key == null && ids != null && ids.length > 0 && ids[0] != null) {
                    key = ids[0];
                }
            }
        }
        return new SshTarget(host, port == 0 ? 22 : port, user == null ? defaultUser : user, t.auth(), key);
    }
}
