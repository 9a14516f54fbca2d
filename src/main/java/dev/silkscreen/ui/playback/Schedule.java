package dev.silkscreen.ui.playback;

import dev.silkscreen.model.Journey;
import dev.silkscreen.model.Verdict;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * Places every journey on one playback timeline measured in <em>steps</em>. Within a journey each
 * step takes one unit, whatever its real duration, so the lesson reads evenly; journeys start in
 * the order and at the spacing of their real first sightings, with one step standing for the
 * typical real time of a step ({@link #stepNanos()}). Idle gaps longer than {@link #MAX_GAP}
 * steps are shortened so playback never waits on silence.
 */
public final class Schedule {
    /** Longest idle stretch kept between two journey starts, in steps. */
    public static final double MAX_GAP = 12;
    /** How long a delivered packet stays visible after its last step. */
    public static final double DELIVERED_TAIL = 0.8;
    /** How long a dropped packet stays visible (with its reason) after its last step. */
    public static final double DROPPED_TAIL = 3.0;
    private static final long MIN_STEP_NANOS = 1_000;

    private final List<Journey> journeys;
    private final double[] starts;
    private final double stepNanos;
    private final double end;
    private final double longest;

    public Schedule(List<Journey> input) {
        List<Journey> sorted = new ArrayList<>(input);
        sorted.sort(Comparator.comparingLong(Schedule::firstTime).thenComparingLong(Journey::id));
        this.journeys = List.copyOf(sorted);
        // starts stay in the order of the list (never decreasing), so lookups can binary-search
        this.stepNanos = typicalStepNanos(sorted);
        this.starts = new double[sorted.size()];
        double v = 0;
        double last = 0;
        double maxExtent = 0;
        java.util.Map<String, Integer> lastOfConversation = new java.util.HashMap<>();
        java.util.Map<String, Integer> lastRejectedFrom = new java.util.HashMap<>();
        for (int i = 0; i < sorted.size(); i++) {
            Journey j = sorted.get(i);
            if (i > 0) {
                double gap = (firstTime(j) - firstTime(sorted.get(i - 1))) / stepNanos;
                v += Math.min(Math.max(gap, 0), MAX_GAP);
            }
            Integer prev = lastOfConversation.put(conversation(j), i);
            if (prev != null && !sameDirection(sorted.get(prev), j)) {
                // a reply cannot leave before what it answers has arrived
                v = Math.max(v, starts[prev] + lastStep(sorted.get(prev)));
            }
            Integer rejected = isIcmpError(j) ? lastRejectedFrom.get(j.flow().dst()) : null;
            if (rejected != null) {
                // the ICMP error leaves the rejecting gate once the rejection has happened
                v = Math.max(v, starts[rejected] + lastStep(sorted.get(rejected)));
            }
            if (j.verdict() == Verdict.DROPPED && j.dropStage() == 10) {
                lastRejectedFrom.put(j.flow().src(), i);
            }
            starts[i] = v;
            double extent = extent(sorted.get(i));
            maxExtent = Math.max(maxExtent, extent);
            last = Math.max(last, v + extent);
        }
        this.end = last;
        this.longest = maxExtent;
    }

    /** The two ends of a journey's flow, in a fixed order: both directions share it. */
    static String conversation(Journey j) {
        String a = j.flow().src() + ":" + j.flow().sport();
        String b = j.flow().dst() + ":" + j.flow().dport();
        return (a.compareTo(b) <= 0 ? a + "|" + b : b + "|" + a) + "|" + j.flow().proto();
    }

    /** An ICMP error such as the port-unreachable silk's REJECT sends back. */
    public static boolean isIcmpError(Journey j) {
        return "icmp".equalsIgnoreCase(j.flow().proto()) && j.summary() != null
                && j.summary().toLowerCase(java.util.Locale.ROOT).contains("unreachable");
    }

    private static boolean sameDirection(Journey a, Journey b) {
        return a.flow().src().equals(b.flow().src()) && a.flow().sport() == b.flow().sport();
    }

    private static long firstTime(Journey j) {
        return j.hops().isEmpty() ? 0 : j.hops().get(0).timeNanos();
    }

    /** Median real time per step over the journeys that show any spread in time. */
    private static double typicalStepNanos(List<Journey> js) {
        double[] per = js.stream().filter(j -> j.hops().size() >= 2).mapToDouble(j -> {
            long span = j.hops().get(j.hops().size() - 1).timeNanos() - j.hops().get(0).timeNanos();
            int steps = Math.max(1, j.hops().get(j.hops().size() - 1).stage() - j.hops().get(0).stage());
            return (double) span / steps;
        }).filter(d -> d > 0).sorted().toArray();
        if (per.length == 0) {
            return 100_000;
        }
        return Math.max(MIN_STEP_NANOS, per[per.length / 2]);
    }

    /** The last step a journey reaches (where it was delivered, dropped or last seen). */
    public static int lastStep(Journey j) {
        if (j.verdict() == Verdict.DROPPED && j.dropStage() > 0) {
            return Math.min(11, j.dropStage());
        }
        if (j.verdict() == Verdict.DELIVERED) {
            return 11;
        }
        return Math.max(1, Math.min(11, j.stage()));
    }

    /** How many steps a journey stays on screen: its steps plus the tail showing its end. */
    public static double extent(Journey j) {
        return lastStep(j) + (j.verdict() == Verdict.DROPPED ? DROPPED_TAIL : DELIVERED_TAIL);
    }

    public List<Journey> journeys() {
        return journeys;
    }

    public int size() {
        return journeys.size();
    }

    public Journey journey(int index) {
        return journeys.get(index);
    }

    /** Virtual start of journey {@code index}, in steps from the beginning. */
    public double start(int index) {
        return starts[index];
    }

    /** Position at which every journey has finished. */
    public double end() {
        return end;
    }

    /** Real nanoseconds one step stands for. */
    public double stepNanos() {
        return stepNanos;
    }

    public int indexOf(Journey j) {
        return journeys.indexOf(j);
    }

    /** Index of the first journey whose start lies after {@code pos} (binary search). */
    public int firstStartingAfter(double pos) {
        int i = Arrays.binarySearch(starts, pos);
        if (i < 0) {
            return -i - 1;
        }
        while (i < starts.length && starts[i] <= pos) {
            i++;
        }
        return i;
    }

    /** Index of the first journey that may still be on screen at {@code pos}. */
    public int firstVisibleAt(double pos) {
        double from = pos - longest;
        int i = Arrays.binarySearch(starts, from);
        i = i < 0 ? -i - 1 : i;
        while (i > 0 && starts[i - 1] >= from) {
            i--;
        }
        return i;
    }
}
