package dev.silkscreen.model;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A Silk foundation as the picture, the simulator and the correlator see it. This is the shape of
 * {@code NAME.topology.json}. {@code rules} holds, per cell name, the iptables rules in
 * {@code iptables-save} form (vpa-- and overlay-- chains), where known; {@code tables} the routes,
 * neighbours and FDB entries per cell name; {@code faults} what is wrong on purpose or as found.
 * The file format is described in {@code assets/topology-format.md}.
 */
public record Foundation(String name, List<Cell> cells, List<App> apps, List<Instance> instances,
                         List<Policy> policies, Map<String, List<String>> rules,
                         Map<String, CellTables> tables, List<Fault> faults) {

    public Foundation {
        cells = List.copyOf(cells);
        apps = List.copyOf(apps);
        instances = List.copyOf(instances);
        policies = List.copyOf(policies);
        rules = rules == null ? Map.of() : Map.copyOf(rules);
        tables = tables == null ? Map.of() : Map.copyOf(tables);
        faults = faults == null ? List.of() : List.copyOf(faults);
    }

    /** A foundation without kernel tables or faults. */
    public Foundation(String name, List<Cell> cells, List<App> apps, List<Instance> instances,
                      List<Policy> policies, Map<String, List<String>> rules) {
        this(name, cells, apps, instances, policies, rules, Map.of(), List.of());
    }

    /** Routes, neighbours and FDB of a cell (empty when not known). */
    public CellTables tablesOf(String cell) {
        return tables.getOrDefault(cell, CellTables.empty());
    }

    public Optional<Instance> instanceByIp(int ip) {
        return instanceByIp(Ipv4.format(ip));
    }

    public Optional<Cell> cell(String name) {
        return cells.stream().filter(c -> c.name().equals(name)).findFirst();
    }

    public Optional<App> app(String name) {
        return apps.stream().filter(a -> a.name().equals(name)).findFirst();
    }

    public Optional<App> appByTag(int tag) {
        return apps.stream().filter(a -> a.tag() == tag).findFirst();
    }

    public Optional<Instance> instanceByIp(String ip) {
        return instances.stream().filter(i -> i.ip().equals(ip)).findFirst();
    }

    /** The cell whose lease holds this overlay IP. */
    public Optional<Cell> cellHolding(int overlayIp) {
        return cells.stream().filter(c -> c.holds(overlayIp)).findFirst();
    }

    public Optional<Cell> cellByUnderlayIp(String ip) {
        return cells.stream().filter(c -> c.underlayIp().equals(ip)).findFirst();
    }
}
