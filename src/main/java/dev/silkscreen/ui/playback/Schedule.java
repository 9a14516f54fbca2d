package dev.silkscreen.ui.playback;

import dev.silkscreen.model.Journey;
import dev.silkscreen.model.Verdict;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * Places every journey on one playback timeline measured in <em>steps</em>. Within a journey each
 * step takes one unit, whatever its real duration, so the lesson reads evenly. Journeys start in
 * the order of their real first sightings, spaced in proportion to the real spacing, scaled so the
 * long gaps (new conversations) are about one step: busy traffic overlaps on screen. A reply never
 * leaves before its request arrived, nor an ICMP error before the rejection it reports. Gaps are
 * capped at {@link #MAX_GAP} steps, and after a real pause of {@link #SILENCE_NANOS} the next burst
 * starts once the previous one has finished, so playback never waits on silence and bursts never
 * mix. {@link #stepNanos()} is the typical real time of one step.
 */
public final class Schedule {
    /** Longest idle stretch kept between two journey starts, in steps. */
    public static final double MAX_GAP = 12;
    /** How long a delivered packet stays visible after its last step. */
    public static final double DELIVERED_TAIL = 0.8;
    /** How long a dropped packet stays visible (with its reason) after its last step. */
    public static final double DROPPED_TAIL = 3.0;
    private static final long MIN_STEP_NANOS = 1_000;
    /** Spacing of packets that follow each other in one conversation, in steps (a train, not a pile). */
    static final double TYPICAL_GAP_STEPS = 0.4;
    /** A pause this long (real time) ends a burst: what follows starts once everything before has finished. */
    static final long SILENCE_NANOS = 50_000_000L;

    private final List<Journey> journeys;
    private final double[] starts;
    private final double stepNanos;
    private final double gapNanos;
    private final double end;
    private final double longest;

    public Schedule(List<Journey> input) {
        List<Journey> sorted = new ArrayList<>(input);
        sorted.sort(Comparator.comparingLong(Schedule::firstTime).thenComparingLong(Journey::id));
        this.stepNanos = typicalStepNanos(sorted);
        this.gapNanos = Math.max(stepNanos, longGapNanos(sorted));
        double[] at = new double[sorted.size()];
        double base = 0;
        double last = 0;
        double maxExtent = 0;
        java.util.Map<String, Integer> lastOfConversation = new java.util.HashMap<>();
        java.util.Map<String, Integer> lastRejectedFrom = new java.util.HashMap<>();
        for (int i = 0; i < sorted.size(); i++) {
            Journey j = sorted.get(i);
            if (i > 0) {
                long real = firstTime(j) - firstTime(sorted.get(i - 1));
                double gap = Math.max(0, real / gapNanos);
                base += Math.min(gap, MAX_GAP);
                if (real >= SILENCE_NANOS) {
                    // after a silence, start clean: everything before has finished
                    base = Math.max(base, last);
                }
            }
            double v = base;
            Integer prev = lastOfConversation.put(conversation(j), i);
            if (prev != null) {
                // a reply cannot leave before what it answers has arrived; a conversation keeps its order
                v = Math.max(v, sameDirection(sorted.get(prev), j) ? at[prev] + TYPICAL_GAP_STEPS
                        : at[prev] + lastStep(sorted.get(prev)));
            }
            Integer rejected = isIcmpError(j) ? lastRejectedFrom.get(j.flow().dst()) : null;
            if (rejected != null) {
                // the ICMP error leaves the rejecting gate once the rejection has happened
                v = Math.max(v, at[rejected] + lastStep(sorted.get(rejected)));
            }
            if (j.verdict() == Verdict.DROPPED && j.dropStage() > 0) {
                lastRejectedFrom.put(j.flow().src(), i);
            }
            at[i] = v;
            double extent = extent(j);
            maxExtent = Math.max(maxExtent, extent);
            last = Math.max(last, v + extent);
        }
        // starts are kept in increasing order, with the journeys in the same order, so lookups binary-search
        Integer[] order = new Integer[sorted.size()];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        Arrays.sort(order, Comparator.comparingDouble(i -> at[i]));
        List<Journey> placed = new ArrayList<>(order.length);
        this.starts = new double[order.length];
        for (int k = 0; k < order.length; k++) {
            placed.add(sorted.get(order[k]));
            starts[k] = at[order[k]];
        }
        this.journeys = List.copyOf(placed);
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
                && (j.summary().toLowerCase(java.util.Locale.ROOT).contains("unreachable")
                || j.summary().toLowerCase(java.util.Locale.ROOT).contains("fragmentation needed"));
    }

    private static boolean sameDirection(Journey a, Journey b) {
        return a.flow().src().equals(b.flow().src()) && a.flow().sport() == b.flow().sport();
    }

    private static long firstTime(Journey j) {
        return j.hops().isEmpty() ? 0 : j.hops().get(0).timeNanos();
    }

    /**
     * The long gaps between journeys (the 90th percentile of the real time between consecutive first
     * sightings) become one step: new conversations follow each other closely and busy traffic
     * overlaps on screen, while packets of one conversation keep their causal order.
     */
    private static double longGapNanos(List<Journey> sorted) {
        if (sorted.size() < 2) {
            return 0;
        }
        double[] gaps = new double[sorted.size() - 1];
        for (int i = 1; i < sorted.size(); i++) {
            gaps[i - 1] = Math.max(0, firstTime(sorted.get(i)) - firstTime(sorted.get(i - 1)));
        }
        Arrays.sort(gaps);
        return gaps[(int) (gaps.length * 0.9)];
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
