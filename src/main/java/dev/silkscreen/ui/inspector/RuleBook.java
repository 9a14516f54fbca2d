package dev.silkscreen.ui.inspector;

import dev.silkscreen.model.Foundation;
import dev.silkscreen.sim.PolicyRules;
import java.util.List;

/**
 * A cell's c2c iptables rules in {@code iptables-save} form: the ones the foundation carries when
 * known (captured or simulated), otherwise the ones the simulator's generator writes for the
 * foundation's policies (SILK.md "Policy"), marked as derived.
 */
public final class RuleBook {
    private RuleBook() {
    }

    /** Rules of {@code cell} and whether they were derived rather than recorded. */
    public record Rules(List<String> lines, boolean derived) {
    }

    public static Rules of(Foundation f, String cell) {
        List<String> known = f.rules().get(cell);
        if (known != null && !known.isEmpty()) {
            return new Rules(known, false);
        }
        return new Rules(PolicyRules.iptablesSave(f, cell), true);
    }
}
