package dev.silkscreen.live.profile;

import dev.silkscreen.live.ssh.AuthMethod;
import dev.silkscreen.live.ssh.SshTarget;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;

/**
 * The jump host as a BOSH jumpbox user has it in the environment: {@code BOSH_ALL_PROXY}
 * ({@code ssh+socks5://user@host:22?private-key=PATH}) or {@code BOSH_GW_HOST}, {@code BOSH_GW_USER}
 * and {@code BOSH_GW_PRIVATE_KEY}. Only the gateway's address is taken; Silkscreen tunnels through
 * it with SSH itself (no SOCKS listener is opened).
 */
public final class BoshEnvironment {
    private BoshEnvironment() {
    }

    /** The jump host the environment names, if any ({@code BOSH_ALL_PROXY} wins over {@code BOSH_GW_*}). */
    public static Optional<SshTarget> jumpHost(Map<String, String> env) {
        String proxy = env.get("BOSH_ALL_PROXY");
        if (proxy != null && !proxy.isBlank()) {
            return Optional.of(fromAllProxy(proxy.trim()));
        }
        String host = env.get("BOSH_GW_HOST");
        if (host == null || host.isBlank()) {
            return Optional.empty();
        }
        String h = host.trim();
        int port = 0;
        int colon = h.lastIndexOf(':');
        if (colon > 0 && h.indexOf(':') == colon) {
            port = parsePort("BOSH_GW_HOST", h.substring(colon + 1));
            h = h.substring(0, colon);
        }
        String user = env.getOrDefault("BOSH_GW_USER", "").trim();
        String key = env.getOrDefault("BOSH_GW_PRIVATE_KEY", "").trim();
        return Optional.of(new SshTarget(ProfileValues.host("BOSH_GW_HOST", h), port,
                user.isEmpty() ? null : ProfileValues.user("BOSH_GW_USER", user),
                key.isEmpty() ? AuthMethod.AGENT : AuthMethod.KEY,
                key.isEmpty() ? null : ProfileValues.printable("BOSH_GW_PRIVATE_KEY", key)));
    }

    static SshTarget fromAllProxy(String value) {
        ProfileValues.printable("BOSH_ALL_PROXY", value);
        URI uri;
        try {
            uri = new URI(value);
        } catch (URISyntaxException e) {
            throw new ProfileException("BOSH_ALL_PROXY: not a URL: " + e.getMessage());
        }
        if (!"ssh+socks5".equalsIgnoreCase(uri.getScheme()) || uri.getHost() == null) {
            throw new ProfileException("BOSH_ALL_PROXY: expected ssh+socks5://user@host:22?private-key=PATH, got '" + value + "'");
        }
        String key = null;
        String query = uri.getRawQuery();
        if (query != null) {
            for (String part : query.split("&")) {
                if (part.startsWith("private-key=")) {
                    key = URLDecoder.decode(part.substring("private-key=".length()), StandardCharsets.UTF_8);
                }
            }
        }
        String user = uri.getUserInfo();
        return new SshTarget(ProfileValues.host("BOSH_ALL_PROXY host", uri.getHost()), uri.getPort() < 0 ? 0 : uri.getPort(),
                user == null ? null : ProfileValues.user("BOSH_ALL_PROXY user", user),
                key == null ? AuthMethod.AGENT : AuthMethod.KEY,
                key == null ? null : ProfileValues.printable("BOSH_ALL_PROXY private-key", key));
    }

    private static int parsePort(String field, String text) {
        try {
            return ProfileValues.port(field, Integer.parseInt(text));
        } catch (NumberFormatException e) {
            throw new ProfileException(field + ": '" + text + "' is not a port");
        }
    }
}
