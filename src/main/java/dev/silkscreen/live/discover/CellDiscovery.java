package dev.silkscreen.live.discover;

import dev.silkscreen.model.ConntrackUse;
import dev.silkscreen.live.ssh.ExecResult;
import dev.silkscreen.live.ssh.ShellQuote;
import dev.silkscreen.live.ssh.SshException;
import dev.silkscreen.live.ssh.SshSession;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads one cell with read-only commands only ({@code ip -j …}, {@code bridge -j fdb},
 * {@code iptables-save}, {@code cat} of the container metadata store and of the conntrack figures
 * in {@code /proc/sys/net/netfilter/}) and parses the answers. The
 * commands are constants; nothing a user typed is part of them. Interface and address tables are
 * required; the rest degrade to a warning (e.g. iptables-save without root).
 */
public final class CellDiscovery {
    public static final String METADATA_STORE = "/var/vcap/data/container-metadata/store.json";

    private CellDiscovery() {
    }

    public static CellSnapshot discover(SshSession ssh, String cell, boolean sudo) throws SshException {
        List<String> warnings = new ArrayList<>();
        List<Link> links = IpJson.links(required(ssh, cell, List.of("ip", "-j", "-d", "link"), warnings));
        List<Address> addrs = IpJson.addresses(required(ssh, cell, List.of("ip", "-j", "addr"), warnings));
        List<Route> routes = IpJson.routes(required(ssh, cell, List.of("ip", "-j", "route"), warnings));
        boolean vtep = links.stream().anyMatch(l -> l.name().equals("silk-vtep"));
        List<Neighbour> neigh = List.of();
        List<FdbEntry> fdb = List.of();
        if (vtep) {
            neigh = IpJson.neighbours(optional(ssh, List.of("ip", "-j", "neigh", "show", "dev", "silk-vtep"), false, warnings));
            fdb = IpJson.fdb(optional(ssh, List.of("bridge", "-j", "fdb", "show", "dev", "silk-vtep"), false, warnings));
        } else {
            warnings.add(cell + ": no silk-vtep interface: is this a Diego cell?");
        }
        IptablesRules rules = null;
        String save = optional(ssh, List.of("iptables-save", "-t", "filter"), sudo, warnings);
        if (save != null) {
            rules = IptablesSaveParser.parse(save);
            for (String why : rules.unread()) {
                warnings.add(cell + ": passed over, " + why);
            }
        }
        List<ContainerRecord> containers = List.of();
        ExecResult store = ssh.exec(command(List.of("cat", METADATA_STORE), sudo));
        if (store.ok()) {
            try {
                containers = ContainerMetadataParser.parse(store.stdoutText());
            } catch (DiscoveryParseException e) {
                warnings.add(cell + ": " + e.getMessage());
            }
        }
        ConntrackUse conntrack = null;
        ExecResult ct = ssh.exec(command(List.of("cat", ConntrackFigures.COUNT, ConntrackFigures.MAX), false));
        if (ct.ok()) {
            try {
                conntrack = ConntrackFigures.parse(ct.stdoutText());
            } catch (DiscoveryParseException e) {
                warnings.add(cell + ": " + e.getMessage());
            }
        }
        return new CellSnapshot(cell, links, addrs, routes, neigh, fdb, rules, containers, warnings, conntrack);
    }

    /** The remote command line: quoted words, behind {@code sudo -n} (never prompts) when asked. */
    static String command(List<String> argv, boolean sudo) {
        List<String> words = new ArrayList<>();
        if (sudo) {
            words.add("sudo");
            words.add("-n");
        }
        words.addAll(argv);
        return ShellQuote.join(words);
    }

    private static String required(SshSession ssh, String cell, List<String> argv, List<String> warnings) throws SshException {
        ExecResult r = ssh.exec(command(argv, false));
        if (!r.ok()) {
            throw new SshException(SshException.Kind.REMOTE, cell + ": '" + String.join(" ", argv) + "' failed: " + r.why());
        }
        return text(ssh, argv, r, warnings);
    }

    private static String text(SshSession ssh, List<String> argv, ExecResult r, List<String> warnings) {
        if (r.truncated()) {
            warnings.add(ssh.label() + ": the output of '" + String.join(" ", argv) + "' was cut at " + (SshSession.MAX_OUTPUT >> 20) + " MB");
        }
        return r.stdoutText();
    }

    private static String optional(SshSession ssh, List<String> argv, boolean sudo, List<String> warnings) throws SshException {
        ExecResult r = ssh.exec(command(argv, sudo));
        if (r.ok()) {
            return text(ssh, argv, r, warnings);
        }
        String hint = sudo ? "" : " (set sudo: true in the profile if it needs root)";
        warnings.add(ssh.label() + ": '" + String.join(" ", argv) + "' failed: " + r.why() + hint);
        return null;
    }
}
