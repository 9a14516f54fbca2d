package dev.silkscreen.cf;

import dev.silkscreen.model.App;
import dev.silkscreen.model.Foundation;
import dev.silkscreen.model.Instance;
import dev.silkscreen.model.Policy;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Cloud Foundry's names over a foundation (discovered, or a topology file): an overlay address names
 * its container's app (by the app GUID discovery found), a policy tag names the app it was given to
 * (by {@code /networking/v1/external/tags}); {@link #renamed()} is the foundation with the apps
 * called by their CF names, so journeys, the table and the picture read "frontend", not a GUID.
 */
public final class CfNaming {
    private final Foundation foundation;
    private final CfDirectory directory;
    private final Map<String, String> renames = new HashMap<>();

    public CfNaming(Foundation foundation, CfDirectory directory) {
        this.foundation = foundation;
        this.directory = directory;
        Map<String, Integer> uses = new HashMap<>();
        for (App a : foundation.apps()) {
            cfName(a).ifPresent(n -> uses.merge(n.name(), 1, Integer::sum));
        }
        for (App a : foundation.apps()) {
            cfName(a).ifPresent(n -> {
                // The same name in two spaces: say which space each is.
                String name = uses.get(n.name()) > 1 && n.spaceName() != null ? n.name() + " (" + n.spaceName() + ")" : n.name();
                renames.put(a.name(), name);
            });
        }
    }

    private Optional<CfApp> cfName(App a) {
        Optional<CfApp> byGuid = directory.app(a.guid());
        if (byGuid.isEmpty() && a.tag() > 0) {
            byGuid = directory.appOfTag(a.tag());
        }
        return byGuid.filter(x -> x.name() != null);
    }

    /** The app of the container with this overlay address, as CF knows it. */
    public Optional<CfApp> ofIp(String ip) {
        return foundation.instanceByIp(ip).flatMap(i -> foundation.app(i.app())).flatMap(a -> {
            Optional<CfApp> c = directory.app(a.guid());
            return c.isPresent() || a.tag() <= 0 ? c : directory.appOfTag(a.tag());
        });
    }

    /** The app a policy tag was given to. */
    public Optional<CfApp> ofTag(int tag) {
        return directory.appOfTag(tag);
    }

    /** The name an app of the foundation is shown by: its CF name where known. */
    public String shown(String appName) {
        return renames.getOrDefault(appName, appName);
    }

    /** The foundation with its apps (and their instances and policies) called by their CF names. */
    public Foundation renamed() {
        if (renames.isEmpty()) {
            return foundation;
        }
        List<App> apps = new ArrayList<>();
        for (App a : foundation.apps()) {
            apps.add(new App(shown(a.name()), a.guid(), a.tag()));
        }
        List<Instance> instances = new ArrayList<>();
        for (Instance i : foundation.instances()) {
            instances.add(new Instance(shown(i.app()), i.index(), i.cell(), i.ip(), i.handle()));
        }
        List<Policy> policies = new ArrayList<>();
        for (Policy p : foundation.policies()) {
            policies.add(new Policy(shown(p.srcApp()), shown(p.dstApp()), p.protocol(), p.portStart(), p.portEnd()));
        }
        return new Foundation(foundation.name(), foundation.cells(), apps, instances, policies, foundation.rules(),
                foundation.tables(), foundation.faults());
    }
}
