package dev.silkscreen.trace;

/**
 * Counts of one correlation run.
 *
 * @param frames          frames accepted
 * @param overlayFrames   frames carrying an overlay (10.255.0.0/16 to 10.255.0.0/16) packet
 * @param ignoredFrames   frames off the c2c path (ARP, IPv6, underlay chatter, masqueraded traffic)
 * @param malformedFrames frames the decoder could not read far enough to use
 * @param journeys        journeys started
 * @param open            journeys still open
 * @param decidedEarly    journeys decided before their window closed because too many were open
 * @param lateSightings   frames of packets whose journey was already decided (a stream's late
 *                        backlog): counted, not started as journeys of their own
 */
public record TraceStats(long frames, long overlayFrames, long ignoredFrames, long malformedFrames,
                         long journeys, long open, long decidedEarly, long lateSightings) {
}
