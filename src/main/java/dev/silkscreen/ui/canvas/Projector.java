package dev.silkscreen.ui.canvas;

import dev.silkscreen.model.Journey;
import dev.silkscreen.model.Verdict;
import dev.silkscreen.ui.playback.Schedule;
import java.util.ArrayList;
import java.util.List;

/**
 * Turns a playback position into the packets on screen: for each journey alive at that position,
 * where it is on its {@link PacketPath}, whether it is tagged or wrapped, and how it ends. Visits
 * only the journeys whose window covers the position (binary search on the schedule), and reuses
 * its sprites from frame to frame.
 */
public final class Projector {
    /** Share of a step spent moving; the rest is spent at the step's part. */
    public static final double MOVE = 0.6;

    private final PictureLayout layout;
    private final Schedule schedule;
    private final PacketPath[] paths;
    private final List<Sprite> pool = new ArrayList<>();
    private int count;

    public Projector(PictureLayout layout, Schedule schedule) {
        this.layout = layout;
        this.schedule = schedule;
        this.paths = new PacketPath[schedule.size()];
    }

    public PictureLayout layout() {
        return layout;
    }

    public Schedule schedule() {
        return schedule;
    }

    /** The path of journey {@code index} (planned once, on first use). */
    public PacketPath path(int index) {
        PacketPath p = paths[index];
        if (p == null) {
            p = PacketPath.of(layout, schedule.journey(index));
            paths[index] = p;
        }
        return p;
    }

    /** Projects position {@code pos}; read the result with {@link #count()} and {@link #sprite(int)}. */
    public void project(double pos) {
        count = 0;
        int from = schedule.firstVisibleAt(pos);
        int to = schedule.firstStartingAfter(pos);
        for (int i = from; i < to; i++) {
            double u = pos - schedule.start(i);
            Journey j = schedule.journey(i);
            if (u < 0 || u > Schedule.extent(j)) {
                continue;
            }
            place(i, j, u);
        }
    }

    private void place(int index, Journey j, double u) {
        PacketPath path = path(index);
        int last = Schedule.lastStep(j);
        if (u < last) {
            int step = (int) Math.floor(u) + 1;
            double f = u - (step - 1);
            double move = Math.min(1, f / MOVE);
            double eased = move * move * (3 - 2 * move);
            Point p = step == 1 ? path.anchor(1) : path.along(step, eased);
            double alpha = step == 1 ? Math.min(1, f / 0.3) : 1;
            if (step == last && f >= MOVE && j.verdict() == Verdict.DROPPED) {
                // arrived where it dies: the drop shows while the step is on screen
                next().set(index, p.x(), p.y(), step, f, Sprite.Phase.DROPPED, path.encapsulatedAt(last) ? 1 : 0,
                        tag(step, f), 1);
                return;
            }
            next().set(index, p.x(), p.y(), step, f, Sprite.Phase.MOVING, envelope(path, step, f), tag(step, f), alpha);
            return;
        }
        double t = u - last;
        if (j.verdict() == Verdict.DROPPED) {
            Point p = path.anchor(last);
            next().set(index, p.x(), p.y(), last, 1, Sprite.Phase.DROPPED, path.encapsulatedAt(last) ? 1 : 0,
                    last >= 3 ? 1 : 0, t < Schedule.DROPPED_TAIL - 0.5 ? 1 : (Schedule.DROPPED_TAIL - t) / 0.5);
            return;
        }
        Point p = path.anchor(last);
        Sprite.Phase phase = j.verdict() == Verdict.DELIVERED ? Sprite.Phase.DELIVERED : Sprite.Phase.MOVING;
        next().set(index, p.x(), p.y(), last, 1, phase, 0, last >= 3 ? 1 : 0,
                Math.max(0, 1 - t / Schedule.DELIVERED_TAIL));
    }

    private static double envelope(PacketPath path, int step, double f) {
        if (!path.crossesCells()) {
            return 0;
        }
        if (step == 5) {
            return Math.min(1, f / MOVE);
        }
        if (step == 9) {
            return 1 - Math.min(1, f / MOVE);
        }
        return step >= 6 && step <= 8 ? 1 : 0;
    }

    private static double tag(int step, double f) {
        if (step < 3) {
            return 0;
        }
        return step == 3 ? Math.min(1, f / MOVE) : 1;
    }

    private Sprite next() {
        if (count == pool.size()) {
            pool.add(new Sprite());
        }
        return pool.get(count++);
    }

    public int count() {
        return count;
    }

    public Sprite sprite(int i) {
        return pool.get(i);
    }
}
