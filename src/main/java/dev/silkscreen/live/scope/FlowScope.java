package dev.silkscreen.live.scope;

import dev.silkscreen.live.profile.CaptureSettings;
import dev.silkscreen.live.profile.CellTarget;
import dev.silkscreen.live.profile.FoundationProfile;
import dev.silkscreen.live.profile.ProfileValues;
import dev.silkscreen.live.stream.PointFilters;
import dev.silkscreen.model.App;
import dev.silkscreen.model.Cell;
import dev.silkscreen.model.Foundation;
import dev.silkscreen.model.Instance;
import dev.silkscreen.model.Ipv4;
import dev.silkscreen.model.SilkNames;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * One flow, and only where it lives: the containers at each end (from discovery), the cells that
 * host them, the interfaces to watch there (the ends' veths, {@code silk-vtep}, the underlay NIC)
 * and the BPF filters that let only that flow's frames leave the cells ({@link Bpf}). Every other
 * cell of the profile is left alone: no tcpdump starts there.
 */
public final class FlowScope implements PointFilters {
    /** One container at an end of the flow. */
    public record Endpoint(String label, int ip, String cell) {
        public String veth() {
            return SilkNames.vethName(ip);
        }
    }

    private final FlowEnd fromSpec;
    private final FlowEnd toSpec;
    private final List<Endpoint> from;
    private final List<Endpoint> to;
    private final Map<String, String> nicByCell;
    private final String overlay;
    private final String underlay;
    private final int profileCells;

    private FlowScope(FlowEnd fromSpec, FlowEnd toSpec, List<Endpoint> from, List<Endpoint> to, Map<String, String> nicByCell,
                      int profileCells) throws ScopeException {
        this.fromSpec = fromSpec;
        this.toSpec = toSpec;
        this.from = List.copyOf(from);
        this.to = List.copyOf(to);
        this.nicByCell = Map.copyOf(nicByCell);
        this.profileCells = profileCells;
        List<Integer> a = from.stream().map(Endpoint::ip).toList();
        List<Integer> b = to.stream().map(Endpoint::ip).toList();
        this.overlay = Bpf.overlay(a, b, toSpec.port());
        this.underlay = Bpf.underlay(a, b, toSpec.port(), SilkNames.VXLAN_PORT);
        if (underlay.length() > ProfileValues.MAX_FILTER) {
            throw new ScopeException("the flow has " + from.size() + " × " + to.size() + " containers: its filter would be "
                    + underlay.length() + " characters, more than tcpdump is given here (" + ProfileValues.MAX_FILTER
                    + "); name one instance, e.g. --from " + from.get(0).label());
        }
    }

    /**
     * Finds both ends in a discovered foundation.
     *
     * @param profileCells how many cells the profile has (for the description)
     * @throws ScopeException when an end names no discovered app, instance or cell lease
     */
    public static FlowScope resolve(Foundation f, FlowEnd from, FlowEnd to, int profileCells) throws ScopeException {
        if (from.port() >= 0) {
            throw new ScopeException("--from " + from.describe() + ": a port belongs to --to");
        }
        List<Endpoint> a = endpoints(f, from, "--from");
        List<Endpoint> b = endpoints(f, to, "--to");
        Map<String, String> nics = new LinkedHashMap<>();
        for (Endpoint e : concat(a, b)) {
            nics.put(e.cell(), f.cell(e.cell()).map(Cell::underlayNic).orElse(null));
        }
        return new FlowScope(from, to, a, b, nics, profileCells);
    }

    private static List<Endpoint> endpoints(Foundation f, FlowEnd end, String option) throws ScopeException {
        List<Endpoint> out = new ArrayList<>();
        if (end.app() == null) {
            Optional<Instance> i = f.instanceByIp(end.ip());
            if (i.isPresent()) {
                out.add(endpoint(i.get()));
                return out;
            }
            Optional<Cell> holder = f.cellHolding(end.ip());
            if (holder.isEmpty()) {
                throw new ScopeException(option + " " + end.describe() + ": no discovered cell holds the lease of that address");
            }
            out.add(new Endpoint(Ipv4.format(end.ip()), end.ip(), holder.get().name()));
            return out;
        }
        Optional<App> app = f.app(end.app());
        if (app.isEmpty()) {
            app = f.apps().stream().filter(x -> x.guid() != null && x.guid().equalsIgnoreCase(end.app())).findFirst();
        }
        if (app.isEmpty()) {
            List<String> names = f.apps().stream().map(App::name).sorted().limit(8).toList();
            throw new ScopeException(option + " " + end.describe() + ": no app of that name or GUID was discovered"
                    + (names.isEmpty() ? "" : " (apps: " + String.join(", ", names) + (f.apps().size() > names.size() ? ", …" : "") + ")"));
        }
        for (Instance i : f.instances()) {
            if (i.app().equals(app.get().name()) && (end.index() < 0 || i.index() == end.index())) {
                out.add(endpoint(i));
            }
        }
        if (out.isEmpty()) {
            throw new ScopeException(option + " " + end.describe() + ": " + app.get().name()
                    + (end.index() >= 0 ? " has no instance " + end.index() : " has no running instance") + " on the discovered cells");
        }
        return out;
    }

    private static Endpoint endpoint(Instance i) {
        return new Endpoint(i.app() + "/" + i.index(), i.ipInt(), i.cell());
    }

    private static List<Endpoint> concat(List<Endpoint> a, List<Endpoint> b) {
        List<Endpoint> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }

    /** The cells hosting an end of the flow, in the order the ends name them. */
    public Set<String> cells() {
        Set<String> out = new LinkedHashSet<>();
        for (Endpoint e : concat(from, to)) {
            out.add(e.cell());
        }
        return out;
    }

    /** What to capture on {@code cell}: the veths of the ends it hosts, {@code silk-vtep}, its underlay NIC. */
    public List<String> interfacesOn(String cell) {
        List<String> out = new ArrayList<>();
        for (Endpoint e : concat(from, to)) {
            if (e.cell().equals(cell) && !out.contains(e.veth())) {
                out.add(e.veth());
            }
        }
        out.add(SilkNames.VTEP_IFACE);
        String nic = nicByCell.get(cell);
        if (nic != null) {
            out.add(nic);
        }
        return out;
    }

    /** The profile with only the flow's cells, each capturing only {@link #interfacesOn}. */
    public FoundationProfile restrict(FoundationProfile p) {
        List<CellTarget> cells = new ArrayList<>();
        Set<String> wanted = cells();
        for (CellTarget c : p.cells()) {
            if (wanted.contains(c.name())) {
                cells.add(new CellTarget(c.name(), c.ssh(), c.sudo(), interfacesOn(c.name())));
            }
        }
        return p.withCells(cells);
    }

    public String overlayFilter() {
        return overlay;
    }

    public String underlayFilter() {
        return underlay;
    }

    /** The underlay filter on the underlay NIC, the overlay one (within the profile's own filter, if any) elsewhere. */
    @Override
    public String filterFor(String iface, String underlayNic, CaptureSettings limits) {
        if (iface.equals(underlayNic)) {
            return underlay;
        }
        String own = limits.filter();
        return own == null || own.isBlank() ? overlay : "(" + own + ") and (" + overlay + ")";
    }

    public List<Endpoint> from() {
        return from;
    }

    public List<Endpoint> to() {
        return to;
    }

    /** What was chosen, one line each: the flow, each cell and its interfaces, both filters. */
    public List<String> describe() {
        List<String> lines = new ArrayList<>();
        lines.add(String.format(Locale.ROOT, "flow %s → %s: capturing on %d of %d cells", ends(from), ends(to)
                + (toSpec.port() >= 0 ? " port " + toSpec.port() : ""), cells().size(), profileCells));
        for (String c : cells()) {
            lines.add("  " + c + ": " + String.join(", ", interfacesOn(c)));
        }
        lines.add("  filter on veths and silk-vtep: " + overlay);
        lines.add("  filter on the underlay NIC: " + underlay);
        return lines;
    }

    private static String ends(List<Endpoint> es) {
        List<String> parts = new ArrayList<>();
        for (Endpoint e : es) {
            parts.add(e.label().equals(Ipv4.format(e.ip())) ? e.label() : e.label() + " " + Ipv4.format(e.ip()));
        }
        return parts.size() == 1 ? parts.get(0) : "{" + String.join(", ", parts) + "}";
    }

    /** The ends as given (for messages). */
    public String asGiven() {
        return fromSpec.describe() + " → " + toSpec.describe();
    }
}
