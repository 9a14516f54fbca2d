package dev.silkscreen.pipeline;

import dev.silkscreen.model.Foundation;
import dev.silkscreen.model.FrameSource;
import dev.silkscreen.model.Journey;
import dev.silkscreen.sim.Scenario;
import dev.silkscreen.sim.ScenarioException;
import dev.silkscreen.sim.ScenarioSpec;
import dev.silkscreen.sim.Scenarios;
import dev.silkscreen.trace.CaptureFileSource;
import dev.silkscreen.trace.JourneyStore;
import dev.silkscreen.trace.TraceSettings;
import dev.silkscreen.trace.Tracer;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * The real pipeline behind the picture. Scenarios: the simulator's frames go through the
 * correlator (the picture never sees the simulator's ground truth). Capture files: the readers'
 * frames, merged in time, go through the same correlator; a {@code *.topology.json} among the
 * files gives app names, tags and rules, else the foundation is inferred from the frames.
 */
public final class PipelineSource implements RunSource {
    /** The journey store's bound, the same as the CLI's: the oldest journeys beyond it are dropped (and the run says so). */
    public static final int MAX_JOURNEYS = TraceSettings.DEFAULT_CAPACITY;
    /** Overlay packets simulated per scenario at most, so a busy scenario stays quick to load. */
    public static final long MAX_PACKETS = 6_000;
    /** The simulator's seed: the same picture every time. */
    public static final long SEED = 1;
    /** The correlator's settings: its own store needs to keep no more than the picture does. */
    public static final TraceSettings TRACE = TraceSettings.defaults();

    @Override
    public List<String> scenarios() {
        return Scenarios.BUILT_IN;
    }

    @Override
    public Run scenario(String name) throws SourceException {
        try {
            return simulate(Scenarios.named(name));
        } catch (ScenarioException e) {
            throw new SourceException(e.getMessage(), e);
        }
    }

    @Override
    public ScenarioSpec spec(String name) throws SourceException {
        try {
            return Scenarios.named(name).spec();
        } catch (ScenarioException e) {
            throw new SourceException(e.getMessage(), e);
        }
    }

    @Override
    public Run simulate(ScenarioSpec spec) throws SourceException {
        try {
            return simulate(new Scenario(spec.name(), spec.description(), spec));
        } catch (ScenarioException e) {
            throw new SourceException(e.getMessage(), e);
        }
    }

    private Run simulate(Scenario scenario) throws SourceException {
        TraceInput input = TraceInput.scenario(scenario, SEED, MAX_PACKETS);
        Foundation f = input.topology();
        JourneyStore journeys = correlate(input.source(), f).journeys();
        String note = journeys.evicted() > 0 ? "only the latest " + MAX_JOURNEYS + " journeys kept" : "";
        return new Run(scenario.name() + (scenario.description() == null ? "" : " — " + scenario.description()),
                Run.Origin.SCENARIO, f, journeys.snapshot(), note);
    }

    @Override
    public Run captures(List<CaptureInput> inputs) throws SourceException {
        Foundation topology = null;
        List<CaptureFileSource> readers = new ArrayList<>();
        for (CaptureInput in : inputs) {
            if (in.file().getFileName().toString().endsWith(".json")) {
                topology = TraceInput.readTopology(in.file());
                continue;
            }
            readers.add(CaptureFileSource.placedByFile(in.file(), in.point()));
        }
        if (readers.isEmpty()) {
            throw new SourceException("no capture file chosen (only a topology)");
        }
        Correlated done = correlate(TraceInput.captures(readers, topology).source(), topology);
        JourneyStore store = done.journeys();
        List<Journey> journeys = store.snapshot();
        List<String> problems = new ArrayList<>();
        if (store.evicted() > 0) {
            problems.add("only the latest " + MAX_JOURNEYS + " journeys kept");
        }
        for (CaptureFileSource s : readers) {
            if (s.problem() != null) {
                problems.add(s.file().getFileName() + ": " + s.problem());
            }
        }
        Foundation f = done.outcome().foundation();
        String title = readers.size() == 1 ? readers.get(0).file().getFileName().toString() : readers.size() + " capture files";
        if (topology != null) {
            title += " with topology " + topology.name();
        }
        return new Run(title, Run.Origin.CAPTURE, f, journeys, String.join("; ", problems));
    }

    /** A finished correlation: the latest {@link #MAX_JOURNEYS} journeys and what the trace learned and counted. */
    private record Correlated(JourneyStore journeys, Tracer.Outcome outcome) {
    }

    /** The latest {@link #MAX_JOURNEYS} journeys of {@code source}, how many older ones were let go, and the foundation traced against. */
    private static Correlated correlate(FrameSource source, Foundation topology) throws SourceException {
        JourneyStore out = new JourneyStore(MAX_JOURNEYS);
        try {
            Tracer.Outcome outcome = Tracer.run(source, topology, TRACE, out::add);
            return new Correlated(out, outcome);
        } catch (IOException e) {
            throw new SourceException(source.describe() + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SourceException("interrupted while reading " + source.describe(), e);
        }
    }
}
