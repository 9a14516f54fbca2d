package dev.silkscreen.sim;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
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
    public static final List<String> BUILT_IN = List.of("seed", "no-policy", "wrong-port", "wrong-tag", "same-cell", "stale-fdb", "no-route", "mtu", "cell-down", "busy", "meow");

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory())
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

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
            spec = YAML.readValue(in, ScenarioSpec.class);
        } catch (UnrecognizedPropertyException e) {
            throw new ScenarioException("bad scenario " + fallbackName + ": unknown field \"" + e.getPropertyName()
                    + "\"" + location(e));
        } catch (JsonProcessingException e) {
            throw new ScenarioException("bad scenario " + fallbackName + ": " + e.getOriginalMessage().lines().findFirst().orElse("")
                    + location(e));
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
        SilkFoundation.build(TrafficPlan.expand(named, 1), 1);
        return new Scenario(name, spec.description() == null ? "" : spec.description(), named);
    }

    private static String location(JsonProcessingException e) {
        return e.getLocation() == null ? "" : " (line " + e.getLocation().getLineNr() + ")";
    }
}
