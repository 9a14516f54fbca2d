package dev.silkscreen.live.profile;

import dev.silkscreen.live.ssh.AuthMethod;
import dev.silkscreen.live.ssh.SshTarget;
import dev.silkscreen.model.Durations;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.silkscreen.model.StrictYaml;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Set;

/**
 * Reads a foundation profile (YAML; format documented in {@code assets/profiles/example.yaml}).
 * Unknown keys are refused (a typo must not silently widen a capture), every value is checked by
 * {@link ProfileValues}, and secrets are not accepted at all.
 */
public final class ProfileReader {
    private static final Set<String> TOP = Set.of("name", "defaults", "jump", "capture", "cells", "cf");
    private static final Set<String> CF_KEYS = Set.of("tags", "apps", "spaces", "orgs", "curl");
    private static final Set<String> SSH_KEYS = Set.of("host", "port", "user", "auth", "keyFile");
    private static final Set<String> DEFAULT_KEYS = Set.of("port", "user", "auth", "keyFile", "sudo", "interfaces");
    private static final Set<String> CELL_KEYS = Set.of("name", "host", "port", "user", "auth", "keyFile", "sudo", "interfaces");
    private static final Set<String> CAPTURE_KEYS = Set.of("filter", "snapLength", "duration", "packets");
    private static final Set<String> SECRETS = Set.of("password", "passphrase", "secret", "privateKey");
    public static final int MIN_SNAP = 64;
    public static final int MAX_SNAP = 262144;

    /** Duplicate keys refused (see {@link StrictYaml}). */
    private static final ObjectMapper MAPPER = new ObjectMapper(StrictYaml.factory());

    private ProfileReader() {
    }

    public static FoundationProfile read(Path file) {
        String text;
        try {
            if (Files.size(file) > StrictYaml.MAX_BYTES) {
                throw new ProfileException(file + ": larger than " + (StrictYaml.MAX_BYTES >> 10) + " KiB; a profile is a few kB");
            }
            text = Files.readString(file);
        } catch (NoSuchFileException e) {
            throw new ProfileException(file + ": no such profile");
        } catch (IOException e) {
            throw new ProfileException(file + ": cannot read: " + e.getMessage(), e);
        }
        try {
            return parse(text);
        } catch (ProfileException e) {
            throw new ProfileException(file + ": " + e.getMessage(), e);
        }
    }

    public static FoundationProfile parse(String yaml) {
        JsonNode root;
        try {
            byte[] bytes = yaml.getBytes(StandardCharsets.UTF_8);
            StrictYaml.check(bytes);
            root = MAPPER.readTree(bytes);
        } catch (IllegalArgumentException e) {
            throw new ProfileException(e.getMessage(), e);
        } catch (JsonProcessingException e) {
            throw new ProfileException("not valid YAML: " + e.getOriginalMessage().lines().findFirst().orElse(""), e);
        } catch (IOException e) {
            throw new ProfileException("cannot read: " + e.getMessage(), e);
        }
        if (root == null || !root.isObject()) {
            throw new ProfileException("a profile is a YAML mapping with 'cells' (see assets/profiles/example.yaml)");
        }
        checkKeys("profile", root, TOP);
        String name = root.hasNonNull("name") ? ProfileValues.cellName("name", text(root, "name", "name")) : "foundation";

        JsonNode defaults = root.path("defaults");
        if (!defaults.isMissingNode()) {
            checkKeys("defaults", defaults, DEFAULT_KEYS);
        }
        SshTarget jump = root.hasNonNull("jump") ? sshTarget("jump", root.get("jump"), null, SSH_KEYS) : null;
        CaptureSettings capture = capture(root.path("capture"));

        JsonNode cellsNode = root.path("cells");
        if (!cellsNode.isArray() || cellsNode.isEmpty()) {
            throw new ProfileException("cells: list at least one cell (name, host)");
        }
        List<CellTarget> cells = new ArrayList<>();
        Set<String> names = new HashSet<>();
        int i = 0;
        for (JsonNode c : cellsNode) {
            String where = "cells[" + i++ + "]";
            if (!c.isObject()) {
                throw new ProfileException(where + ": a cell is a mapping with name and host");
            }
            checkKeys(where, c, CELL_KEYS);
            SshTarget ssh = sshTarget(where, c, defaults, CELL_KEYS);
            String cellName = c.hasNonNull("name") ? ProfileValues.cellName(where + ".name", text(c, "name", where))
                    : ProfileValues.cellName(where + ".name (the host, when no name is given)", ssh.host());
            if (!names.add(cellName)) {
                throw new ProfileException(where + ": cell name '" + cellName + "' is used twice");
            }
            boolean sudo = bool(c, "sudo", where, defaults.path("sudo").asBoolean(false));
            List<String> ifaces = interfaces(where, c.has("interfaces") ? c.get("interfaces") : defaults.path("interfaces"));
            cells.add(new CellTarget(cellName, ssh, sudo, ifaces));
        }
        return new FoundationProfile(name, jump, cells, capture, cf(root.path("cf")));
    }

