package dev.silkscreen.live.profile;

import dev.silkscreen.live.ssh.SshTarget;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Cells from {@code bosh -d cf vms --json}: every row whose instance group matches (by default
 * {@code diego-cell}, or {@code compute} in small-footprint deployments) becomes a cell named by
 * its instance ({@code diego-cell/0b7c…}) at its first IP.
 */
public final class BoshVmsImport {
    public static final Pattern DEFAULT_GROUPS = Pattern.compile("diego-cell.*|compute.*|isolated-diego-cell.*");

    private BoshVmsImport() {
    }

    public static List<CellTarget> cells(String json, Pattern groups, SshTarget template, boolean sudo) {
        JsonNode root;
        try {
            root = new ObjectMapper().readTree(json);
        } catch (IOException e) {
            throw new ProfileException("not the JSON of 'bosh vms --json': " + e.getMessage());
        }
        JsonNode tables = root == null ? null : root.get("Tables");
        if (tables == null || !tables.isArray()) {
            throw new ProfileException("not the JSON of 'bosh vms --json' (no Tables)");
        }
        List<CellTarget> out = new ArrayList<>();
        for (JsonNode table : tables) {
            for (JsonNode row : table.path("Rows")) {
                String instance = row.path("instance").asText("");
                int slash = instance.indexOf('/');
                String group = slash < 0 ? instance : instance.substring(0, slash);
                if (instance.isEmpty() || !groups.matcher(group).matches()) {
                    continue;
                }
                String ip = firstIp(row.path("ips").asText(""));
                if (ip == null) {
                    continue;
                }
                String name = ProfileValues.cellName("instance", instance);
                SshTarget ssh = new SshTarget(ProfileValues.host(instance + " ips", ip), template.port(), template.user(),
                        template.auth(), template.keyFile());
                out.add(new CellTarget(name, ssh, sudo, List.of()));
            }
        }
        if (out.isEmpty()) {
            throw new ProfileException("no instance of group " + groups.pattern() + " in the 'bosh vms' output");
        }
        return out;
    }

    private static String firstIp(String ips) {
        for (String s : ips.split("[\\s,]+")) {
            if (!s.isBlank()) {
                return s.trim();
            }
        }
        return null;
    }
}
