package dev.silkscreen.model;

import java.util.List;

/**
 * What a cell's kernel holds for the c2c path: routes, neighbours and FDB entries, as silk-daemon
 * and silk-cni wrote them (including whatever a fault made stale or left out), and how full its
 * conntrack table is ({@code conntrack}, null when not known).
 */
public record CellTables(List<Route> routes, List<Neighbour> neighbours, List<FdbEntry> fdb, ConntrackUse conntrack) {
    public CellTables {
        routes = List.copyOf(routes);
        neighbours = List.copyOf(neighbours);
        fdb = List.copyOf(fdb);
    }

    /** Tables without conntrack figures. */
    public CellTables(List<Route> routes, List<Neighbour> neighbours, List<FdbEntry> fdb) {
        this(routes, neighbours, fdb, null);
    }

    public static CellTables empty() {
        return new CellTables(List.of(), List.of(), List.of());
    }
}
