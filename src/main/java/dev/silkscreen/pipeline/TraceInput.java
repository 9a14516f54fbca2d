package dev.silkscreen.pipeline;

import dev.silkscreen.model.Foundation;
import dev.silkscreen.model.FrameSource;
import dev.silkscreen.model.TopologyJson;
import dev.silkscreen.sim.Scenario;
import dev.silkscreen.trace.CaptureFileSource;
import dev.silkscreen.trace.TimeMergedSource;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * What a trace reads — the frames and the topology they come with — made one way for
 * {@code silkscreen trace} and the desktop program: a simulated scenario (its own foundation as
 * the topology) or capture files merged in time (a topology only when one is given).
 *
 * @param source   the frames, in time order
 * @param topology the foundation the frames belong to, or null when it must be learned from them
 * @param readers  the capture-file readers (empty for a scenario), to report their problems after
 */
public record TraceInput(FrameSource source, Foundation topology, List<CaptureFileSource> readers) {

    public TraceInput {
        readers = List.copyOf(readers);
    }

    /** The simulator's frames of {@code scenario} ({@code packets} at most, 0: its own plan). */
    public static TraceInput scenario(Scenario scenario, long seed, long packets) {
        ScenarioSource sim = new ScenarioSource(scenario, seed, packets, null);
        return new TraceInput(sim, sim.foundation(), List.of());
    }

    /**
     * Capture files merged in time; standard input ({@code -}) at most once, every other file must exist.
     *
     * @throws SourceException naming the file that cannot be used
     */
    public static TraceInput captures(List<CaptureFileSource> files, Foundation topology) throws SourceException {
        if (files.isEmpty()) {
            throw new SourceException("no capture file given");
        }
        if (files.stream().filter(CaptureFileSource::isStdin).count() > 1) {
            throw new SourceException("standard input (-) can be read only once");
        }
        for (CaptureFileSource s : files) {
            if (!s.isStdin() && !Files.isRegularFile(s.file())) {
                throw new SourceException(s.file() + ": no such file");
            }
        }
        return new TraceInput(new TimeMergedSource(List.copyOf(files)), topology, files);
    }

    /** A {@code *.topology.json}; the message names the file and why it cannot be read. */
    public static Foundation readTopology(Path file) throws SourceException {
        try (InputStream in = Files.newInputStream(file)) {
            return TopologyJson.read(in);
        } catch (IOException e) {
            throw new SourceException(file + ": cannot read it (" + IoReasons.of(e) + ")", e);
        } catch (IllegalArgumentException e) {
            throw new SourceException(file + ": " + e.getMessage(), e);
        }
    }
}
