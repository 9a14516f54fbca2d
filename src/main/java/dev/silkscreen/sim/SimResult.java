package dev.silkscreen.sim;

import dev.silkscreen.model.Foundation;
import dev.silkscreen.model.Frame;
import java.util.List;

/**
 * One simulation: the foundation it ran on, the frames every capture point saw (in time order)
 * and the ground truth per overlay packet (in send order).
 */
public record SimResult(Foundation foundation, List<Frame> frames, List<PacketTruth> truth) {
}
