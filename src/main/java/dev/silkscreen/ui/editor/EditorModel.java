package dev.silkscreen.ui.editor;

import dev.silkscreen.sim.ScenarioSpec;
import dev.silkscreen.sim.ScenarioSpec.AppSpec;
import dev.silkscreen.sim.ScenarioSpec.CellSpec;
import dev.silkscreen.sim.ScenarioSpec.FaultSpec;
import dev.silkscreen.sim.ScenarioSpec.InstanceSpec;
import dev.silkscreen.sim.ScenarioSpec.PolicySpec;
import dev.silkscreen.sim.ScenarioSpec.TrafficSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.ObservableSet;

/**
 * The scenario editor's state: a scenario's cells, apps, instances, policies and faults as
 * editable lists, each fault switched on or off, and the traffic kept as written. {@link #build()}
 * gives the edited scenario for the simulator. Names are checked here so the simulator's own
 * errors are the rare case.
 */
public final class EditorModel {
    // Properties
    private final String name;
    private final String description;
    private final String duration;
    private final ObservableList<CellSpec> cells = FXCollections.observableArrayList();
    private final ObservableList<AppSpec> apps = FXCollections.observableArrayList();
    private final ObservableList<InstanceSpec> instances = FXCollections.observableArrayList();
    private final ObservableList<PolicySpec> policies = FXCollections.observableArrayList();
    private final ObservableList<FaultSpec> faults = FXCollections.observableArrayList();
    private final ObservableSet<FaultSpec> faultsOff = FXCollections.observableSet();
    private final List<TrafficSpec> traffic;
    private final ScenarioSpec.RandomSpec random;

    public EditorModel(ScenarioSpec spec) {
        this.name = spec.name();
        this.description = spec.description();
        this.duration = spec.duration();
        cells.setAll(spec.cells());
        apps.setAll(spec.apps());
        instances.setAll(spec.instances());
        policies.setAll(spec.policies());
        faults.setAll(spec.faults());
        traffic = new ArrayList<>(spec.traffic());
        random = spec.random();
    }

    public ObservableList<CellSpec> cells() {
        return cells;
    }

    public ObservableList<AppSpec> apps() {
        return apps;
    }

    public ObservableList<InstanceSpec> instances() {
        return instances;
    }

    public ObservableList<PolicySpec> policies() {
        return policies;
    }

    public ObservableList<FaultSpec> faults() {
        return faults;
    }

    public boolean isOn(FaultSpec f) {
        return !faultsOff.contains(f);
    }

    // Commands

    /** Adds a cell; the simulator gives it an underlay address and an overlay lease. */
    public void addCell(String cellName) {
        String n = require(cellName, "cell name");
        if (cells.stream().anyMatch(c -> c.name().equals(n))) {
            throw new IllegalArgumentException("there is already a cell " + n);
        }
        cells.add(new CellSpec(n, null, null, null, null, null, null));
    }

    /** Adds an app; its tag is allocated by the simulator as policy-server would. */
    public void addApp(String appName) {
        String n = require(appName, "app name");
        if (apps.stream().anyMatch(a -> a.name().equals(n))) {
            throw new IllegalArgumentException("there is already an app " + n);
        }
        apps.add(new AppSpec(n, null, null));
    }

    public void addInstances(String app, String cell, int count) {
        knownApp(app);
        knownCell(cell);
        if (count < 1) {
            throw new IllegalArgumentException("instances: count must be at least 1");
        }
        instances.add(new InstanceSpec(app, cell, count));
    }

    /** {@code cf add-network-policy FROM --destination-app TO --protocol P --port PORTS}. */
    public void addPolicy(String from, String to, String protocol, String ports) {
        knownApp(from);
        knownApp(to);
        String p = require(protocol, "protocol").toLowerCase(Locale.ROOT);
        if (!p.equals("tcp") && !p.equals("udp") && !p.equals("icmp")) {
            throw new IllegalArgumentException("protocol must be tcp, udp or icmp");
        }
        String range = p.equals("icmp") ? null : require(ports, "ports");
        if (range != null && !range.matches("\\d+(-\\d+)?")) {
            throw new IllegalArgumentException("ports must read 8080 or 7000-8000");
        }
        policies.add(new PolicySpec(from, to, p, range));
    }

    public void addFault(String kind, String cell, String peer, String underlayIp) {
        knownCell(cell);
        if (peer != null && !peer.isBlank()) {
            knownCell(peer);
        }
        faults.add(new FaultSpec(require(kind, "fault kind"), cell, blankToNull(peer), blankToNull(underlayIp)));
    }

    /** Switches a fault on or off without forgetting it. */
    public void setOn(FaultSpec f, boolean on) {
        if (on) {
            faultsOff.remove(f);
        } else {
            faultsOff.add(f);
        }
    }

    public void remove(Object item) {
        cells.remove(item);
        apps.remove(item);
        instances.remove(item);
        policies.remove(item);
        if (faults.remove(item)) {
            faultsOff.remove(item);
        }
    }

    /** The edited scenario (faults switched off left out). */
    public ScenarioSpec build() {
        List<FaultSpec> on = faults.stream().filter(this::isOn).toList();
        String edited = name.endsWith(" (edited)") ? name : name + " (edited)";
        return new ScenarioSpec(edited, description, duration, cells, apps, instances, policies, on, traffic, random);
    }

    private void knownApp(String app) {
        if (apps.stream().noneMatch(a -> a.name().equals(app))) {
            throw new IllegalArgumentException("no app named " + app);
        }
    }

    private void knownCell(String cell) {
        if (cells.stream().noneMatch(c -> c.name().equals(cell))) {
            throw new IllegalArgumentException("no cell named " + cell);
        }
    }

    private static String require(String v, String what) {
        if (v == null || v.isBlank()) {
            throw new IllegalArgumentException(what + " is missing");
        }
        return v.trim();
    }

    private static String blankToNull(String v) {
        return v == null || v.isBlank() ? null : v.trim();
    }
}
