package dev.silkscreen.model;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads and writes {@code NAME.topology.json}, the foundation file the simulator writes beside its
 * capture and the correlator and the UI read. Format {@value #FORMAT}, described field by field in
 * {@code assets/topology-format.md}. Derived values (VTEP address and MAC, veth names and MACs,
 * overlay MTU, tag hex) are written for readers' convenience and ignored on reading.
 */
public final class TopologyJson {
    public static final String FORMAT = "silkscreen-topology/1";
    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private TopologyJson() {
    }

    public static void write(Foundation f, OutputStream out) throws IOException {
        MAPPER.writeValue(out, toTree(f));
    }

    public static String toJson(Foundation f) {
        try {
            return MAPPER.writeValueAsString(toTree(f));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Parses a topology file; throws {@link IllegalArgumentException} with a readable message when it is not one. */
    public static Foundation read(InputStream in) throws IOException {
        JsonNode root;
        try {
            root = MAPPER.readTree(in);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not a topology file: " + excerpt(firstLine(e.getOriginalMessage()))
                    + (e.getLocation() == null ? "" : " (line " + e.getLocation().getLineNr() + ")"));
        }
        return fromTree(root);
    }

    public static Foundation fromJson(String json) {
        try {
            return fromTree(MAPPER.readTree(json));
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not a topology file: " + excerpt(firstLine(e.getOriginalMessage()))
                    + (e.getLocation() == null ? "" : " (line " + e.getLocation().getLineNr() + ")"));
        }
    }

    static ObjectNode toTree(Foundation f) {
        ObjectNode root = MAPPER.createObjectNode();
        root.put("format", FORMAT);
        root.put("name", f.name());
        root.put("overlayNetwork", SilkNames.OVERLAY_NETWORK);
        ArrayNode cells = root.putArray("cells");
        for (Cell c : f.cells()) {
            ObjectNode n = cells.addObject();
            n.put("name", c.name());
            n.put("underlayIp", c.underlayIp());
            n.put("underlayNic", c.underlayNic());
            n.put("underlayMtu", c.underlayMtu());
            n.put("subnet", c.subnet());
            n.put("vtepIp", c.vtepIp());
            n.put("vtepMac", SilkNames.formatMac(c.vtepMac()));
            n.put("overlayMtu", c.overlayMtu());
            CellTables t = f.tablesOf(c.name());
            ArrayNode routes = n.putArray("routes");
            for (Route r : t.routes()) {
                ObjectNode rn = routes.addObject();
                rn.put("destination", r.destination());
                rn.put("via", r.via());
                rn.put("dev", r.dev());
                rn.put("src", r.src());
                rn.put("origin", r.origin());
                rn.put("text", r.render());
            }
            ArrayNode neigh = n.putArray("neighbours");
            for (Neighbour nb : t.neighbours()) {
                ObjectNode nn = neigh.addObject();
                nn.put("ip", nb.ip());
                nn.put("mac", nb.mac());
                nn.put("dev", nb.dev());
                nn.put("text", nb.render());
            }
            ArrayNode fdb = n.putArray("fdb");
            for (FdbEntry e : t.fdb()) {
                ObjectNode en = fdb.addObject();
                en.put("mac", e.mac());
                en.put("dst", e.dst());
                en.put("dev", e.dev());
                en.put("text", e.render());
            }
            if (t.conntrack() != null) {
                ObjectNode ct = n.putObject("conntrack");
                ct.put("count", t.conntrack().count());
                ct.put("max", t.conntrack().max());
            }
            ArrayNode rules = n.putArray("rules");
            f.rules().getOrDefault(c.name(), List.of()).forEach(rules::add);
        }
        ArrayNode apps = root.putArray("apps");
        ObjectNode tags = MAPPER.createObjectNode();
        for (App a : f.apps()) {
            ObjectNode n = apps.addObject();
            n.put("name", a.name());
            n.put("guid", a.guid());
            n.put("tag", a.tag());
            n.put("tagHex", a.tagHex());
            tags.put(a.tagHex(), a.name());
        }
        root.set("tags", tags);
        ArrayNode instances = root.putArray("instances");
        for (Instance i : f.instances()) {
            ObjectNode n = instances.addObject();
            n.put("app", i.app());
            n.put("index", i.index());
            n.put("cell", i.cell());
            n.put("ip", i.ip());
            n.put("handle", i.handle());
            n.put("veth", i.vethName());
            n.put("containerMac", SilkNames.formatMac(i.containerMac()));
            n.put("hostVethMac", SilkNames.formatMac(i.hostVethMac()));
        }
        ArrayNode policies = root.putArray("policies");
        for (Policy p : f.policies()) {
            ObjectNode n = policies.addObject();
            n.put("source", p.srcApp());
            n.put("destination", p.dstApp());
            n.put("protocol", p.protocol());
            n.put("portStart", p.portStart());
            n.put("portEnd", p.portEnd());
        }
        ArrayNode faults = root.putArray("faults");
        for (Fault x : f.faults()) {
            ObjectNode n = faults.addObject();
            n.put("kind", x.kind());
            n.put("cell", x.cell());
            n.put("peer", x.peer());
            n.put("detail", x.detail());
        }
        return root;
    }

    static Foundation fromTree(JsonNode root) {
        if (root == null || !root.isObject() || !FORMAT.equals(root.path("format").asText())) {
            throw new IllegalArgumentException("not a topology file (expected \"format\": \"" + FORMAT + "\")");
        }
        List<Cell> cells = new ArrayList<>();
        Map<String, List<String>> rules = new LinkedHashMap<>();
        Map<String, CellTables> tables = new LinkedHashMap<>();
        for (JsonNode n : root.path("cells")) {
            String name = text(n, "name");
            String problem = CellNames.problem(name);
            if (problem != null) {
                throw new IllegalArgumentException("topology file: " + problem);
            }
            cells.add(checkedSubnet(new Cell(name, ipv4(n, "underlayIp", "cell " + name), n.path("underlayNic").asText("eth0"),
                    n.path("underlayMtu").asInt(1500), text(n, "subnet"))));
            List<Route> routes = new ArrayList<>();
            for (JsonNode r : n.path("routes")) {
                routes.add(new Route(text(r, "destination"), optText(r, "via"), text(r, "dev"), optText(r, "src"), optText(r, "origin")));
            }
            List<Neighbour> neigh = new ArrayList<>();
            for (JsonNode r : n.path("neighbours")) {
                neigh.add(new Neighbour(text(r, "ip"), text(r, "mac"), text(r, "dev")));
            }
            List<FdbEntry> fdb = new ArrayList<>();
            for (JsonNode r : n.path("fdb")) {
                fdb.add(new FdbEntry(text(r, "mac"), text(r, "dst"), text(r, "dev")));
            }
            tables.put(name, new CellTables(routes, neigh, fdb, conntrack(n.path("conntrack"), name)));
            List<String> lines = new ArrayList<>();
            n.path("rules").forEach(l -> lines.add(l.asText()));
            rules.put(name, lines);
        }
        List<App> apps = new ArrayList<>();
        for (JsonNode n : root.path("apps")) {
            apps.add(new App(text(n, "name"), text(n, "guid"), n.path("tag").asInt()));
        }
        List<Instance> instances = new ArrayList<>();
        for (JsonNode n : root.path("instances")) {
            instances.add(new Instance(text(n, "app"), n.path("index").asInt(), text(n, "cell"),
                    ipv4(n, "ip", "instance of " + text(n, "app")), optText(n, "handle")));
        }
        List<Policy> policies = new ArrayList<>();
        for (JsonNode n : root.path("policies")) {
            policies.add(new Policy(text(n, "source"), text(n, "destination"), text(n, "protocol"),
                    n.path("portStart").asInt(), n.path("portEnd").asInt()));
        }
        List<Fault> faults = new ArrayList<>();
        for (JsonNode n : root.path("faults")) {
            faults.add(new Fault(text(n, "kind"), optText(n, "cell"), optText(n, "peer"), optText(n, "detail")));
        }
        return new Foundation(root.path("name").asText(), cells, apps, instances, policies, rules, tables, faults);
    }

    /** A cell's {@code "conntrack": {"count": N, "max": M}}, or null when the file has none. */
    private static ConntrackUse conntrack(JsonNode n, String cell) {
        if (n.isMissingNode() || n.isNull()) {
            return null;
        }
        JsonNode count = n.path("count");
        JsonNode max = n.path("max");
        if (!count.canConvertToLong() || !max.canConvertToLong() || !count.isIntegralNumber() || !max.isIntegralNumber()) {
            throw new IllegalArgumentException("topology file: cell " + cell + ": conntrack needs whole numbers \"count\" and \"max\"");
        }
        try {
            return new ConntrackUse(count.asLong(), max.asLong());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("topology file: cell " + cell + ": " + e.getMessage());
        }
    }

    /** The cell, once its lease reads as an IPv4 network: readers derive the VTEP and more from it. */
    private static Cell checkedSubnet(Cell c) {
        try {
            c.subnetAddress();
            int prefix = c.subnetPrefix();
            if (prefix >= 0 && prefix <= 32) {
                return c;
            }
        } catch (IllegalArgumentException e) {
            // said below
        }
        throw new IllegalArgumentException("topology file: cell " + c.name() + ": subnet \"" + c.subnet()
                + "\" is not an IPv4 network like 10.255.1.0/24");
    }

    private static String text(JsonNode n, String field) {
        JsonNode v = n.get(field);
        if (v == null || v.isNull()) {
            throw new IllegalArgumentException("topology file: missing \"" + field + "\" in " + excerpt(n));
        }
        return v.asText();
    }

    /** An IPv4 address field: dotted quad, else a one-line error naming what it belongs to. */
    private static String ipv4(JsonNode n, String field, String owner) {
        String text = text(n, field);
        try {
            Ipv4.parse(text);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("topology file: " + SafeText.line(owner) + ": " + field + " \""
                    + SafeText.line(excerpt(text)) + "\" is not an IPv4 address");
        }
        return text;
    }

    /** At most {@link #EXCERPT} characters of a node, for messages: a missing field must not quote 15 MB. */
    static String excerpt(Object node) {
        String text = SafeText.line(String.valueOf(node));
        return text.length() <= EXCERPT ? text : text.substring(0, EXCERPT) + "… (" + text.length() + " characters)";
    }

    private static final int EXCERPT = 120;

    private static String firstLine(String message) {
        return message == null ? "" : message.lines().findFirst().orElse("");
    }

    private static String optText(JsonNode n, String field) {
        JsonNode v = n.get(field);
        return v == null || v.isNull() ? null : v.asText();
    }
}
