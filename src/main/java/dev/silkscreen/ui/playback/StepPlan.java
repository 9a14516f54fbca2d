package dev.silkscreen.ui.playback;

import dev.silkscreen.model.Foundation;
import dev.silkscreen.model.Instance;
import dev.silkscreen.model.Journey;
import dev.silkscreen.model.Verdict;
import java.util.Optional;

/**
 * Which of the eleven steps one journey takes: a same-cell packet is never encapsulated, so it
 * skips steps 4-9 (with why); a dropped packet never reaches the steps after its drop. The caption,
 * the step dots, the step panel and the keys all read it, so they agree on the followed packet.
 */
public final class StepPlan {
    /** A step's state for the followed packet. */
    public enum State {
        DONE, CURRENT, TO_COME, SKIPPED, NOT_REACHED;

        /** The word used in descriptions and style classes, e.g. {@code not-reached}. */
        public String word() {
            return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
        }
    }

    public static final int FIRST_SKIPPED = 4;
    public static final int LAST_SKIPPED = 9;

    private final int last;
    private final boolean dropped;
    private final String skipWhy;

    private StepPlan(int last, boolean dropped, String skipWhy) {
        this.last = last;
        this.dropped = dropped;
        this.skipWhy = skipWhy;
    }

    /** Every step, nothing skipped (no journey). */
    public static final StepPlan ALL = new StepPlan(11, false, null);

    /** The plan of {@code j} on {@code f} (f may be null: nothing is known to be skipped). */
    public static StepPlan of(Journey j, Foundation f) {
        if (j == null) {
            return ALL;
        }
        String why = null;
        if (f != null && j.flow() != null) {
            Optional<Instance> src = f.instanceByIp(j.flow().src());
            Optional<Instance> dst = f.instanceByIp(j.flow().dst());
            if (src.isPresent() && dst.isPresent() && src.get().cell().equals(dst.get().cell())) {
                why = "not encapsulated: both containers on " + src.get().cell();
            }
        }
        boolean dropped = j.verdict() != Verdict.DELIVERED;
        int last = Schedule.lastStep(j);
        return new StepPlan(last, dropped, why);
    }

    /** The last step the packet reaches (its verdict's step). */
    public int last() {
        return last;
    }

    public boolean skipped(int step) {
        return skipWhy != null && step >= FIRST_SKIPPED && step <= LAST_SKIPPED;
    }

    /** Why a skipped step is skipped, or null. */
    public String skipWhy() {
        return skipWhy;
    }

    /** True for the steps after a drop. */
    public boolean notReached(int step) {
        return dropped && step > last;
    }

    /** The step shown for a raw position in steps: clamped to the verdict, skipped steps shown as the one before. */
    public int shown(int raw) {
        int s = Math.max(1, Math.min(last, raw));
        while (skipped(s) && s > 1) {
            s--;
        }
        return s;
    }

    /** The next step the packet takes after {@code step}, or {@code step} at its verdict. */
    public int after(int step) {
        int s = step + 1;
        while (s <= last && skipped(s)) {
            s++;
        }
        return Math.min(s, last);
    }

    /** The step the packet takes before {@code step}, or 1. */
    public int before(int step) {
        int s = step - 1;
        while (s > 1 && skipped(s)) {
            s--;
        }
        return Math.max(1, s);
    }

    /** The state of step {@code step} when the packet is at step {@code current}. */
    public State state(int step, int current) {
        if (skipped(step)) {
            return State.SKIPPED;
        }
        if (notReached(step)) {
            return State.NOT_REACHED;
        }
        if (step < current) {
            return State.DONE;
        }
        return step == current ? State.CURRENT : State.TO_COME;
    }
}
