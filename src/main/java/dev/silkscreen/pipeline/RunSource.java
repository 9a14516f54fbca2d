package dev.silkscreen.pipeline;

import dev.silkscreen.sim.ScenarioSpec;
import java.util.List;

/**
 * Where runs come from: simulated scenarios (simulator → frames → correlator) and capture files
 * (readers → correlator). Called off the FX thread; each method does all its I/O and returns a
 * finished {@link Run} or throws {@link SourceException} with a sentence for people.
 */
public interface RunSource {
    /** Names of the built-in scenarios, {@code seed} first. */
    List<String> scenarios();

    /** Simulates scenario {@code name} and correlates its frames. */
    Run scenario(String name) throws SourceException;

    /** The written form of scenario {@code name}, for the editor. */
    ScenarioSpec spec(String name) throws SourceException;

    /** Simulates an edited scenario and correlates its frames. */
    Run simulate(ScenarioSpec spec) throws SourceException;

    /** Reads capture files (several at once) and correlates their frames. */
    Run captures(List<CaptureInput> inputs) throws SourceException;
}
