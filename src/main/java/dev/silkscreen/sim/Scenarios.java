package dev.silkscreen.sim;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.type.LogicalType;
import dev.silkscreen.model.StrictYaml;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The built-in scenarios (YAML resources beside this class) and user scenario files of the same
 * format ({@code assets/scenarios/example.yaml}).
 */
public final class Scenarios {
    /** Built-in scenario names, in the order {@code silkscreen scenarios} lists them. */
    public static final List<String> BUILT_IN = List.of("seed", "no-policy", "wrong-port", "wrong-tag", "same-cell", "stale-fdb", "no-route", "mtu", "cell-down",
            "underlay-mtu", "vxlan-blocked", "reply-lost", "conntrack-full", "policy-lag", "busy", "meow");

    /**
     * Strict binding: unknown fields, duplicate keys, a fraction for a whole number ({@code count: 2.7})
     * and text for a number ({@code count: "1e6"}) are refused, never rounded or guessed.
     */
    private static final ObjectMapper YAML = strictMapper();

    private static ObjectMapper strictMapper() {
        ObjectMapper m = new ObjectMapper(StrictYaml.factory())
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT);
        m.coercionConfigFor(LogicalType.Integer).setCoercion(CoercionInputShape.String, CoercionAction.Fail);
        m.coercionConfigFor(LogicalType.Float).setCoercion(CoercionInputShape.String, CoercionAction.Fail);
        m.coercionConfigFor(LogicalType.Boolean).setCoercion(CoercionInputShape.String, CoercionAction.Fail);
        return m;
    }

    private Scenarios() {
    }

    public static List<Scenario> builtIn() {
        List<Scenario> list = new ArrayList<>();
        for (String n : BUILT_IN) {
            list.add(named(n));
        }
        return list;
    }

    /** A built-in scenario by name; {@link ScenarioException} when there is none. */
    public static Scenario named(String name) {
        if (!BUILT_IN.contains(name)) {
            throw new ScenarioException("unknown scenario " + name + " (built in: " + String.join(", ", BUILT_IN) + ")");
        }
        try (InputStream in = Scenarios.class.getResourceAsStream("scenarios/" + name + ".yaml")) {
            if (in == null) {
                throw new ScenarioException("built-in scenario " + name + " is missing from the program");
            }
            return parse(in, name);
        } catch (IOException e) {
            throw new ScenarioException("cannot read built-in scenario " + name + ": " + e.getMessage(), e);
        }
    }

    /** A built-in name, or else a YAML file path. */
    public static Scenario resolve(String nameOrFile) {
        if (BUILT_IN.contains(nameOrFile)) {
            return named(nameOrFile);
        }
        Path p = Path.of(nameOrFile);
        if (!Files.isRegularFile(p)) {
            throw new ScenarioException("unknown scenario " + nameOrFile + " (not a built-in name: "
                    + String.join(", ", BUILT_IN) + "; not a file)");
        }
        String fallback = p.getFileName().toString().replaceFirst("\\.ya?ml$", "");
        try {
            if (Files.size(p) > StrictYaml.MAX_BYTES) {
                throw new ScenarioException("bad scenario " + fallback + ": larger than " + (StrictYaml.MAX_BYTES >> 10)
                        + " KiB; a scenario is a few kB");
            }
        } catch (IOException e) {
            throw new ScenarioException("cannot read " + nameOrFile + ": " + e.getMessage(), e);
        }
        try (InputStream in = Files.newInputStream(p)) {
            return parse(in, fallback);
        } catch (IOException e) {
            throw new ScenarioException("cannot read " + nameOrFile + ": " + e.getMessage(), e);
        }
    }

    /** Parses scenario YAML; {@code fallbackName} names it when the file does not. */
    public static Scenario parse(InputStream in, String fallbackName) {
        ScenarioSpec spec;
        try {
            byte[] yaml = StrictYaml.readBounded(in);
            StrictYaml.check(yaml);
            spec = YAML.readValue(yaml, ScenarioSpec.class);
        } catch (IllegalArgumentException e) {
            throw new ScenarioException("bad scenario " + fallbackName + ": " + e.getMessage());
        } catch (UnrecognizedPropertyException e) {
            throw new ScenarioException("bad scenario " + fallbackName + ": unknown field \"" + e.getPropertyName()
                    + "\"" + location(e));
        } catch (JsonMappingException e) {
            throw new ScenarioException("bad scenario " + fallbackName + ": " + field(e) + plain(e.getOriginalMessage()) + location(e));
        } catch (JsonProcessingException e) {
            throw new ScenarioException("bad scenario " + fallbackName + ": " + plain(e.getOriginalMessage()) + location(e));
        } catch (IOException e) {
            throw new ScenarioException("cannot read scenario " + fallbackName + ": " + e.getMessage(), e);
        }
        if (spec == null) {
            throw new ScenarioException("bad scenario " + fallbackName + ": the file is empty");
        }
        String name = spec.name() != null ? spec.name() : fallbackName;
        if (!name.matches("[A-Za-z0-9._-]+")) {
            throw new ScenarioException("bad scenario name \"" + name + "\": use letters, digits, '.', '_' and '-'");
        }
        ScenarioSpec named = new ScenarioSpec(name, spec.description(), spec.duration(), spec.cells(), spec.apps(),
                spec.instances(), spec.policies(), spec.faults(), spec.traffic(), spec.random());
        // Build once to report an inconsistent foundation now, not in the middle of a run.
        ScenarioSpec expanded = TrafficPlan.expand(named, 1);
        TrafficPlan.check(expanded, SilkFoundation.build(expanded, 1));
        return new Scenario(name, spec.description() == null ? "" : spec.description(), named);
    }

    /** "traffic[0].count: " for the value a binding error is about. */
    private static String field(JsonMappingException e) {
        StringBuilder sb = new StringBuilder();
        for (JsonMappingException.Reference r : e.getPath()) {
            if (r.getFieldName() != null) {
                sb.append(sb.length() == 0 ? "" : ".").append(r.getFieldName());
            } else if (r.getIndex() >= 0) {
                sb.append('[').append(r.getIndex()).append(']');
            }
        }
        return sb.length() == 0 ? "" : sb.append(": ").toString();
    }

    /** Jackson's first line without its advice to programmers ("but could if coercion was enabled..."). */
    private static String plain(String message) {
        String first = message == null ? "" : message.lines().findFirst().orElse("");
        int advice = first.indexOf(" (but could if");
        if (advice < 0) {
            advice = first.indexOf(" (set DeserializationConfig");
        }
        return advice < 0 ? first : first.substring(0, advice);
    }

    private static String location(JsonProcessingException e) {
        return e.getLocation() == null ? "" : " (line " + e.getLocation().getLineNr() + ")";
    }
}
