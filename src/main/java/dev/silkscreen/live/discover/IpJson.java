package dev.silkscreen.live.discover;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Parsers for iproute2's JSON output ({@code ip -j}, {@code bridge -j}). Pure functions: text in,
 * records out; IPv6 entries are skipped (Silk is IPv4), unknown fields ignored.
 */
public final class IpJson {
    private static final ObjectMapper JSON = new ObjectMapper();

    private IpJson() {
    }

    /** {@code ip -j -d link}. */
    public static List<Link> links(String json) {
        List<Link> out = new ArrayList<>();
        for (JsonNode n : array("ip -j -d link", json)) {
            String name = n.path("ifname").asText(null);
            if (name == null) {
                continue;
            }
            JsonNode info = n.path("linkinfo");
            String kind = info.path("info_kind").asText("");
            Link.Vxlan vx = null;
            if (kind.equals("vxlan")) {
                JsonNode d = info.path("info_data");
                vx = new Link.Vxlan(d.path("id").asInt(-1), d.path("local").asText(null), d.path("link").asText(null),
                        d.path("port").asInt(-1), d.path("gbp").asBoolean(false), d.path("learning").asBoolean(true));
            }
            boolean up = false;
            for (JsonNode f : n.path("flags")) {
                up |= f.asText().equals("UP");
            }
            out.add(new Link(name, kind, n.path("mtu").asInt(0), n.path("address").asText("").toLowerCase(Locale.ROOT), up,
                    n.hasNonNull("link") ? n.get("link").asText() : null, vx));
        }
        return out;
    }

    /** {@code ip -j addr}: IPv4 addresses only. */
    public static List<Address> addresses(String json) {
        List<Address> out = new ArrayList<>();
        for (JsonNode n : array("ip -j addr", json)) {
            String name = n.path("ifname").asText("");
            for (JsonNode a : n.path("addr_info")) {
                if (!a.path("family").asText().equals("inet")) {
                    continue;
                }
                out.add(new Address(name, a.path("local").asText(), a.hasNonNull("address") ? a.get("address").asText() : null,
                        a.path("prefixlen").asInt(32), a.path("scope").asText("")));
            }
        }
        return out;
    }

    /** {@code ip -j route}: a host route's {@code dst} is written as {@code IP/32}. */
    public static List<Route> routes(String json) {
        List<Route> out = new ArrayList<>();
        for (JsonNode n : array("ip -j route", json)) {
            String dst = n.path("dst").asText("");
            if (dst.isEmpty() || dst.contains(":")) {
                continue;
            }
            if (!dst.equals("default") && dst.indexOf('/') < 0) {
                dst = dst + "/32";
            }
            out.add(new Route(dst, n.hasNonNull("gateway") ? n.get("gateway").asText() : null, n.path("dev").asText("")));
        }
        return out;
    }

    /** {@code ip -j neigh show dev silk-vtep}. */
    public static List<Neighbour> neighbours(String json) {
        List<Neighbour> out = new ArrayList<>();
        for (JsonNode n : array("ip -j neigh", json)) {
            String ip = n.path("dst").asText("");
            if (ip.isEmpty() || ip.contains(":")) {
                continue;
            }
            out.add(new Neighbour(ip, n.path("lladdr").asText("").toLowerCase(Locale.ROOT), joined(n.path("state"))));
        }
        return out;
    }

    /** {@code bridge -j fdb show dev silk-vtep}. */
    public static List<FdbEntry> fdb(String json) {
        List<FdbEntry> out = new ArrayList<>();
        for (JsonNode n : array("bridge -j fdb", json)) {
            String mac = n.path("mac").asText("");
            if (mac.isEmpty()) {
                continue;
            }
            out.add(new FdbEntry(mac.toLowerCase(Locale.ROOT), n.hasNonNull("dst") ? n.get("dst").asText() : null, joined(n.path("state"))));
        }
        return out;
    }

    private static String joined(JsonNode state) {
        if (state.isArray()) {
            List<String> s = new ArrayList<>();
            state.forEach(x -> s.add(x.asText()));
            return String.join(",", s).toLowerCase(Locale.ROOT);
        }
        return state.asText("").toLowerCase(Locale.ROOT);
    }

    private static JsonNode array(String command, String json) {
        if (json == null || json.isBlank()) {
            return JSON.createArrayNode();
        }
        JsonNode root;
        try {
            root = JSON.readTree(json);
        } catch (IOException e) {
            throw new DiscoveryParseException(command + ": output is not JSON (is iproute2 too old for -j?): " + e.getMessage(), e);
        }
        if (!root.isArray()) {
            throw new DiscoveryParseException(command + ": expected a JSON array");
        }
        return root;
    }
}
