package dev.silkscreen.model;

import java.util.List;

/**
 * One overlay packet's journey through the eleven steps.
 *
 * @param id        stable identifier within one run (order of first sighting)
 * @param flow      inner 5-tuple
 * @param summary   e.g. "TCP SYN", "ICMP echo request"
 * @param tag       source app tag (GBP / mark), -1 when not known
 * @param srcApp    source app name, null when not known
 * @param dstApp    destination app name, null when not known
 * @param verdict   what became of it
 * @param stage     last step reached, 1-11
 * @param dropStage step at which it died (0 unless dropped)
 * @param dropCell  cell where it died (null unless dropped)
 * @param reason    a sentence a person understands; null when delivered
 * @param hops      sightings in path order
 */
public record Journey(long id, Flow flow, String summary, int tag, String srcApp, String dstApp,
                      Verdict verdict, int stage, int dropStage, String dropCell, String reason,
                      List<Hop> hops) {
}
