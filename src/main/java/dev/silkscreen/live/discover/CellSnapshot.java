package dev.silkscreen.live.discover;

import dev.silkscreen.model.ConntrackUse;
import dev.silkscreen.model.Ipv4;
import dev.silkscreen.model.SilkNames;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Everything discovery read from one cell, parsed. {@code iptables} is null when it could not be
 * read (no root, no sudo); {@code conntrack} is null when the figures could not be read;
 * {@code warnings} say in a sentence what was missing and why.
 */
public record CellSnapshot(String cell, List<Link> links, List<Address> addresses, List<Route> routes,
                           List<Neighbour> neighbours, List<FdbEntry> fdb, IptablesRules iptables,
                           List<ContainerRecord> containers, List<String> warnings, ConntrackUse conntrack) {

    /** A snapshot without conntrack figures (not read, or not loaded on the cell). */
    public CellSnapshot(String cell, List<Link> links, List<Address> addresses, List<Route> routes,
                        List<Neighbour> neighbours, List<FdbEntry> fdb, IptablesRules iptables,
                        List<ContainerRecord> containers, List<String> warnings) {
        this(cell, links, addresses, routes, neighbours, fdb, iptables, containers, warnings, null);
    }

    public CellSnapshot {
        links = List.copyOf(links);
        addresses = List.copyOf(addresses);
        routes = List.copyOf(routes);
        neighbours = List.copyOf(neighbours);
        fdb = List.copyOf(fdb);
        containers = List.copyOf(containers);
        warnings = List.copyOf(warnings);
    }

    public Optional<Link> link(String name) {
        return links.stream().filter(l -> l.name().equals(name)).findFirst();
    }

    public Optional<Link> vtep() {
        return link(SilkNames.VTEP_IFACE);
    }

    /** The VTEP's underlay address ({@code local} of the VXLAN device), else null. */
    public String underlayIp() {
        return vtep().map(Link::vxlan).map(Link.Vxlan::local).orElse(null);
    }

    /** The underlay NIC: the VTEP's lower device, else the device holding the underlay address. */
    public String underlayNic() {
        String dev = vtep().map(Link::vxlan).map(Link.Vxlan::device).orElse(null);
        if (dev != null) {
            return dev;
        }
        String ip = underlayIp();
        return addresses.stream().filter(a -> a.local().equals(ip)).map(Address::iface).findFirst().orElse(null);
    }

    /** The VTEP address ({@code <subnet>.0}, configured /16 on silk-vtep), else null. */
    public String vtepIp() {
        return addresses.stream().filter(a -> a.iface().equals(SilkNames.VTEP_IFACE)).map(Address::local).findFirst().orElse(null);
    }

    /** This cell's overlay lease: the VTEP address with the prefix length the other cells' routes use (24 by default). */
    public String subnet() {
        String vtep = vtepIp();
        if (vtep == null) {
            return null;
        }
        int prefix = routes.stream()
                .filter(r -> r.dev().equals(SilkNames.VTEP_IFACE) && r.gateway() != null)
                .map(r -> Integer.parseInt(r.dst().substring(r.dst().indexOf('/') + 1)))
                .findFirst().orElse(24);
        int net = Ipv4.parse(vtep) & (-1 << (32 - prefix));
        return Ipv4.format(net) + "/" + prefix;
    }

    /** Container overlay IPs on this cell, from the silk veths ({@code s-…}), in link order. */
    public List<String> containerIps() {
        Set<String> ips = new LinkedHashSet<>();
        for (Link l : links) {
            int ip = SilkNames.containerIpOfVeth(l.name());
            if (ip != -1) {
                ips.add(Ipv4.format(ip));
            }
        }
        return new ArrayList<>(ips);
    }

    /** Where c2c packets can be seen: every container veth, silk-vtep, and the underlay NIC. */
    public List<String> captureInterfaces() {
        List<String> out = new ArrayList<>();
        for (Link l : links) {
            if (SilkNames.containerIpOfVeth(l.name()) != -1) {
                out.add(l.name());
            }
        }
        if (vtep().isPresent()) {
            out.add(SilkNames.VTEP_IFACE);
        }
        String nic = underlayNic();
        if (nic != null && link(nic).isPresent()) {
            out.add(nic);
        }
        return out;
    }

    public boolean hasInterface(String name) {
        return link(name).isPresent();
    }
}
