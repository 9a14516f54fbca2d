package dev.silkscreen.trace;

import dev.silkscreen.model.Flow;
import dev.silkscreen.model.Hop;
import dev.silkscreen.model.Journey;
import dev.silkscreen.model.SilkNames;
import dev.silkscreen.model.Verdict;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * Journeys as a readable table, one line each: when, the packet, the verdict and the last step,
 * then either its path (point and time since the previous hop) or, for a packet that did not
 * arrive, why.
 */
public final class JourneyTable {
    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm:ss.SSSSSS").withZone(ZoneOffset.UTC);

    private JourneyTable() {
    }

    public static String header() {
        return String.format(Locale.ROOT, "%-6s %-15s %-44s %-20s %-6s %-10s %-4s %s",
                "#", "TIME", "FLOW", "PACKET", "TAG", "VERDICT", "STEP", "PATH / REASON");
    }

    public static String row(Journey j) {
        String when = j.hops().isEmpty() ? "" : CLOCK.format(instant(j.hops().get(0).timeNanos()));
        String tag = j.tag() >= 0 ? SilkNames.tagHex(j.tag()) : "-";
        String verdict = j.verdict() == Verdict.DROPPED ? "DROPPED" : j.verdict().word();
        String step = j.verdict() == Verdict.DROPPED ? Integer.toString(j.dropStage()) : Integer.toString(j.stage());
        String detail = j.verdict() == Verdict.DELIVERED || j.reason() == null ? path(j)
                : (j.dropCell() != null ? "[" + j.dropCell() + "] " : "") + j.reason();
        return String.format(Locale.ROOT, "%-6d %-15s %-44s %-20s %-6s %-10s %-4s %s",
                j.id(), when, flow(j), j.summary(), tag, verdict, step, detail);
    }

    static String flow(Journey j) {
        Flow f = j.flow();
        String src = (j.srcApp() != null ? j.srcApp() + " " : "") + f.src() + (f.sport() > 0 ? ":" + f.sport() : "");
        String dst = (j.dstApp() != null ? j.dstApp() + " " : "") + f.dst() + (f.dport() > 0 ? ":" + f.dport() : "");
        return src + " → " + dst + " " + f.proto();
    }

    /** "2 cell1:s-010255001002 → 4 silk-vtep +15µs → …": steps, points (cell once), time since previous hop. */
    static String path(Journey j) {
        StringBuilder sb = new StringBuilder();
        String cell = null;
        long prev = 0;
        for (Hop h : j.hops()) {
            if (sb.length() > 0) {
                sb.append(" → ");
            }
            sb.append(h.stage()).append(' ');
            if (!h.point().cell().equals(cell)) {
                cell = h.point().cell();
                sb.append(h.point().name());
            } else {
                sb.append(h.point().iface());
            }
            if (sb.length() > 0 && prev != 0) {
                long dt = h.timeNanos() - prev;
                sb.append(dt >= 0 ? " +" : " ").append(duration(dt));
            }
            prev = h.timeNanos();
        }
        return sb.toString();
    }

    /** A short duration: 850ns, 12.3µs, 4.20ms, 1.50s. */
    public static String duration(long nanos) {
        long a = Math.abs(nanos);
        String sign = nanos < 0 ? "-" : "";
        if (a < 1_000) {
            return sign + a + "ns";
        }
        if (a < 1_000_000) {
            return sign + String.format(Locale.ROOT, "%.1fµs", a / 1e3);
        }
        if (a < 1_000_000_000) {
            return sign + String.format(Locale.ROOT, "%.2fms", a / 1e6);
        }
        return sign + String.format(Locale.ROOT, "%.2fs", a / 1e9);
    }

    private static Instant instant(long nanos) {
        return Instant.ofEpochSecond(Math.floorDiv(nanos, 1_000_000_000L), Math.floorMod(nanos, 1_000_000_000L));
    }
}
