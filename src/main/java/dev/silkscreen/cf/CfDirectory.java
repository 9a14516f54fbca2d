package dev.silkscreen.cf;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * What Cloud Foundry says about the apps behind the policy tags: the answers of
 * {@code cf curl /networking/v1/external/tags} (tag → app GUID), {@code cf curl "/v3/apps?guids=…"}
 * (name, space), {@code cf curl "/v3/spaces?guids=…&include=organization"} (space name, org, and
 * the orgs included) and, when the orgs were not included, {@code cf curl "/v3/organizations?guids=…"}.
 * Fed answer by answer ({@link #addTags}, {@link #addApps}, …), from files or from {@link CfCurl}.
 */
public final class CfDirectory {
    private final Map<Integer, String> guidByTag = new HashMap<>();
    private final Map<String, String[]> apps = new HashMap<>();
    private final Map<String, String[]> spaces = new HashMap<>();
    private final Map<String, String> orgs = new HashMap<>();

    /** The answer of {@code cf curl /networking/v1/external/tags}: {@code {"tags": [{"id", "tag", "type"}]}}. */
    public CfDirectory addTags(String what, JsonNode root) throws CfException {
        JsonNode tags = root.path("tags");
        if (!tags.isArray()) {
            throw new CfException(what + ": no \"tags\" list; expected the answer of cf curl /networking/v1/external/tags");
        }
        for (JsonNode t : tags) {
            String type = t.path("type").asText("app");
            String tagText = t.path("tag").asText("");
            if (!tagText.matches("[0-9A-Fa-f]{1,4}")) {
                throw new CfException(what + ": tag " + CfJson.clip(t.path("tag").toString()) + " is not 1-4 hex digits");
            }
            String guid = CfJson.guid(what, t, "id");
            if (guid != null && type.equals("app")) {
                guidByTag.put(Integer.parseInt(tagText, 16), guid);
            }
        }
        return this;
    }

    /** The answer of {@code cf curl "/v3/apps?guids=…"}: {@code resources[]} with guid, name, relationships.space. */
    public CfDirectory addApps(String what, JsonNode root) throws CfException {
        for (JsonNode r : resources(what, root, "/v3/apps")) {
            String guid = CfJson.guid(what, r, "guid");
            if (guid != null) {
                apps.put(guid, new String[] {CfJson.name(what, r, "name"), CfJson.related(what, r, "space")});
            }
        }
        return this;
    }

    /** The answer of {@code cf curl "/v3/spaces?guids=…&include=organization"}: spaces, and the orgs when included. */
    public CfDirectory addSpaces(String what, JsonNode root) throws CfException {
        for (JsonNode r : resources(what, root, "/v3/spaces")) {
            String guid = CfJson.guid(what, r, "guid");
            if (guid != null) {
                spaces.put(guid, new String[] {CfJson.name(what, r, "name"), CfJson.related(what, r, "organization")});
            }
        }
        JsonNode included = root.path("included").path("organizations");
        if (included.isArray()) {
            addOrgList(what, included);
        }
        return this;
    }

    /** The answer of {@code cf curl "/v3/organizations?guids=…"}. */
    public CfDirectory addOrgs(String what, JsonNode root) throws CfException {
        addOrgList(what, resourcesNode(what, root, "/v3/organizations"));
        return this;
    }

    public CfDirectory addTags(Path file) throws CfException {
        return addTags(file.toString(), CfJson.read(file));
    }

    public CfDirectory addApps(Path file) throws CfException {
        return addApps(file.toString(), CfJson.read(file));
    }

    public CfDirectory addSpaces(Path file) throws CfException {
        return addSpaces(file.toString(), CfJson.read(file));
    }

    public CfDirectory addOrgs(Path file) throws CfException {
        return addOrgs(file.toString(), CfJson.read(file));
    }

    private void addOrgList(String what, JsonNode list) throws CfException {
        for (JsonNode o : list) {
            String guid = CfJson.guid(what, o, "guid");
            if (guid != null) {
                orgs.put(guid, CfJson.name(what, o, "name"));
            }
        }
    }

    private static Iterable<JsonNode> resources(String what, JsonNode root, String endpoint) throws CfException {
        return resourcesNode(what, root, endpoint);
    }

    private static JsonNode resourcesNode(String what, JsonNode root, String endpoint) throws CfException {
        JsonNode r = root.path("resources");
        if (!r.isArray()) {
            throw new CfException(what + ": no \"resources\" list; expected the answer of cf curl " + endpoint);
        }
        return r;
    }

    // ---- reading ----

    /** The app GUID that owns a policy tag, if the tags answer had it. */
    public Optional<String> guidOfTag(int tag) {
        return Optional.ofNullable(guidByTag.get(tag));
    }

    /** What is known of an app: at least its GUID; its names as far as the answers gave them. */
    public Optional<CfApp> app(String guid) {
        if (guid == null) {
            return Optional.empty();
        }
        String g = guid.toLowerCase(Locale.ROOT);
        String[] a = apps.get(g);
        if (a == null && !guidByTag.containsValue(g)) {
            return Optional.empty();
        }
        String name = a == null ? null : a[0];
        String space = a == null ? null : a[1];
        String[] s = space == null ? null : spaces.get(space);
        String org = s == null ? null : s[1];
        return Optional.of(new CfApp(g, name, space, s == null ? null : s[0], org, org == null ? null : orgs.get(org)));
    }

    /** The app that owns {@code tag}, if known. */
    public Optional<CfApp> appOfTag(int tag) {
        return guidOfTag(tag).flatMap(this::app);
    }

    /** App GUIDs known from the tags (for the next {@code /v3/apps} question), sorted. */
    public Set<String> taggedGuids() {
        return new TreeSet<>(guidByTag.values());
    }

    /** Space GUIDs of the apps known, whose names are not known yet. */
    public Set<String> unnamedSpaces() {
        Set<String> out = new TreeSet<>();
        for (String[] a : apps.values()) {
            if (a[1] != null && !spaces.containsKey(a[1])) {
                out.add(a[1]);
            }
        }
        return out;
    }

    /** Org GUIDs of the spaces known, whose names are not known yet. */
    public Set<String> unnamedOrgs() {
        Set<String> out = new TreeSet<>();
        for (String[] s : spaces.values()) {
            if (s[1] != null && !orgs.containsKey(s[1])) {
                out.add(s[1]);
            }
        }
        return out;
    }

    public boolean isEmpty() {
        return guidByTag.isEmpty() && apps.isEmpty();
    }
}
