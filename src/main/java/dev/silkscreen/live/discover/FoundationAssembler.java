package dev.silkscreen.live.discover;

import dev.silkscreen.model.App;
import dev.silkscreen.model.Cell;
import dev.silkscreen.model.CellTables;
import dev.silkscreen.model.Foundation;
import dev.silkscreen.model.Instance;
import dev.silkscreen.model.Policy;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Builds the picture's {@link Foundation} from what discovery read on every cell: cells from their
 * VTEPs, containers from the silk veths, apps from the tags the {@code vpa--} MARK rules give
 * source IPs (named by the container metadata where it has a name, else by GUID, else by tag),
 * kernel tables (routes, silk-vtep neighbours and FDB) per cell,
 * and policies from the ACCEPT rules (the required mark names the source app, the destination
 * IP the destination app). The same policy seen on several cells is listed once.
 */
public final class FoundationAssembler {
    private FoundationAssembler() {
    }

    public static Foundation assemble(String name, List<CellSnapshot> snapshots) {
        List<Cell> cells = new ArrayList<>();
        Map<String, Integer> tagByIp = new HashMap<>();
        Map<Integer, String> guidByTag = new HashMap<>();
        Map<String, ContainerRecord> metaByIp = new HashMap<>();
        Map<String, String> handleByIp = new HashMap<>();
        Map<String, List<String>> rules = new LinkedHashMap<>();
        Map<String, CellTables> tables = new LinkedHashMap<>();
        for (CellSnapshot s : snapshots) {
            tables.put(s.cell(), tables(s));
            String subnet = s.subnet();
            String nic = s.underlayNic();
            int mtu = nic == null ? 1500 : s.link(nic).map(Link::mtu).orElse(1500);
            if (subnet != null && s.underlayIp() != null) {
                cells.add(new Cell(s.cell(), s.underlayIp(), nic == null ? "eth0" : nic, mtu, subnet));
            }
            for (ContainerRecord c : s.containers()) {
                metaByIp.put(c.ip(), c);
                handleByIp.put(c.ip(), c.handle());
            }
            if (s.iptables() != null) {
                for (IptablesRules.TagRule t : s.iptables().tags()) {
                    tagByIp.put(t.srcIp(), t.tag());
                    if (t.srcGuid() != null) {
                        guidByTag.putIfAbsent(t.tag(), t.srcGuid());
                    }
                }
                s.iptables().handles().forEach(handleByIp::putIfAbsent);
                rules.put(s.cell(), s.iptables().rawRules());
            }
        }

        Map<String, App> appByKey = new LinkedHashMap<>();
        Map<String, String> appNameByIp = new HashMap<>();
        List<Instance> instances = new ArrayList<>();
        Map<String, Integer> nextIndex = new HashMap<>();
        for (CellSnapshot s : snapshots) {
            for (String ip : s.containerIps()) {
                App app = appFor(ip, tagByIp, guidByTag, metaByIp, appByKey);
                appNameByIp.put(ip, app.name());
                int index = nextIndex.merge(app.name(), 1, Integer::sum) - 1;
                instances.add(new Instance(app.name(), index, s.cell(), ip, handleByIp.getOrDefault(ip, "")));
            }
        }
        Set<Policy> policies = new LinkedHashSet<>();
        for (CellSnapshot s : snapshots) {
            if (s.iptables() == null) {
                continue;
            }
            for (IptablesRules.AcceptRule a : s.iptables().accepts()) {
                String dstApp = appNameByIp.get(a.dstIp());
                if (dstApp == null) {
                    continue;
                }
                String srcApp = appByKey.values().stream().filter(x -> x.tag() == a.tag()).map(App::name).findFirst()
                        .orElseGet(() -> appNamed(a.srcGuid(), a.tag(), guidByTag, appByKey).name());
                policies.add(new Policy(srcApp, dstApp, a.proto(), a.portStart(), a.portEnd()));
            }
        }
        return new Foundation(name, cells, new ArrayList<>(appByKey.values()), instances, new ArrayList<>(policies), rules,
                tables, List.of());
    }

    /** The cell's routes, silk-vtep neighbours and FDB entries in the model's terms. */
    static CellTables tables(CellSnapshot s) {
        List<dev.silkscreen.model.Route> routes = new ArrayList<>();
        for (Route r : s.routes()) {
            routes.add(new dev.silkscreen.model.Route(r.dst(), r.gateway(), r.dev(), null, null));
        }
        List<dev.silkscreen.model.Neighbour> neigh = new ArrayList<>();
        for (Neighbour n : s.neighbours()) {
            neigh.add(new dev.silkscreen.model.Neighbour(n.ip(), n.mac(), "silk-vtep"));
        }
        List<dev.silkscreen.model.FdbEntry> fdb = new ArrayList<>();
        for (FdbEntry e : s.fdb()) {
            fdb.add(new dev.silkscreen.model.FdbEntry(e.mac(), e.dst(), "silk-vtep"));
        }
        return new CellTables(routes, neigh, fdb, s.conntrack());
    }

    private static App appFor(String ip, Map<String, Integer> tagByIp, Map<Integer, String> guidByTag,
                              Map<String, ContainerRecord> metaByIp, Map<String, App> apps) {
        ContainerRecord meta = metaByIp.get(ip);
        Integer tag = tagByIp.get(ip);
        String guid = meta != null && meta.appGuid() != null ? meta.appGuid() : (tag == null ? null : guidByTag.get(tag));
        if (guid == null && tag == null) {
            String key = "ip:" + ip;
            return apps.computeIfAbsent(key, k -> new App("container-" + ip, null, 0));
        }
        App app = appNamed(guid, tag == null ? 0 : tag, guidByTag, apps);
        if (meta != null && meta.appName() != null && app.name().equals(guid)) {
            App named = new App(meta.appName(), guid, app.tag());
            apps.put(keyOf(guid, app.tag()), named);
            return named;
        }
        return app;
    }

    private static App appNamed(String guid, int tag, Map<Integer, String> guidByTag, Map<String, App> apps) {
        String g = guid != null ? guid : guidByTag.get(tag);
        return apps.computeIfAbsent(keyOf(g, tag), k -> new App(g != null ? g : "tag-" + String.format("%04X", tag), g, tag));
    }

    private static String keyOf(String guid, int tag) {
        return guid != null ? "guid:" + guid : "tag:" + tag;
    }
}
