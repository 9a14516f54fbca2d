package dev.silkscreen.cf;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The network policies Cloud Foundry holds, as {@code cf curl /networking/v1/external/policies}
 * prints them (policy server external API v1):
 * <pre>
 * {"total_policies": 1, "policies": [{"source": {"id": "APP-GUID"},
 *   "destination": {"id": "APP-GUID", "protocol": "tcp", "ports": {"start": 8080, "end": 8080}}}]}
 * </pre>
 * Egress policies ({@code egress_policies}) are not c2c and are passed over. A file that is not of
 * this shape is refused in one line, naming what is wrong and where.
 */
public record CfPolicies(List<Policy> policies) {
    /** At most this many bytes are read: a foundation with 100 000 policies prints about 20 MB. */
    public static final long MAX_BYTES = 64L << 20;
    private static final ObjectMapper JSON = new ObjectMapper();

    /** One c2c policy: from the source app (policy group id, an app GUID) to the destination's ports. */
    public record Policy(String sourceId, String destinationId, String protocol, int portStart, int portEnd) {
    }

    public CfPolicies {
        policies = List.copyOf(policies);
    }

    /** Reads a file of {@code cf curl} output; {@link IllegalArgumentException} with a one-line reason when it is not one. */
    public static CfPolicies read(Path file) throws IOException {
        if (Files.size(file) > MAX_BYTES) {
            throw new IllegalArgumentException("larger than " + (MAX_BYTES >> 20) + " MiB: not the policies of one foundation");
        }
        try (InputStream in = Files.newInputStream(file)) {
            return parse(in.readAllBytes());
        }
    }

    public static CfPolicies parse(byte[] json) {
        JsonNode root;
        try {
            root = JSON.readTree(json);
        } catch (JsonProcessingException e) {
            String first = e.getOriginalMessage() == null ? "" : e.getOriginalMessage().lines().findFirst().orElse("");
            throw new IllegalArgumentException("not JSON: " + (first.length() > 80 ? first.substring(0, 80) + "…" : first)
                    + (e.getLocation() == null ? "" : " (line " + e.getLocation().getLineNr() + ")"));
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot be read: " + e.getMessage());
        }
        if (root == null || !root.isObject() || !root.path("policies").isArray()) {
            throw new IllegalArgumentException("no \"policies\" list: expected what cf curl /networking/v1/external/policies prints");
        }
        List<Policy> out = new ArrayList<>();
        int i = 0;
        for (JsonNode p : root.path("policies")) {
            String where = "policies[" + i++ + "]";
            String src = text(p.path("source"), "id", where + ".source");
            JsonNode d = p.path("destination");
            String dst = text(d, "id", where + ".destination");
            String proto = text(d, "protocol", where + ".destination").toLowerCase(Locale.ROOT);
            if (!proto.equals("tcp") && !proto.equals("udp") && !proto.equals("icmp")) {
                throw new IllegalArgumentException(where + ".destination.protocol: \"" + proto + "\" is not tcp, udp or icmp");
            }
            int start = 0;
            int end = 0;
            if (!proto.equals("icmp")) {
                JsonNode ports = d.path("ports");
                start = port(ports.path("start"), where + ".destination.ports.start");
                end = port(ports.path("end"), where + ".destination.ports.end");
                if (end < start) {
                    throw new IllegalArgumentException(where + ".destination.ports: end " + end + " is before start " + start);
                }
            }
            out.add(new Policy(src, dst, proto, start, end));
        }
        return new CfPolicies(out);
    }

    private static String text(JsonNode n, String field, String where) {
        JsonNode v = n.path(field);
        if (!v.isTextual() || v.asText().isBlank()) {
            throw new IllegalArgumentException(where + "." + field + ": missing or not a string");
        }
        return v.asText();
    }

    private static int port(JsonNode v, String where) {
        if (!v.isIntegralNumber() || v.asLong() < 1 || v.asLong() > 65535) {
            throw new IllegalArgumentException(where + ": not a port (1-65535)");
        }
        return v.asInt();
    }
}
