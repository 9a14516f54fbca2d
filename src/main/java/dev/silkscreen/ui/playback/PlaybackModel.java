package dev.silkscreen.ui.playback;

import dev.silkscreen.model.Journey;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;

/**
 * Playback of a {@link Schedule}: a position in steps, play/pause, speed, and the journey being
 * followed, whose step is "the current step" of the lesson. No toolkit needed: the view calls
 * {@link #tick} from its animation timer, tests call it directly.
 */
public final class PlaybackModel {
    /** Where inside a step a paused packet rests: past its move, the step's effect shown. */
    public static final double REST = 0.85;

    // Properties
    private final ObjectProperty<Schedule> schedule = new SimpleObjectProperty<>(new Schedule(java.util.List.of()));
    private final DoubleProperty position = new SimpleDoubleProperty(0);
    private final BooleanProperty playing = new SimpleBooleanProperty(false);
    private final DoubleProperty speed = new SimpleDoubleProperty(0.8);
    private final IntegerProperty followed = new SimpleIntegerProperty(-1);
    private final ReadOnlyIntegerWrapper currentStep = new ReadOnlyIntegerWrapper(0);
    private final StringBinding speedText;
    private final BooleanProperty held = new SimpleBooleanProperty(false);
    private java.util.function.Function<Journey, StepPlan> planner = j -> StepPlan.of(j, null);
    private Journey planned;
    private StepPlan plan;

    public PlaybackModel() {
        position.addListener((o, a, b) -> updateStep());
        followed.addListener((o, a, b) -> updateStep());
        schedule.addListener((o, a, b) -> updateStep());
        speedText = Bindings.createStringBinding(
                () -> Speed.describe(secondsPerStep(), realStepSeconds()), speed, schedule);
    }

    public ObjectProperty<Schedule> scheduleProperty() {
        return schedule;
    }

    public Schedule schedule() {
        return schedule.get();
    }

    public DoubleProperty positionProperty() {
        return position;
    }

    public double position() {
        return position.get();
    }

    public BooleanProperty playingProperty() {
        return playing;
    }

    public boolean isPlaying() {
        return playing.get();
    }

    /** Slider value in [0, 1] on the log scale of {@link Speed}. */
    public DoubleProperty speedProperty() {
        return speed;
    }

    public IntegerProperty followedProperty() {
        return followed;
    }

    /** The followed journey, or null. */
    public Journey followedJourney() {
        int f = followed.get();
        return f >= 0 && f < schedule().size() ? schedule().journey(f) : null;
    }

    /** The followed packet's step, 1-11 (0 when nothing is followed). */
    public ReadOnlyIntegerProperty currentStepProperty() {
        return currentStep.getReadOnlyProperty();
    }

    public int currentStep() {
        return currentStep.get();
    }

    /** True while playback holds at the followed packet's verdict (the next key follows the next packet). */
    public BooleanProperty heldProperty() {
        return held;
    }

    /** How the steps of a journey are planned (which are skipped); set when a foundation is shown. */
    public void setPlanner(java.util.function.Function<Journey, StepPlan> planner) {
        this.planner = planner;
        this.plan = null;
        updateStep();
    }

    /** The followed journey's plan ({@link StepPlan#ALL} with nothing followed). */
    public StepPlan plan() {
        Journey j = followedJourney();
        if (j != planned || plan == null) {
            planned = j;
            plan = planner.apply(j);
        }
        return plan;
    }

    /** The journey the next key moves to when held at a verdict: the one after the followed, or -1. */
    public int nextJourney() {
        int f = followed.get();
        return f + 1 < schedule().size() ? f + 1 : -1;
    }

    public StringBinding speedTextProperty() {
        return speedText;
    }

    public double secondsPerStep() {
        return Speed.secondsPerStep(speed.get(), realStepSeconds());
    }

    private double realStepSeconds() {
        return schedule().stepNanos() / 1e9;
    }

    // Commands

    /** Shows a new set of journeys from the start, following the first one. */
    public void load(Schedule s) {
        playing.set(false);
        schedule.set(s);
        followed.set(s.size() > 0 ? 0 : -1);
        jumpTo(1);
    }

    /**
     * Shows a grown set of journeys (a live session) without losing the place: the followed journey
     * stays followed at the same point of its path, playing or paused as it was; with nothing
     * followed yet, the first journey is followed from its step 1.
     */
    public void reload(Schedule s) {
        Schedule old = schedule();
        int f = followed.get();
        Journey kept = f >= 0 && f < old.size() ? old.journey(f) : null;
        double offset = kept == null ? 0 : position.get() - old.start(f);
        int index = -1;
        if (kept != null) {
            for (int i = 0; i < s.size(); i++) {
                if (s.journey(i) == kept) {
                    index = i;
                    break;
                }
            }
        }
        schedule.set(s);
        if (index >= 0) {
            followed.set(index);
            position.set(Math.min(s.end(), s.start(index) + offset));
        } else if (s.size() > 0) {
            boolean wasPlaying = playing.get();
            followed.set(0);
            jumpTo(1);
            playing.set(wasPlaying);
        } else {
            followed.set(-1);
        }
    }

