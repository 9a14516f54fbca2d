package dev.silkscreen.trace;

import dev.silkscreen.model.PointKind;
import dev.silkscreen.model.Stage;
import java.util.List;

/**
 * Which open journeys are already decided, so a live trace can give their verdict at once instead
 * of after the window: a journey is <em>settled</em> when nothing still to come can change its
 * verdict or its path, namely
 * <ul>
 *   <li>it was seen at its destination container's veth (delivered), or an ICMP error quoting it
 *       says what became of it (rejected by policy, too big, no route, TTL; or the destination
 *       itself answered: delivered); and</li>
 *   <li>it was seen, whole, at every captured point of its path up to there: every byte range of
 *       an offloaded (GSO/GRO) TCP frame at each point, so no segment of it is still to come.</li>
 * </ul>
 * A point of the path that is captured but did not see the packet (yet) keeps the journey open:
 * its frame may still come over a slower stream, and a silent loss is only known when the window
 * has passed. Only consulted for live sources; a capture file is decided by its window as before.
 */
final class EarlyVerdicts {
    private final Placement place;
    private final Judge judge;

    EarlyVerdicts(Topology topo, Judge judge) {
        this.place = new Placement(topo);
        this.judge = judge;
    }

    /**
     * Cheap first look, after each sighting: true when the journey may be settled (it has reached
     * its destination's veth, or ICMP errors about its flow are on file).
     */
    static boolean worthChecking(OpenJourney j, List<IcmpEvidence> evidence) {
        if (evidence != null) {
            return true;
        }
        for (int i = j.sightings.size() - 1; i >= 0; i--) {
            PointState p = j.sightings.get(i).point;
            if (p.kind == PointKind.CONTAINER_VETH && p.vethIp == j.key.dst()) {
                return true;
            }
        }
        return false;
    }

    /** True when {@code j}'s verdict is known and every captured point of its path has seen all of it. */
    boolean settled(OpenJourney j, List<IcmpEvidence> evidence) {
        if (j.absorbed || j.hi == OpenJourney.UNKNOWN_END || j.sightings.isEmpty()) {
            return false;
        }
        String srcCell = place.sourceCell(j);
        String dstCell = place.destinationCell(j);
        List<PathStep> path = place.path(j.key, srcCell, dstCell);
        int through = seenThrough(j, path, evidence, srcCell, dstCell);
        if (through == 0) {
            return false;
        }
        boolean any = false;
        for (PathStep step : path) {
            if (step.stage().number() > through) {
                break;
            }
            PointState ps = place.pointFor(step);
            if (ps == null) {
                continue; // not captured: nothing can come from there
            }
            if (!wholeAt(j, ps)) {
                return false;
            }
            any = true;
        }
        return any;
    }

    /**
     * The last step the journey must have been seen at for its verdict to be final: the
     * destination veth when it got there (or the destination answered), the source cell's veth or
     * the destination cell's silk-vtep when that cell's ICMP error says it died after; 0 when its
     * fate is not known yet.
     */
    private int seenThrough(OpenJourney j, List<PathStep> path, List<IcmpEvidence> evidence, String srcCell, String dstCell) {
        PathStep last = path.isEmpty() ? null : path.get(path.size() - 1);
        if (last != null && last.kind() == PointKind.CONTAINER_VETH && last.stage() == Stage.DELIVER) {
            PointState dst = place.pointFor(last);
            if (dst != null && wholeAt(j, dst)) {
                return Stage.DELIVER.number();
            }
        }
        IcmpEvidence ev = evidence == null ? null : judge.evidenceFor(j, evidence);
        if (ev == null || !(ev.isReject() || ev.isFragNeeded() || ev.isTimeExceeded() || ev.isNoRoute())) {
            return 0;
        }
        if (ev.isReject() && ev.from() == j.key.dst()) {
            return last == null ? 0 : last.stage().number(); // the destination itself answered: it got there
        }
        String cell = judge.evidenceCell(j, ev);
        if (cell == null) {
            return 0; // nothing says which cell made it: wait for the window
        }
        if (cell.equals(dstCell)) {
            return Stage.DECAPSULATE.number();
        }
        if (cell.equals(srcCell)) {
            return Stage.VETH_OUT.number();
        }
        return 0;
    }

    /** Seen at {@code ps}: every byte of a TCP range, or at all for a packet with no range. */
    private static boolean wholeAt(OpenJourney j, PointState ps) {
        return j.ranged() ? j.coveredAt(ps) >= j.hi - j.lo : j.seenAt(ps);
    }
}
