package dev.silkscreen.ui.steps;

import dev.silkscreen.model.Cell;
import dev.silkscreen.model.Foundation;
import dev.silkscreen.model.Instance;
import dev.silkscreen.model.Journey;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableSet;

/**
 * The step panel's state: which step is narrated, which answers are revealed, and the values
 * (veth names, addresses, apps) that fill the commands for the packet being followed.
 */
public final class StepPanelModel {
    // Properties
    private final Lesson lesson;
    private final IntegerProperty step = new SimpleIntegerProperty(1);
    private final ObservableSet<String> revealed = FXCollections.observableSet();
    private final Map<String, String> values = new HashMap<>();

    private final List<FaultLesson> faults = new java.util.ArrayList<>();

    /** The stories of the foundation's faults told at step {@code n} (none when it has no such fault). */
    public List<FaultLesson> faultsAt(int n) {
        return faults.stream().filter(l -> l.step() == n).toList();
    }

    /** A fault lesson's commands, filled in for the followed packet. */
    public List<String> commands(FaultLesson l) {
        return l.commands(values);
    }

    public StepPanelModel(Lesson lesson) {
        this.lesson = lesson;
    }

    public Lesson lesson() {
        return lesson;
    }

    /** The narrated step, 1-11. */
    public IntegerProperty stepProperty() {
        return step;
    }

    public LessonStep current() {
        return lesson.step(Math.max(1, step.get()));
    }

    public ObservableSet<String> revealed() {
        return revealed;
    }

    public boolean isRevealed(int stepNumber, int question) {
        return revealed.contains(stepNumber + ":" + question);
    }

    /** The current step's commands, filled for the followed packet. */
    public List<String> commands() {
        return current().commands(values);
    }

    // Commands

    /** Reveals (or hides again) the answer to question {@code question} of step {@code stepNumber}. */
    public void toggleAnswer(int stepNumber, int question) {
        String key = stepNumber + ":" + question;
        if (!revealed.remove(key)) {
            revealed.add(key);
        }
    }

    /** Fills the command placeholders from the followed journey on {@code f}. */
    public void describe(Foundation f, Journey j) {
        values.clear();
        faults.clear();
        if (f != null) {
            for (var fault : f.faults()) {
                FaultLesson.of(fault.kind()).filter(l -> !faults.contains(l)).ifPresent(faults::add);
            }
        }
        if (f == null || j == null) {
            return;
        }
        values.put("srcIp", j.flow().src());
        values.put("dstIp", j.flow().dst());
        values.put("dstPort", Integer.toString(j.flow().dport()));
        if (j.srcApp() != null) {
            values.put("srcApp", j.srcApp());
        }
        if (j.dstApp() != null) {
            values.put("dstApp", j.dstApp());
        }
        f.instanceByIp(j.flow().src()).map(Instance::vethName).ifPresent(v -> values.put("srcVeth", v));
        f.instanceByIp(j.flow().dst()).ifPresent(i -> {
            values.put("dstVeth", i.vethName());
            f.cell(i.cell()).map(Cell::underlayIp).ifPresent(ip -> values.put("dstUnderlayIp", ip));
        });
    }
}
