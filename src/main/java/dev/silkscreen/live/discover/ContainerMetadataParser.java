package dev.silkscreen.live.discover;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads the cell's container metadata store (a JSON object keyed by handle, each entry with
 * {@code handle}, {@code ip} and a {@code metadata} map from garden properties). The app GUID is
 * {@code policy_group_id}, else {@code app_id}; a name is taken from {@code app_name} when present.
 */
public final class ContainerMetadataParser {
    private ContainerMetadataParser() {
    }

    public static List<ContainerRecord> parse(String json) {
        List<ContainerRecord> out = new ArrayList<>();
        if (json == null || json.isBlank()) {
            return out;
        }
        JsonNode root;
        try {
            root = new ObjectMapper().readTree(json);
        } catch (IOException e) {
            throw new DiscoveryParseException("container metadata store.json is not JSON: " + e.getMessage(), e);
        }
        if (root == null || !root.isObject()) {
            throw new DiscoveryParseException("container metadata store.json: expected an object keyed by handle");
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = root.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            JsonNode c = e.getValue();
            String ip = c.path("ip").asText("");
            if (ip.isEmpty()) {
                continue;
            }
            Map<String, String> md = new LinkedHashMap<>();
            for (Iterator<Map.Entry<String, JsonNode>> m = c.path("metadata").fields(); m.hasNext(); ) {
                Map.Entry<String, JsonNode> kv = m.next();
                md.put(kv.getKey(), kv.getValue().asText());
            }
            String guid = nonEmpty(md.get("policy_group_id"));
            if (guid == null) {
                guid = nonEmpty(md.get("app_id"));
            }
            out.add(new ContainerRecord(c.path("handle").asText(e.getKey()), ip, guid, nonEmpty(md.get("app_name")), md));
        }
        return out;
    }

    private static String nonEmpty(String s) {
        return s == null || s.isBlank() ? null : s;
    }
}
