package dev.silkscreen.sim;

import dev.silkscreen.model.Flow;
import dev.silkscreen.model.Verdict;

/**
 * What really happened to one overlay packet, recorded by the simulator apart from the frames.
 * The correlator never reads this; its tests compare their journeys with it by
 * ({@code flow}, {@code ipId}, {@code seq}).
 *
 * @param flow        the inner 5-tuple (ports 0 for ICMP)
 * @param ipId        inner IPv4 identification
 * @param seq         TCP sequence number (unsigned 32-bit), -1 when not TCP
 * @param summary     e.g. {@code TCP SYN}, {@code TCP PSH-ACK 312 bytes}, {@code ICMP port unreachable}
 * @param verdict     {@link Verdict#DELIVERED} or {@link Verdict#DROPPED}
 * @param lastStage   the last of the eleven steps it reached (1-11); for a drop, the step it died in
 * @param dropStage   the step at which it died, 0 when delivered
 * @param dropCell    the cell where it died, null when delivered
 * @param reason      why it died (a sentence), null when delivered
 * @param sentAtNanos when it left the sender (true time, ns since the epoch; capture clocks may differ)
 * @param srcCell     the cell it was sent from
 */
public record PacketTruth(Flow flow, int ipId, long seq, String summary, Verdict verdict, int lastStage,
                          int dropStage, String dropCell, String reason, long sentAtNanos, String srcCell) {
}
