package dev.silkscreen.trace;

import dev.silkscreen.model.Flow;
import dev.silkscreen.model.Journey;
import dev.silkscreen.model.Verdict;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Journeys counted per flow and verdict. A flow here is "source → destination:port protocol"
 * without the client's ephemeral port, so one connection's packets and many connections to one
 * service add up on one line; the most common drop reason of each flow is kept.
 */
public final class FlowSummary {

    /** Counts for one flow. */
    public record Row(String flow, Map<Verdict, Long> counts, String dropReason) {
        public long count(Verdict v) {
            return counts.getOrDefault(v, 0L);
        }
    }

    private final Map<String, Map<Verdict, Long>> counts = new LinkedHashMap<>();
    private final Map<String, Map<String, Long>> reasons = new LinkedHashMap<>();
    private final Map<Verdict, Long> totals = new EnumMap<>(Verdict.class);

    public void add(Journey j) {
        String key = key(j);
        counts.computeIfAbsent(key, k -> new EnumMap<>(Verdict.class)).merge(j.verdict(), 1L, Long::sum);
        totals.merge(j.verdict(), 1L, Long::sum);
        if (j.verdict() == Verdict.DROPPED && j.reason() != null) {
            String reason = "step " + j.dropStage() + " on " + j.dropCell() + ": " + j.reason();
            reasons.computeIfAbsent(key, k -> new LinkedHashMap<>()).merge(reason, 1L, Long::sum);
        }
    }

    public long total(Verdict v) {
        return totals.getOrDefault(v, 0L);
    }

    public List<Row> rows() {
        List<Row> out = new ArrayList<>();
        for (Map.Entry<String, Map<Verdict, Long>> e : counts.entrySet()) {
            String reason = null;
            long best = 0;
            for (Map.Entry<String, Long> r : reasons.getOrDefault(e.getKey(), Map.of()).entrySet()) {
                if (r.getValue() > best) {
                    best = r.getValue();
                    reason = r.getKey();
                }
            }
            out.add(new Row(e.getKey(), Map.copyOf(e.getValue()), reason));
        }
        return out;
    }

    /** The summary as text: a header, one line per flow, a total, then the drop reasons. */
    public List<String> lines() {
        List<String> out = new ArrayList<>();
        String fmt = "%-60s %9s %9s %9s %9s";
        out.add(String.format(Locale.ROOT, fmt, "FLOW", "DELIVERED", "DROPPED", "IN-FLIGHT", "UNKNOWN"));
        for (Row r : rows()) {
            out.add(String.format(Locale.ROOT, fmt, r.flow(), r.count(Verdict.DELIVERED), r.count(Verdict.DROPPED),
                    r.count(Verdict.IN_FLIGHT), r.count(Verdict.UNKNOWN)));
        }
        out.add(String.format(Locale.ROOT, fmt, "total", total(Verdict.DELIVERED), total(Verdict.DROPPED),
                total(Verdict.IN_FLIGHT), total(Verdict.UNKNOWN)));
        for (Row r : rows()) {
            if (r.dropReason() != null) {
                out.add(r.flow() + ": " + r.dropReason());
            }
        }
        return out;
    }

    private static String key(Journey j) {
        Flow f = j.flow();
        String src = j.srcApp() != null ? j.srcApp() + " " + f.src() : f.src();
        String dst = j.dstApp() != null ? j.dstApp() + " " + f.dst() : f.dst();
        boolean ports = f.sport() > 0 || f.dport() > 0;
        // The server's port names the service: the lower port of the two, on either side.
        if (!ports) {
            return src + " → " + dst + " " + f.proto();
        }
        if (f.sport() < f.dport()) {
            return src + ":" + f.sport() + " → " + dst + " " + f.proto();
        }
        return src + " → " + dst + ":" + f.dport() + " " + f.proto();
    }
}
