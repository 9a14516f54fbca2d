package dev.silkscreen.ui.editor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.silkscreen.sim.ScenarioSpec;
import dev.silkscreen.sim.Scenarios;
import org.junit.jupiter.api.Test;

class EditorModelTest {
    private final EditorModel model = new EditorModel(Scenarios.named("no-policy").spec());

    @Test
    void aPolicyAddedShowsUpInTheBuiltScenario() {
        model.addPolicy("AppB", "AppA", "tcp", "8080");
        ScenarioSpec spec = model.build();
        assertThat(spec.policies()).anyMatch(p -> p.from().equals("AppB") && p.to().equals("AppA") && p.ports().equals("8080"));
        assertThat(spec.name()).endsWith("(edited)");
    }

    @Test
    void policiesNeedKnownAppsAndReadablePorts() {
        assertThatThrownBy(() -> model.addPolicy("Nobody", "AppA", "tcp", "8080")).hasMessageContaining("no app named Nobody");
        assertThatThrownBy(() -> model.addPolicy("AppB", "AppA", "tcp", "80x")).hasMessageContaining("ports");
        assertThatThrownBy(() -> model.addPolicy("AppB", "AppA", "sctp", "80")).hasMessageContaining("protocol");
    }

    @Test
    void aFaultSwitchedOffIsLeftOutButRemembered() {
        model.addCell("cell3");
        model.addFault("no-route", "cell1", "cell2", null);
        var fault = model.faults().get(model.faults().size() - 1);
        model.setOn(fault, false);
        assertThat(model.build().faults()).doesNotContain(fault);
        assertThat(model.faults()).contains(fault);
        model.setOn(fault, true);
        assertThat(model.build().faults()).contains(fault);
    }

    @Test
    void cellsAndAppsAreAddedOnce() {
        model.addCell("cell9");
        assertThatThrownBy(() -> model.addCell("cell9")).hasMessageContaining("already");
        model.addApp("AppC");
        model.addInstances("AppC", "cell9", 2);
        assertThat(model.build().instances()).anyMatch(i -> i.app().equals("AppC") && i.count() == 2);
    }
}
