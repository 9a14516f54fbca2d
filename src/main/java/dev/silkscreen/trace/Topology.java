package dev.silkscreen.trace;

import dev.silkscreen.decode.DecodedFrame;
import dev.silkscreen.model.App;
import dev.silkscreen.model.CapturePoint;
import dev.silkscreen.model.Cell;
import dev.silkscreen.model.Foundation;
import dev.silkscreen.model.Instance;
import dev.silkscreen.model.Ipv4;
import dev.silkscreen.model.PointKind;
import dev.silkscreen.model.SilkNames;
import dev.silkscreen.model.Stage;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * The foundation as the frames show it, enriched by a topology file where one is given: the
 * capture points and their kinds, which cell holds which overlay /24 (from {@code s-} veth names
 * and from VXLAN frames: the inner source's subnet lives behind the outer source), each cell's
 * underlay address (the outer address common to every VXLAN frame on its NIC), and app names,
 * tags and rules from the file.
 */
final class Topology {
    /** The app name of a container the frames show but no topology names. */
    static final String UNKNOWN_APP = "container";
    private static final int LEASE_MASK = 0xFFFFFF00;

    private final Foundation foundation;
    private final Map<CapturePoint, PointState> points = new HashMap<>();
    private final List<PointState> pointList = new ArrayList<>();
    private final Map<Integer, PointState> vethByIp = new HashMap<>();
    /** Overlay /24 → cell, learned from veth names. */
    private final Map<Integer, String> leaseOwner = new HashMap<>();
    /** Overlay /24 → underlay address that sends its packets (outer source of VXLAN frames). */
    private final Map<Integer, Integer> leaseUnderlay = new HashMap<>();
    private final Map<String, List<PointState>> pointsByCell = new HashMap<>();
    /** Cells a source meant to capture but could not, with its reason (null when it gave none). */
    private final Map<String, String> uncaptured = new HashMap<>();
    /** Bumped whenever something the derived answers rest on changes; the caches below follow it. */
    private long version;
    /** Bumped when what decides a NIC's own address changes (leases learned, cooked-capture hints). */
    private long addressVersion;
    /** Points by identity first: sources hand over the same CapturePoint object frame after frame. */
    private final java.util.IdentityHashMap<CapturePoint, PointState> pointsByIdentity = new java.util.IdentityHashMap<>();
    private long cacheVersion = -1;
    private final Map<Integer, String> overlayCellCache = new HashMap<>();
    private final Map<Integer, String> underlayOwnerCache = new HashMap<>();
    private final Map<String, Integer> cellUnderlayCache = new HashMap<>();
    private final Map<Integer, Optional<App>> appCache = new HashMap<>();

    Topology(Foundation foundation) {
        this.foundation = foundation;
    }

    Optional<Foundation> foundation() {
        return Optional.ofNullable(foundation);
    }

    PointState point(CapturePoint p) {
        PointState known = pointsByIdentity.get(p);
        if (known != null) {
            return known;
        }
        PointState ps = points.get(p);
        if (ps != null && pointsByIdentity.size() < 4096) {
            pointsByIdentity.put(p, ps);
        }
        if (ps == null) {
            ps = new PointState(pointList.size(), p);
            points.put(p, ps);
            pointList.add(ps);
            pointsByCell.computeIfAbsent(ps.cell, c -> new ArrayList<>()).add(ps);
            if (ps.vethIp != -1) {
                vethByIp.put(ps.vethIp, ps);
                if (leaseOwner.putIfAbsent(ps.vethIp & LEASE_MASK, ps.cell) == null) {
                    addressVersion++;
                }
            }
            version++;
        }
        return ps;
    }

    List<PointState> points() {
        return pointList;
    }

    /** Learns from one decoded frame seen at {@code ps}. */
    void learn(PointState ps, DecodedFrame d) {
        if (!d.encapsulated || ps.kind != PointKind.UNDERLAY) {
            return;
        }
        ps.voteOuter(d.outerSrc, d.outerDst);
        if (d.sllPacketType == 4 && ps.sentFrom != d.outerSrc) {
            ps.sentFrom = d.outerSrc;
            version++;
            addressVersion++;
        }
        if (d.ipVersion == 4 && SilkNames.isOverlay(d.src) && leaseUnderlay.putIfAbsent(d.src & LEASE_MASK, d.outerSrc) == null) {
            version++;
            addressVersion++;
        }
    }

    /**
     * The step a frame shows at a point, from what is known now; 0 when it cannot be told (a
     * silk-vtep or NIC of a cell whose lease or address is not known yet).
     */
    int stageAt(PointState p, boolean encapsulated, int outerSrc, int outerDst, int src, int dst) {
        switch (p.kind) {
            case CONTAINER_VETH:
                return p.vethIp == src ? Stage.VETH_OUT.number() : p.vethIp == dst ? Stage.DELIVER.number() : 0;
            case VTEP: {
                String srcCell = cellOfOverlay(src);
                String dstCell = cellOfOverlay(dst);
                boolean fromHere = p.cell.equals(srcCell);
                boolean toHere = p.cell.equals(dstCell);
                return fromHere == toHere ? 0 : fromHere ? Stage.TO_VTEP.number() : Stage.DECAPSULATE.number();
            }
            case UNDERLAY: {
                if (!encapsulated) {
                    return 0;
                }
                int local = localUnderlayIp(p);
                return local == 0 ? 0 : outerSrc == local ? Stage.LEAVE_CELL.number() : outerDst == local ? Stage.ARRIVE_CELL.number() : 0;
            }
            default:
                return 0;
        }
    }

    /** A packet's direction at a NIC said this outer address is the NIC's own. */
    void learnOwnAddress(PointState nic, int ip) {
        int before = nic.ownCount > 0 ? nic.ownCandidate : 0;
        if (nic.ownCount == 0) {
            nic.ownCandidate = ip;
            nic.ownCount = 1;
        } else if (nic.ownCandidate == ip) {
            nic.ownCount++;
        } else {
            nic.ownCount--;
        }
        int after = nic.ownCount > 0 ? nic.ownCandidate : 0;
        if (after != before) {
            addressVersion++;
            version++;
        }
    }

    // ---- cells and addresses ----

    /**
     * A one-to-one scrambling of an address for hash keys: addresses of one foundation differ in
     * the third octet, which HashMap's small tables ignore, so they would all share a few buckets.
     */
    private static int spread(int ip) {
        return Integer.rotateLeft(ip * 0x9E3779B9, 16);
    }

    /** Drops derived answers when the facts under them changed. */
    private void revalidate() {
        if (cacheVersion != version) {
            cacheVersion = version;
            overlayCellCache.clear();
            underlayOwnerCache.clear();
            cellUnderlayCache.clear();
            for (PointState ps : pointList) {
                if (ps.kind == PointKind.UNDERLAY && ps.votes > 0) {
                    int ip = localUnderlayIp(ps);
                    if (ip != 0) {
                        underlayOwnerCache.putIfAbsent(ip, ps.cell);
                        cellUnderlayCache.putIfAbsent(ps.cell, ip);
                    }
                }
            }
            cacheVersion = version;
        }
    }

    /**
     * The foundation the frames taught, for a picture when no topology file was given: every cell
     * with a capture point, its underlay address and NIC, the overlay /24 it holds, and as
     * containers (app {@value #UNKNOWN_APP}) the addresses its veths are named after and the
     * given {@code endpoints} inside its /24. No apps, tags, policies or rules: frames do not say.
     */
    Foundation learned(Collection<Integer> endpoints) {
        List<Cell> cells = new ArrayList<>();
        List<Instance> instances = new ArrayList<>();
        Set<Integer> placed = new HashSet<>();
        for (String name : new TreeSet<>(pointsByCell.keySet())) {
            String nic = "eth0";
            for (PointState p : pointsByCell.get(name)) {
                if (p.kind == PointKind.UNDERLAY) {
                    nic = p.point.iface();
                    break;
                }
            }
            int underlay = underlayIpOfCell(name);
            int lease = leaseOf(name);
            cells.add(new Cell(name, underlay == 0 ? "?" : Ipv4.format(underlay), nic, 1500,
                    lease == 0 ? "0.0.0.0/32" : Ipv4.format(lease) + "/24"));
            for (PointState p : pointsByCell.get(name)) {
                if (p.vethIp != -1 && placed.add(p.vethIp)) {
                    instances.add(new Instance(UNKNOWN_APP, 0, name, Ipv4.format(p.vethIp), ""));
                }
            }
        }
        for (int ip : new TreeSet<>(endpoints)) {
            if (placed.contains(ip)) {
                continue;
            }
            for (Cell c : cells) {
                if (c.subnetPrefix() == 24 && c.holds(ip) && !c.vtepIp().equals(Ipv4.format(ip))) {
                    instances.add(new Instance(UNKNOWN_APP, 0, c.name(), Ipv4.format(ip), ""));
                    placed.add(ip);
                    break;
                }
            }
        }
        return new Foundation("captures", cells, List.of(), instances, List.of(), Map.of());
    }

    /** The overlay /24 a cell holds as the frames show it, 0 when they do not. */
    private int leaseOf(String cell) {
        Set<Integer> leases = new TreeSet<>(leaseOwner.keySet());
        leases.addAll(leaseUnderlay.keySet());
        for (int lease : leases) {
            if (cell.equals(cellOfOverlay(lease | 1))) {
                return lease;
            }
        }
        return 0;
    }

    /** The cell that holds this overlay address's lease, or null when not known. */
    String cellOfOverlay(int ip) {
        revalidate();
        String cached = overlayCellCache.get(spread(ip));
        if (cached == null) {
            cached = findCellOfOverlay(ip);
            if (cached != null) {
                overlayCellCache.put(spread(ip), cached);
            }
        }
        return cached;
    }

    private String findCellOfOverlay(int ip) {
        if (foundation != null) {
            Optional<Cell> c = foundation.cellHolding(ip);
            if (c.isPresent()) {
                return c.get().name();
            }
        }
        PointState veth = vethByIp.get(ip);
        if (veth != null) {
            return veth.cell;
        }
        String owner = leaseOwner.get(ip & LEASE_MASK);
        if (owner != null) {
            return owner;
        }
        Integer underlay = leaseUnderlay.get(ip & LEASE_MASK);
        return underlay == null ? null : cellWithUnderlayIp(underlay);
    }

    /** The cell whose underlay NIC has this address, or null. */
    String cellWithUnderlayIp(int ip) {
        if (foundation != null) {
            Optional<Cell> c = foundation.cellByUnderlayIp(Ipv4.format(ip));
            if (c.isPresent()) {
                return c.get().name();
            }
        }
        revalidate();
        return underlayOwnerCache.get(ip);
    }

    /** The underlay address of the cell a NIC capture point belongs to, 0 when not known. */
    int localUnderlayIp(PointState ps) {
        // Worked out again when the votes doubled or the topology changed; stable in between.
        if (ps.localCacheVersion == addressVersion && ps.votes < 2 * ps.localCacheVotes) {
            return ps.localCache;
        }
        int ip = findLocalUnderlayIp(ps);
        ps.localCacheVotes = Math.max(1, ps.votes);
        ps.localCacheVersion = addressVersion;
        if (ip != ps.localCache) {
            ps.localCache = ip;
            version++;
        }
        return ip;
    }

    private int findLocalUnderlayIp(PointState ps) {
        if (foundation != null) {
            Optional<Cell> c = foundation.cell(ps.cell);
            if (c.isPresent()) {
                return Ipv4.parse(c.get().underlayIp());
            }
        }
        if (ps.sentFrom != 0) {
            return ps.sentFrom;
        }
        if (ps.ownCount > 0) {
            return ps.ownCandidate;
        }
        int[] likely = ps.likelyLocalAddresses();
        if (likely.length == 0) {
            return 0;
        }
        if (likely.length > 1) {
            // Two cells talking only to each other look alike on their NICs: a lease this cell
            // holds (from a veth name) says which address sends for it; an address that sends
            // for another cell's lease is not this one.
            int notOthers = 0;
            int candidate = 0;
            for (int ip : likely) {
                boolean others = claimedByAnotherCell(ps, ip);
                for (Map.Entry<Integer, Integer> e : leaseUnderlay.entrySet()) {
                    if (e.getValue() == ip) {
                        String owner = leaseOwner.get(e.getKey());
                        if (ps.cell.equals(owner)) {
                            return ip;
                        }
                        others |= owner != null;
                    }
                }
                if (!others) {
                    notOthers++;
                    candidate = ip;
                }
            }
            if (notOthers == 1) {
                return candidate;
            }
            // Still two alike (a NIC that only ever saw one peer): a guess could make the receiver
            // the sender and place a drop on the wrong cell, so the address stays unknown.
            return 0;
        }
        return likely[0];
    }

    /** True when another cell's NIC is known, from packets' direction there, to have this address. */
    private boolean claimedByAnotherCell(PointState ps, int ip) {
        for (PointState other : pointList) {
            if (other.kind == PointKind.UNDERLAY && !other.cell.equals(ps.cell)
                    && ((other.ownCount > 0 && other.ownCandidate == ip) || other.sentFrom == ip)) {
                return true;
            }
        }
        return false;
    }

    /** The cell's underlay address, 0 when not known. */
    int underlayIpOfCell(String cell) {
        if (foundation != null) {
            Optional<Cell> c = foundation.cell(cell);
            if (c.isPresent()) {
                return Ipv4.parse(c.get().underlayIp());
            }
        }
        revalidate();
        Integer ip = cellUnderlayCache.get(cell);
        return ip == null ? 0 : ip;
    }

    /** True when some capture point of {@code cell} is known. */
    boolean hasPointsOn(String cell) {
        return pointsByCell.containsKey(cell);
    }

    /** True when {@code cell} is known, by a veth of its own, to hold an overlay /24 other than {@code lease}. */
    boolean holdsLeaseOtherThan(String cell, int lease) {
        for (Map.Entry<Integer, String> e : leaseOwner.entrySet()) {
            if (e.getValue().equals(cell) && e.getKey() != lease) {
                return true;
            }
        }
        return false;
    }

    /** True when every cell with a captured point is known to hold an overlay /24, none of them {@code lease}. */
    boolean everyCapturedCellHoldsOtherThan(int lease) {
        for (String cell : pointsByCell.keySet()) {
            Optional<Cell> known = foundation == null ? Optional.empty() : foundation.cell(cell);
            int own = known.isPresent() && known.get().subnetPrefix() <= 24
                    ? Ipv4.parse(known.get().vtepIp()) & LEASE_MASK : leaseOf(cell);
            if (own == 0 || own == lease) {
                return false;
            }
        }
        return true;
    }

    /**
     * True when a cell other than {@code except} is known (by a point, the topology or the source)
     * whose underlay NIC was not captured and whose address is not known: an underlay address no
     * captured cell has may be that cell's.
     */
    boolean someCellWithUnknownNic(String except) {
        Set<String> cells = new TreeSet<>(pointsByCell.keySet());
        cells.addAll(uncaptured.keySet());
        if (foundation != null) {
            foundation.cells().forEach(c -> cells.add(c.name()));
        }
        for (String c : cells) {
            if (!c.equals(except) && pointOfKind(c, PointKind.UNDERLAY) == null && underlayIpOfCell(c) == 0) {
                return true;
            }
        }
        return false;
    }

    /** A cell the source meant to capture but could not, with why (a key file it cannot read). */
    void uncaptured(String cell, String reason) {
        uncaptured.put(cell, reason);
        version++;
    }

    /** The cells known to exist that no point was captured on, with why where the source said. */
    Map<String, String> uncapturedCells() {
        Map<String, String> out = new java.util.TreeMap<>();
        for (Map.Entry<String, String> e : uncaptured.entrySet()) {
            if (!pointsByCell.containsKey(e.getKey())) {
                out.put(e.getKey(), e.getValue());
            }
        }
        if (foundation != null) {
            for (Cell c : foundation.cells()) {
                if (!pointsByCell.containsKey(c.name())) {
                    out.putIfAbsent(c.name(), null);
                }
            }
        }
        return out;
    }

    /**
     * The one cell known to exist with no point captured and no lease known, or null: what made an
     * ICMP error from a /24 no captured cell holds, when there is only one candidate.
     */
    String onlyUncapturedCell() {
        String only = null;
        for (String c : uncapturedCells().keySet()) {
            if (foundation != null && foundation.cell(c).isPresent()) {
                continue;
            }
            if (only != null) {
                return null;
            }
            only = c;
        }
        return only;
    }

    /** True when the address is a cell's VTEP ({@code <subnet>.0}). */
    boolean isVtepAddress(int ip) {
        return SilkNames.isOverlay(ip) && (ip & 0xFF) == 0;
    }

    // ---- capture points along a path ----

    PointState vethOf(int containerIp) {
        return vethByIp.get(containerIp);
    }

    /** True when {@code cell} is known to hold the container {@code ip}: by the topology, else by a captured veth. */
    boolean hasContainerOn(String cell, int ip) {
        Optional<Instance> i = instanceAt(ip);
        if (i.isPresent()) {
            return i.get().cell().equals(cell);
        }
        PointState v = vethOf(ip);
        return v != null && v.cell.equals(cell);
    }

    PointState pointOfKind(String cell, PointKind kind) {
        PointState best = null;
        for (PointState ps : pointsByCell.getOrDefault(cell, List.of())) {
            if (ps.kind == kind && (best == null || ps.frames > best.frames)) {
                best = ps;
            }
        }
        return best;
    }

    /** A name for the point of a path step nobody captured ("cell2:eth0", "the receiving cell's silk-vtep"). */
    String expectedPointName(String cell, PointKind kind, int containerIp, boolean sending) {
        String iface = switch (kind) {
            case CONTAINER_VETH -> SilkNames.vethName(containerIp);
            case VTEP -> SilkNames.VTEP_IFACE;
            case UNDERLAY -> cell == null ? "underlay NIC" : underlayNicName(cell);
            case OTHER -> "";
        };
        return cell != null ? cell + ":" + iface : (sending ? "the sending cell's " : "the receiving cell's ") + iface;
    }

    private String underlayNicName(String cell) {
        if (foundation != null && cell != null) {
            Optional<Cell> c = foundation.cell(cell);
            if (c.isPresent() && c.get().underlayNic() != null) {
                return c.get().underlayNic();
            }
        }
        return "eth0";
    }

    // ---- apps ----

    Optional<Instance> instanceAt(int ip) {
        return foundation == null ? Optional.empty() : foundation.instanceByIp(Ipv4.format(ip));
    }

    Optional<App> appAt(int ip) {
        if (foundation == null) {
            return Optional.empty();
        }
        Optional<App> app = appCache.get(spread(ip));
        if (app == null) {
            if (appCache.size() > 100_000) {
                appCache.clear();
            }
            app = instanceAt(ip).flatMap(i -> foundation.app(i.app()));
            appCache.put(spread(ip), app);
        }
        return app;
    }

    Optional<App> appByTag(int tag) {
        return foundation == null || tag < 0 ? Optional.empty() : foundation.appByTag(tag);
    }
}
