package dev.silkscreen.sim;

import dev.silkscreen.model.Foundation;
import dev.silkscreen.model.IptablesRule;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A foundation as the simulator runs it: the published {@link Foundation} plus what only the
 * simulated kernels need (structured rules per cell, container MTUs, capture clock offsets, cells
 * down, namespaces with only lo, and {@code underlayLimits}: per {@code "from>to"} cell pair, the
 * largest IP packet the underlay path carries, 0 when it drops VXLAN altogether).
 */
record BuiltFoundation(Foundation foundation, Map<String, List<IptablesRule>> rules,
                       Map<String, Integer> containerMtu, Map<String, Long> clockOffsetNanos,
                       Set<String> downCells, Set<String> meowCells, Map<String, Integer> underlayLimits) {
}
