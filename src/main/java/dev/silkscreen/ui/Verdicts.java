package dev.silkscreen.ui;

import dev.silkscreen.model.Journey;
import dev.silkscreen.model.Verdict;
import dev.silkscreen.pipeline.Run;
import java.util.EnumMap;
import java.util.Map;

/** Counts of verdicts and how they changed between two runs ("delivered 0 → 6, dropped 6 → 0"). */
final class Verdicts {
    private Verdicts() {
    }

    static Map<Verdict, Integer> count(Run r) {
        Map<Verdict, Integer> m = new EnumMap<>(Verdict.class);
        for (Verdict v : Verdict.values()) {
            m.put(v, 0);
        }
        if (r != null) {
            for (Journey j : r.journeys()) {
                m.merge(j.verdict(), 1, Integer::sum);
            }
        }
        return m;
    }

    static String change(Run before, Run after) {
        Map<Verdict, Integer> a = count(before);
        Map<Verdict, Integer> b = count(after);
        StringBuilder sb = new StringBuilder();
        for (Verdict v : Verdict.values()) {
            if (a.get(v) == 0 && b.get(v) == 0) {
                continue;
            }
            sb.append(sb.length() == 0 ? "" : ", ").append(v.word()).append(' ').append(a.get(v)).append(" → ").append(b.get(v));
        }
        return sb.length() == 0 ? "no journeys" : sb.toString();
    }
}
