package dev.silkscreen.live.stream;

import dev.silkscreen.live.profile.CaptureSettings;
import dev.silkscreen.model.Durations;
import dev.silkscreen.live.profile.ProfileValues;
import dev.silkscreen.live.ssh.ShellQuote;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The command line that captures one point on a cell:
 * <pre>echo $$; exec [sudo -n] timeout -k 5 SECONDS tcpdump -i IFACE --immediate-mode -U -n -s SNAP -c PACKETS -w - -- FILTER</pre>
 * {@code --immediate-mode} hands each packet over at once: without it, libpcap's ring buffer holds
 * packets of a quiet interface for up to a second, and journeys would show up that much later.
 * {@code echo $$} prints the pid that {@code exec} then hands to {@code timeout} (or sudo), so a
 * stop can kill exactly that process. {@code timeout} is the hard cap that ends tcpdump even when
 * Silkscreen is gone; a closed channel ends it at its next write (SIGPIPE). Every word after
 * {@code exec} is single-quoted; the interface must be one discovery found; the filter is one word
 * after {@code --}, so it can never be read as an option.
 */
public final class TcpdumpCommand {
    /** Seconds between the TERM at the time cap and a KILL, should tcpdump not end. */
    static final int KILL_AFTER = 5;
    /** On the underlay NIC only VXLAN is c2c traffic; everything else there is the cell's own business. */
    public static final String UNDERLAY_FILTER = "udp dst port 4789";

    private TcpdumpCommand() {
    }

    /**
     * @param iface      the interface (checked against {@code discovered})
     * @param filter     BPF expression, empty for none
     * @param seconds    duration cap for this run
     * @param discovered interface names discovery found on the cell
     */
    public static String build(String iface, String filter, CaptureSettings limits, long seconds, boolean sudo, Set<String> discovered) {
        ProfileValues.iface("interface", iface);
        if (!discovered.contains(iface)) {
            throw new IllegalArgumentException("interface '" + iface + "' was not found on the cell (found: "
                    + String.join(", ", discovered.stream().sorted().toList()) + ")");
        }
        String f = filter == null ? "" : ProfileValues.filter("filter", filter);
        if (seconds < 1) {
            throw new IllegalArgumentException("duration must be at least 1 s");
        }
        List<String> argv = new ArrayList<>();
        if (sudo) {
            argv.add("sudo");
            argv.add("-n");
        }
        argv.addAll(List.of("timeout", "-k", Integer.toString(KILL_AFTER), Long.toString(seconds),
                "tcpdump", "-i", iface, "--immediate-mode", "-U", "-n", "-s", Integer.toString(limits.snapLength()),
                "-c", Long.toString(limits.packetCap()), "-w", "-"));
        if (!f.isEmpty()) {
            argv.add("--");
            argv.add(f);
        }
        return "echo $$; exec " + ShellQuote.join(argv);
    }

    /** The command that stops a capture started by {@link #build}: TERM to the pid it printed. */
    public static String kill(long pid, boolean sudo) {
        if (pid <= 1) {
            throw new IllegalArgumentException("not a process id: " + pid);
        }
        List<String> argv = new ArrayList<>();
        if (sudo) {
            argv.add("sudo");
            argv.add("-n");
        }
        argv.addAll(List.of("kill", "-s", "TERM", Long.toString(pid)));
        return ShellQuote.join(argv);
    }

    /**
     * Ends captures left behind by a lost connection: for each pid that still names a
     * {@code timeout} (or {@code sudo}) process, as {@link #build} started, TERM it. The check
     * keeps a pid that was since reused by something else from being touched.
     */
    public static String reap(java.util.List<Long> pids, boolean sudo) {
        StringBuilder words = new StringBuilder();
        for (long pid : pids) {
            if (pid <= 1) {
                throw new IllegalArgumentException("not a process id: " + pid);
            }
            words.append(' ').append(ShellQuote.quote(Long.toString(pid)));
        }
        String comm = sudo ? "sudo" : "timeout";
        String kill = sudo ? "sudo -n kill -s TERM \"$p\"" : "kill -s TERM \"$p\"";
        return "for p in" + words + "; do if [ \"$(cat /proc/$p/comm 2>/dev/null)\" = " + ShellQuote.quote(comm)
                + " ]; then " + kill + "; fi; done; true";
    }

    /** The filter for a point: the profile's on overlay points, VXLAN only on the underlay NIC. */
    public static String filterFor(String iface, String underlayNic, CaptureSettings limits) {
        return iface.equals(underlayNic) ? UNDERLAY_FILTER : limits.filter();
    }

    static long seconds(java.time.Duration d) {
        return Durations.ceilSeconds(d);
    }
}
