package dev.silkscreen.ui.main;

import dev.silkscreen.model.Journey;
import dev.silkscreen.pipeline.Run;
import dev.silkscreen.ui.canvas.Part;
import dev.silkscreen.ui.canvas.PictureLayout;
import dev.silkscreen.ui.playback.PlaybackModel;
import dev.silkscreen.ui.playback.Schedule;
import dev.silkscreen.ui.steps.Lesson;
import dev.silkscreen.ui.theme.Theme;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * The state behind the main window: what is shown (a {@link Run} and its layout), its playback,
 * what the person selected, the theme and classroom mode. Views bind to it and call its commands;
 * it has no toolkit dependency beyond properties, so it is tested as plain JUnit.
 */
public final class MainModel {
    // Properties
    private final ReadOnlyObjectWrapper<Run> run = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<PictureLayout> layout = new ReadOnlyObjectWrapper<>();
    private final PlaybackModel playback = new PlaybackModel();
    private final IntegerProperty selectedJourney = new SimpleIntegerProperty(-1);
    private final ObjectProperty<Part> selectedPart = new SimpleObjectProperty<>();
    private final ObjectProperty<Theme> theme = new SimpleObjectProperty<>(Theme.LIGHT);
    private final BooleanProperty classroom = new SimpleBooleanProperty(false);
    private final StringProperty status = new SimpleStringProperty("");
    private final Lesson lesson;

    public MainModel(Lesson lesson) {
        this.lesson = lesson;
    }

    public ReadOnlyObjectProperty<Run> runProperty() {
        return run.getReadOnlyProperty();
    }

    public Run run() {
        return run.get();
    }

    public ReadOnlyObjectProperty<PictureLayout> layoutProperty() {
        return layout.getReadOnlyProperty();
    }

    public PictureLayout layout() {
        return layout.get();
    }

    public PlaybackModel playback() {
        return playback;
    }

    /** Index (in the schedule) of the journey the person clicked, -1 for none. */
    public IntegerProperty selectedJourneyProperty() {
        return selectedJourney;
    }

    public ObjectProperty<Part> selectedPartProperty() {
        return selectedPart;
    }

    public ObjectProperty<Theme> themeProperty() {
        return theme;
    }

    public BooleanProperty classroomProperty() {
        return classroom;
    }

    /** One line for the status bar: what is shown and anything left out. */
    public StringProperty statusProperty() {
        return status;
    }

    public Lesson lesson() {
        return lesson;
    }

    /** The selected journey, or null. */
    public Journey selectedJourney() {
        int i = selectedJourney.get();
        Schedule s = playback.schedule();
        return i >= 0 && i < s.size() ? s.journey(i) : null;
    }

    // Commands

    /** Shows {@code r} from its start, following its first journey. */
    public void show(Run r) {
        selectedJourney.set(-1);
        selectedPart.set(null);
        playback.setPlanner(j -> dev.silkscreen.ui.playback.StepPlan.of(j, r.foundation()));
        playback.load(new Schedule(r.journeys()));
        layout.set(new PictureLayout(r.foundation()));
        run.set(r);
        status.set(r.title() + " · " + r.journeys().size() + " journeys"
                + (r.note().isEmpty() ? "" : " · " + r.note()));
    }

    /**
     * Shows {@code r}, a later state of the run on screen (a live session's journeys so far),
     * keeping the followed packet, the selection and the playback position. The layout is rebuilt
     * only when the foundation changed.
     */
    public void update(Run r) {
        Run before = run.get();
        if (before == null) {
            show(r);
            return;
        }
        Journey selected = selectedJourney();
        playback.setPlanner(j -> dev.silkscreen.ui.playback.StepPlan.of(j, r.foundation()));
        playback.reload(new Schedule(r.journeys()));
        if (before.foundation() != r.foundation()) {
            layout.set(new PictureLayout(r.foundation()));
        }
        run.set(r);
        if (selected != null) {
            Schedule s = playback.schedule();
            int index = -1;
            for (int i = 0; i < s.size() && index < 0; i++) {
                if (s.journey(i) == selected) {
                    index = i;
                }
            }
            for (int i = 0; i < s.size() && index < 0; i++) {
                // Decided again (an in-flight packet that arrived): the same packet by its id.
                if (s.journey(i).id() == selected.id()) {
                    index = i;
                }
            }
            selectedJourney.set(index);
        }
        status.set(r.title() + " · " + r.journeys().size() + " journeys" + (r.note().isEmpty() ? "" : " · " + r.note()));
    }

    /** Selects journey {@code index} and follows it. */
    public void selectJourney(int index) {
        selectedPart.set(null);
        selectedJourney.set(index);
        if (index >= 0) {
            playback.follow(index);
        }
    }

    public void selectPart(Part p) {
        selectedPart.set(p);
    }

    public void toggleClassroom() {
        classroom.set(!classroom.get());
    }
}
