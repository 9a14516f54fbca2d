package dev.silkscreen.model;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import java.io.IOException;
import java.io.InputStream;
import java.util.regex.Pattern;

/**
 * The YAML Silkscreen reads (scenarios, profiles) is a plain subset, checked before it is bound:
 * at most {@link #MAX_BYTES} (refused by size before any parsing), no anchors or aliases
 * ({@code &a}, {@code *a}: an alias would otherwise be read as the plain string "a"), no key
 * twice in one mapping (the last one would silently win), and integers written in decimal only
 * ({@code 0x16}, {@code 0o26}, {@code 1_000} are refused rather than read as 22, 22, 1000).
 * Problems are {@link IllegalArgumentException}s whose one-line message says where.
 */
public final class StrictYaml {
    /** 1 MiB: the largest built-in scenario is under 2 kB, a profile of 1000 cells about 100 kB. */
    public static final int MAX_BYTES = 1 << 20;
    private static final Pattern DECIMAL_INT = Pattern.compile("[-+]?(0|[1-9][0-9]*)");
    private static final Pattern DECIMAL_FLOAT = Pattern.compile("[-+]?([0-9]+(\\.[0-9]*)?|\\.[0-9]+)([eE][-+]?[0-9]+)?");
    private static final YAMLFactory FACTORY = YAMLFactory.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).build();

    private StrictYaml() {
    }

    /** The factory to bind checked YAML with (duplicate keys refused here too). */
    public static YAMLFactory factory() {
        return FACTORY;
    }

    /** Reads at most {@link #MAX_BYTES} bytes; more is refused without being parsed. */
    public static byte[] readBounded(InputStream in) throws IOException {
        byte[] bytes = in.readNBytes(MAX_BYTES + 1);
        if (bytes.length > MAX_BYTES) {
            throw new IllegalArgumentException("larger than " + (MAX_BYTES >> 10) + " KiB; a scenario or profile is a few kB");
        }
        return bytes;
    }

    /** Checks the rules above over the whole document; throws {@link IllegalArgumentException}. */
    public static void check(byte[] yaml) {
        if (yaml.length > MAX_BYTES) {
            throw new IllegalArgumentException("larger than " + (MAX_BYTES >> 10) + " KiB; a scenario or profile is a few kB");
        }
        try (JsonParser p = FACTORY.createParser(yaml)) {
            YAMLParser y = (YAMLParser) p;
            JsonToken t;
            while ((t = p.nextToken()) != null) {
                if (y.isCurrentAlias() || y.getCurrentAnchor() != null) {
                    throw problem("YAML anchors and aliases (&name, *name) are not supported; write the value out", p);
                }
                if (t == JsonToken.VALUE_NUMBER_INT && !DECIMAL_INT.matcher(p.getText()).matches()) {
                    throw problem("write numbers in decimal, not " + SafeText.line(p.getText()), p);
                }
                if (t == JsonToken.VALUE_NUMBER_FLOAT && !DECIMAL_FLOAT.matcher(p.getText()).matches()) {
                    throw problem("not a plain number: " + SafeText.line(p.getText()), p);
                }
            }
        } catch (JsonProcessingException e) {
            String first = e.getOriginalMessage() == null ? "not valid YAML" : e.getOriginalMessage().lines().findFirst().orElse("");
            throw new IllegalArgumentException(first + at(e.getLocation()), e);
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read: " + e.getMessage(), e);
        }
    }

    private static IllegalArgumentException problem(String message, JsonParser p) {
        return new IllegalArgumentException(message + at(p.currentTokenLocation()));
    }

    static String at(JsonLocation l) {
        return l == null || l.getLineNr() <= 0 ? "" : " (line " + l.getLineNr() + ")";
    }
}
