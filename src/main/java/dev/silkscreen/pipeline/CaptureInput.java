package dev.silkscreen.pipeline;

import dev.silkscreen.model.CapturePoint;
import java.nio.file.Path;

/**
 * One capture file to open and, when the file does not name its interfaces as {@code CELL:IFACE},
 * the capture point to assign to its frames (null: use what the file says).
 */
public record CaptureInput(Path file, CapturePoint point) {
}