    /** The {@code cf} key: files of cf curl answers, and whether to run cf curl. */
    private static CfSources cf(JsonNode node) {
        if (node.isMissingNode() || node.isNull()) {
            return CfSources.NONE;
        }
        if (!node.isObject()) {
            throw new ProfileException("cf: expected a mapping (tags, apps, spaces, orgs, curl)");
        }
        checkKeys("cf", node, CF_KEYS);
        String[] files = new String[4];
        String[] keys = {"tags", "apps", "spaces", "orgs"};
        for (int i = 0; i < keys.length; i++) {
            if (node.hasNonNull(keys[i])) {
                files[i] = ProfileValues.printable("cf." + keys[i], text(node, keys[i], "cf"));
            }
        }
        return new CfSources(files[0], files[1], files[2], files[3], bool(node, "curl", "cf", false));
    }

    private static SshTarget sshTarget(String where, JsonNode node, JsonNode defaults, Set<String> allowed) {
        if (!node.isObject()) {
            throw new ProfileException(where + ": expected a mapping with host");
        }
        checkKeys(where, node, allowed);
        if (!node.hasNonNull("host")) {
            throw new ProfileException(where + ": 'host' is missing");
        }
        String host = ProfileValues.host(where + ".host", text(node, "host", where));
        JsonNode d = defaults == null ? com.fasterxml.jackson.databind.node.MissingNode.getInstance() : defaults;
        int port = 0;
        JsonNode portNode = node.has("port") ? node.get("port") : d.get("port");
        if (portNode != null && !portNode.isNull()) {
            if (!portNode.isIntegralNumber() || !portNode.canConvertToInt()) {
                throw new ProfileException(where + ".port: '" + portNode.asText() + "' is not a number");
            }
            port = ProfileValues.port(where + ".port", portNode.asInt());
        }
        String userText = node.hasNonNull("user") ? text(node, "user", where) : (d.hasNonNull("user") ? d.get("user").asText() : null);
        String user = userText == null ? null : ProfileValues.user(where + ".user", userText);
        String keyText = node.hasNonNull("keyFile") ? text(node, "keyFile", where) : (d.hasNonNull("keyFile") ? d.get("keyFile").asText() : null);
        String keyFile = keyText == null ? null : ProfileValues.printable(where + ".keyFile", keyText);
        String authText = node.hasNonNull("auth") ? text(node, "auth", where) : (d.hasNonNull("auth") ? d.get("auth").asText() : null);
        AuthMethod auth;
        if (authText == null) {
            auth = keyFile != null ? AuthMethod.KEY : AuthMethod.AGENT;
        } else {
            auth = AuthMethod.parse(ProfileValues.printable(where + ".auth", authText));
            if (auth == null) {
                throw new ProfileException(where + ".auth: '" + authText + "' is not one of agent, key, password");
            }
        }
        return new SshTarget(host, port, user, auth, keyFile);
    }