    public void togglePlay() {
        if (!playing.get() && position.get() >= schedule().end()) {
            restart();
        } else if (!playing.get() && held.get() && nextJourney() >= 0) {
            follow(nextJourney());
            jumpTo(1);
        }
        held.set(false);
        playing.set(!playing.get());
    }

    public void pause() {
        playing.set(false);
    }

    /** Advances the clock by {@code seconds} of wall time; stops at the end. */
    public void tick(double seconds) {
        if (!playing.get()) {
            return;
        }
        double next = position.get() + seconds / secondsPerStep();
        int f = followed.get();
        if (f >= 0 && f < schedule().size()) {
            double verdict = schedule().start(f) + plan().last() - 1 + REST;
            if (position.get() < verdict - 1e-6 && next >= verdict - 1e-6) {
                // the followed packet reached its verdict: hold there
                position.set(verdict);
                playing.set(false);
                held.set(true);
                return;
            }
        }
        if (next >= schedule().end()) {
            next = schedule().end();
            playing.set(false);
        }
        position.set(next);
    }

    /** The followed packet one step further (paused). */
    public void next() {
        StepPlan plan = plan();
        int now = Math.max(1, currentStep.get());
        if (now >= plan.last() && atRest()) {
            int n = nextJourney();
            if (n >= 0) {
                follow(n);
                jumpTo(1);
            } else {
                jumpTo(now);
            }
            return;
        }
        jumpTo(atRest() ? plan.after(now) : now);
    }

    /** The followed packet one step back (paused). */
    public void back() {
        jumpTo(plan().before(Math.max(1, currentStep.get())));
    }

    private boolean atRest() {
        int f = followed.get();
        if (f < 0) {
            return true;
        }
        double u = position.get() - schedule().start(f);
        return u - Math.floor(u) >= REST - 1e-9 || u >= plan().last();
    }

    /** Shows the followed packet at step {@code step} (1-11), paused, the step's effect visible. */
    public void jumpTo(int step) {
        playing.set(false);
        held.set(false);
        int f = followed.get();
        double base = f >= 0 ? schedule().start(f) : 0;
        int k = plan().shown(Math.max(1, Math.min(11, step)));
        position.set(base + (k - 1) + REST);
    }

    /** Back to the very beginning, following the first journey. */
    public void restart() {
        followed.set(schedule().size() > 0 ? 0 : -1);
        jumpTo(1);
    }

    public void faster() {
        speed.set(Math.max(0, speed.get() - Speed.NOTCH));
    }

    public void slower() {
        speed.set(Math.min(1, speed.get() + Speed.NOTCH));
    }

    /** Moves the clock to {@code pos} (clamped to the timeline). */
    public void seek(double pos) {
        double p = Math.max(0, Math.min(schedule().end(), pos));
        held.set(false);
        position.set(p);
        int at = journeyAt(p);
        if (at >= 0 && at != followed.get()) {
            followed.set(at);
        }
    }

    /** The journey to follow at position {@code pos}: the latest started one still on screen, else the next to start. */
    int journeyAt(double pos) {
        Schedule s = schedule();
        int to = s.firstStartingAfter(pos);
        int f = followed.get();
        if (f >= 0 && f < s.size() && pos >= s.start(f) && pos - s.start(f) <= Schedule.extent(s.journey(f))) {
            return f;
        }
        for (int i = to - 1; i >= s.firstVisibleAt(pos) && i >= 0; i--) {
            if (pos - s.start(i) <= Schedule.extent(s.journey(i))) {
                return i;
            }
        }
        return to < s.size() ? to : -1;
    }

    /** Follows journey {@code index}, keeping its current place if it is on screen, else its step 1. */
    public void follow(int index) {
        if (index < 0 || index >= schedule().size()) {
            followed.set(-1);
            return;
        }
        followed.set(index);
        double u = position.get() - schedule().start(index);
        if (u < 0 || u > Schedule.extent(schedule().journey(index))) {
            jumpTo(1);
        }
    }

    private void updateStep() {
        int f = followed.get();
        if (f < 0 || f >= schedule().size()) {
            currentStep.set(0);
            return;
        }
        double u = position.get() - schedule().start(f);
        currentStep.set(plan().shown(Math.max(1, Math.min(11, (int) Math.floor(u) + 1))));
    }
}
