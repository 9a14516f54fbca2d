package dev.silkscreen.cf;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.regex.Pattern;

/** Reading what {@code cf curl} prints: bounded, and every value checked before it is kept. */
final class CfJson {
    /** A {@code cf curl} answer this large is not one of the few this reads. */
    static final long MAX_BYTES = 64L << 20;
    static final int MAX_NAME = 255;
    private static final Pattern GUID = Pattern.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private CfJson() {
    }

    static JsonNode read(Path file) throws CfException {
        byte[] bytes;
        try {
            if (Files.size(file) > MAX_BYTES) {
                throw new CfException(file + ": larger than " + (MAX_BYTES >> 20) + " MiB; not an answer of cf curl");
            }
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw new CfException(file + ": no such file");
        } catch (IOException e) {
            throw new CfException(file + ": cannot read: " + e.getMessage(), e);
        }
        return parse(file.toString(), bytes);
    }

    static JsonNode parse(String what, byte[] bytes) throws CfException {
        try {
            JsonNode n = MAPPER.readTree(bytes);
            if (n == null || !n.isObject()) {
                throw new CfException(what + ": expected a JSON object, as cf curl prints");
            }
            JsonNode errors = n.path("errors");
            if (errors.isArray() && !errors.isEmpty()) {
                throw new CfException(what + ": Cloud Foundry answered with an error: " + clip(errors.get(0).path("detail").asText(errors.get(0).toString())));
            }
            return n;
        } catch (JsonProcessingException e) {
            throw new CfException(what + ": not JSON: " + clip(e.getOriginalMessage().lines().findFirst().orElse("")), e);
        } catch (IOException e) {
            throw new CfException(what + ": cannot read: " + e.getMessage(), e);
        }
    }

    static boolean isGuid(String s) {
        return s != null && GUID.matcher(s).matches();
    }

    /** A GUID field, lower-cased; null when absent; an error when present and not a GUID. */
    static String guid(String what, JsonNode n, String field) throws CfException {
        JsonNode v = n.get(field);
        if (v == null || v.isNull()) {
            return null;
        }
        if (!v.isTextual() || !isGuid(v.asText())) {
            throw new CfException(what + ": '" + field + "' is not a GUID: " + clip(v.toString()));
        }
        return v.asText().toLowerCase(java.util.Locale.ROOT);
    }

    /** A name field (kept as is; printed escaped); null when absent. */
    static String name(String what, JsonNode n, String field) throws CfException {
        JsonNode v = n.get(field);
        if (v == null || v.isNull()) {
            return null;
        }
        if (!v.isTextual() || v.asText().isEmpty() || v.asText().length() > MAX_NAME) {
            throw new CfException(what + ": '" + field + "' is not a name of 1-" + MAX_NAME + " characters: " + clip(v.toString()));
        }
        return v.asText();
    }

    /** The GUID at {@code relationships.REL.data.guid}, or null. */
    static String related(String what, JsonNode resource, String rel) throws CfException {
        JsonNode data = resource.path("relationships").path(rel).path("data");
        return data.isObject() ? guid(what, data, "guid") : null;
    }

    static String clip(String s) {
        String one = dev.silkscreen.model.SafeText.line(s);
        return one.length() > 120 ? one.substring(0, 120) + "…" : one;
    }

    static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
