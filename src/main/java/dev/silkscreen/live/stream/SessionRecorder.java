package dev.silkscreen.live.stream;

import dev.silkscreen.capture.PcapngWriter;
import dev.silkscreen.model.Foundation;
import dev.silkscreen.model.Frame;
import dev.silkscreen.model.FrameSink;
import dev.silkscreen.model.TopologyJson;
import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * Records a live session for replay: frames to pcapng (one interface per capture point, named
 * {@code CELL:IFACE}), and the discovered topology to {@code NAME.topology.json} next to it,
 * rewritten whenever discovery changes it. Frames are flushed as they come, so what was captured
 * survives a crash.
 */
public final class SessionRecorder implements FrameSink, Closeable {
    private final PcapngWriter writer;
    private final Path topologyFile;

    public SessionRecorder(Path pcapng, String note, int snapLength) throws IOException {
        OutputStream out = Files.newOutputStream(pcapng);
        this.writer = new PcapngWriter(out, note, snapLength);
        this.topologyFile = topologyFileFor(pcapng);
    }

    /** {@code x.pcapng} → {@code x.topology.json}. */
    public static Path topologyFileFor(Path pcapng) {
        String name = pcapng.getFileName().toString();
        String base = name.endsWith(".pcapng") ? name.substring(0, name.length() - ".pcapng".length()) : name;
        return pcapng.resolveSibling(base + ".topology.json");
    }

    public Path topologyFile() {
        return topologyFile;
    }

    @Override
    public synchronized void accept(Frame frame) {
        writer.accept(frame);
        writer.flush();
    }

    /** Writes the topology (atomically replacing the previous one). */
    public synchronized void topology(Foundation foundation) throws IOException {
        Path tmp = topologyFile.resolveSibling(topologyFile.getFileName() + ".tmp");
        try (OutputStream out = Files.newOutputStream(tmp)) {
            TopologyJson.write(foundation, out);
        }
        Files.move(tmp, topologyFile, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    /**
     * A listener that records each discovered topology beside the frames and then tells
     * {@code next}; a topology that cannot be written is a warning, never the end of the capture.
     */
    public LiveListener recordingTopology(LiveListener next) {
        return new ForwardingListener(next) {
            @Override
            public void topology(Foundation foundation) {
                try {
                    SessionRecorder.this.topology(foundation);
                } catch (IOException e) {
                    next.warning("the topology could not be recorded: " + e.getMessage());
                }
                next.topology(foundation);
            }
        };
    }

    public synchronized long framesWritten() {
        return writer.framesWritten();
    }

    @Override
    public synchronized void close() throws IOException {
        writer.close();
    }
}
