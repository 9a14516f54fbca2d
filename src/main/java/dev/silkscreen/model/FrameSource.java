package dev.silkscreen.model;

import java.io.IOException;

/**
 * Where frames come from: capture files, the simulator, live streams from cells. A source pushes
 * its frames (per point in capture order) and says which points it captured, then returns.
 */
public interface FrameSource {

    /** What this source is, for messages ("cell1:eth0 from a.pcapng", "scenario seed"). */
    String describe();

    /**
     * Pushes every frame into {@code sink}, announcing each captured point with
     * {@link CaptureSink#opened} before its frames and {@link CaptureSink#closed} after them.
     * A source that fails part way keeps what it delivered and throws with a readable message.
     */
    void run(CaptureSink sink) throws IOException, InterruptedException;
}