    private static CaptureSettings capture(JsonNode node) {
        CaptureSettings def = CaptureSettings.defaults();
        if (node.isMissingNode() || node.isNull()) {
            return def;
        }
        if (!node.isObject()) {
            throw new ProfileException("capture: expected a mapping");
        }
        checkKeys("capture", node, CAPTURE_KEYS);
        String filter = node.hasNonNull("filter") ? ProfileValues.filter("capture.filter", text(node, "filter", "capture")) : def.filter();
        int snap = def.snapLength();
        if (node.hasNonNull("snapLength")) {
            snap = node.get("snapLength").isIntegralNumber() && node.get("snapLength").canConvertToInt()
                    ? node.get("snapLength").asInt() : -1;
            if (snap < MIN_SNAP || snap > MAX_SNAP) {
                throw new ProfileException("capture.snapLength: must be between " + MIN_SNAP + " and " + MAX_SNAP);
            }
        }
        Duration duration = def.duration();
        if (node.hasNonNull("duration")) {
            duration = duration("capture.duration", text(node, "duration", "capture"));
        }
        long packets = def.packetCap();
        if (node.hasNonNull("packets")) {
            packets = node.get("packets").isIntegralNumber() && node.get("packets").canConvertToLong()
                    ? node.get("packets").asLong() : -1;
            if (packets < 1 || packets > 100_000_000L) {
                throw new ProfileException("capture.packets: must be between 1 and 100000000");
            }
        }
        return new CaptureSettings(filter, snap, duration, packets);
    }

    /** A capture duration: at least one second, at most {@link CaptureSettings#MAX_DURATION}. */
    public static Duration duration(String field, String text) {
        Duration d;
        try {
            d = Durations.parse(ProfileValues.printable(field, text));
        } catch (IllegalArgumentException e) {
            throw new ProfileException(field + ": " + e.getMessage());
        }
        if (d.compareTo(Duration.ofSeconds(1)) < 0 || d.compareTo(CaptureSettings.MAX_DURATION) > 0) {
            throw new ProfileException(field + ": must be between 1s and " + Durations.format(CaptureSettings.MAX_DURATION));
        }
        return d;
    }

    private static List<String> interfaces(String where, JsonNode node) {
        List<String> out = new ArrayList<>();
        if (node == null || node.isMissingNode() || node.isNull()) {
            return out;
        }
        if (node.isTextual() && node.asText().equals("discovered")) {
            return out;
        }
        if (!node.isArray()) {
            throw new ProfileException(where + ".interfaces: a list of interface names, or 'discovered'");
        }
        for (JsonNode n : node) {
            out.add(ProfileValues.iface(where + ".interfaces", n.asText()));
        }
        return out;
    }

    private static boolean bool(JsonNode node, String key, String where, boolean def) {
        if (!node.hasNonNull(key)) {
            return def;
        }
        JsonNode v = node.get(key);
        if (!v.isBoolean()) {
            throw new ProfileException(where + "." + key + ": expected true or false");
        }
        return v.asBoolean();
    }

    private static String text(JsonNode node, String key, String where) {
        JsonNode v = node.get(key);
        if (!v.isValueNode()) {
            throw new ProfileException(where + "." + key + ": expected a single value");
        }
        return v.asText();
    }

    private static void checkKeys(String where, JsonNode node, Set<String> allowed) {
        for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
            String k = it.next();
            if (SECRETS.contains(k)) {
                throw new ProfileException(where + "." + k + ": secrets are never stored in a profile; Silkscreen asks for them");
            }
            if (!allowed.contains(k)) {
                throw new ProfileException(where + ": unknown key '" + ProfileValues.printableOrEscaped(k) + "' (known: " + String.join(", ", allowed.stream().sorted().toList()) + ")");
            }
        }
    }
}
