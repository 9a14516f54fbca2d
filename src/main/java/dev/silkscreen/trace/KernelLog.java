package dev.silkscreen.trace;

import dev.silkscreen.decode.DecodedFrame;
import dev.silkscreen.decode.FrameDecoder;
import dev.silkscreen.model.Flow;
import dev.silkscreen.model.Hop;
import dev.silkscreen.model.Ipv4;
import dev.silkscreen.model.Journey;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Evidence from the kernel's own log: where a foundation enables iptables logging of c2c, the
 * {@code vpa--} chain's LOG rule writes {@code OK_<tag>_<guid>} for a packet a policy admits and the
 * container's {@code overlay--} chain writes {@code DENY_C2C_<handle>} for one it rejects (at most
 * 5 a second), each line with the packet's addresses, ports and IP ID ({@code SRC= DST= ID= PROTO=
 * SPT= DPT= MARK=}). Lines of the kernel log ({@code journalctl -k}, {@code kern.log}, {@code dmesg})
 * are read here, kept bounded, and matched to journeys by flow and IP ID: a line on the packet's
 * source cell is evidence at step 3, on its destination cell at step 10.
 */
public final class KernelLog {
    /** Lines kept at most; later ones are counted, not kept. */
    public static final int MAX_ENTRIES = 100_000;

    /**
     * One LOG line about a c2c packet.
     *
     * @param cell   the cell whose kernel wrote it
     * @param prefix the log prefix: {@code OK_0002_c7de6123-d906-4c65-9} or {@code DENY_C2C_<handle>}
     * @param denied true for {@code DENY_C2C_}
     * @param tag    the tag an {@code OK_} prefix names, -1 for a deny
     * @param text   the line from the prefix on (for people)
     */
    public record Entry(String cell, String prefix, boolean denied, int tag, Flow flow, int ipId, String text) {
    }

    /** Evidence for one journey: the line, and the step it shows (3 on the source cell, 10 on the destination's). */
    public record Evidence(int step, Entry entry) {
    }

    private record Key(Flow flow, int ipId) {
    }

    private final Map<Key, List<Entry>> byPacket = new HashMap<>();
    private final FrameDecoder decoder = new FrameDecoder();
    private final DecodedFrame scratch = new DecodedFrame();
    private long kept;
    private long passedOver;

    /** Takes one line of {@code cell}'s kernel log; lines that are not c2c LOG lines are passed over. */
    public void add(String cell, String line) {
        Entry e = parse(cell, line);
        if (e == null) {
            return;
        }
        if (kept >= MAX_ENTRIES) {
            passedOver++;
            return;
        }
        kept++;
        byPacket.computeIfAbsent(new Key(e.flow(), e.ipId()), k -> new ArrayList<>(1)).add(e);
    }

    /** c2c LOG lines kept. */
    public long entries() {
        return kept;
    }

    /** c2c LOG lines beyond {@link #MAX_ENTRIES}, not kept. */
    public long passedOver() {
        return passedOver;
    }

    /** The log's lines about this journey's packet, each with its step. */
    public List<Evidence> evidenceFor(Journey j) {
        if (byPacket.isEmpty() || j.hops().isEmpty()) {
            return List.of();
        }
        Hop first = j.hops().get(0);
        if (first.frame() == null) {
            return List.of();
        }
        DecodedFrame d = decoder.decode(first.frame(), scratch);
        if (d.ipVersion != 4) {
            return List.of();
        }
        List<Entry> found = byPacket.get(new Key(j.flow(), d.ipId));
        if (found == null) {
            return List.of();
        }
        String srcCell = first.point().cell();
        List<Evidence> out = new ArrayList<>(found.size());
        // Same-cell packets are marked and checked on one cell: its LOG line is the policy check (step 10).
        boolean sameCell = j.hops().stream().allMatch(h -> h.point().cell().equals(srcCell));
        for (Entry e : found) {
            out.add(new Evidence(e.cell().equals(srcCell) && !sameCell ? 3 : 10, e));
        }
        return out;
    }

    /** A c2c LOG line, or null when the line is something else. */
    static Entry parse(String cell, String line) {
        if (line == null || cell == null) {
            return null;
        }
        int at = line.indexOf("OK_");
        int deny = line.indexOf("DENY_C2C_");
        if (deny >= 0 && (at < 0 || deny < at)) {
            at = deny;
        }
        if (at < 0) {
            return null;
        }
        String text = line.substring(at).strip();
        int space = text.indexOf(' ');
        if (space < 0) {
            return null;
        }
        String prefix = text.substring(0, space);
        boolean denied = prefix.startsWith("DENY_C2C_");
        int tag = -1;
        if (!denied) {
            String[] parts = prefix.split("_", 3);
            if (parts.length < 3 || !parts[1].matches("[0-9A-Fa-f]{1,4}")) {
                return null;
            }
            tag = Integer.parseInt(parts[1], 16);
        }
        Map<String, String> f = fields(text.substring(space + 1));
        String src = f.get("SRC");
        String dst = f.get("DST");
        String proto = f.get("PROTO");
        String id = f.get("ID");
        if (src == null || dst == null || proto == null || id == null) {
            return null;
        }
        try {
            Ipv4.parse(src);
            Ipv4.parse(dst);
            int ipId = Integer.parseInt(id);
            String p = proto.toLowerCase(Locale.ROOT);
            boolean ports = p.equals("tcp") || p.equals("udp");
            int sport = ports ? Integer.parseInt(f.getOrDefault("SPT", "0")) : 0;
            int dport = ports ? Integer.parseInt(f.getOrDefault("DPT", "0")) : 0;
            if (ipId < 0 || ipId > 0xFFFF || sport < 0 || sport > 0xFFFF || dport < 0 || dport > 0xFFFF) {
                return null;
            }
            return new Entry(cell, prefix, denied, tag, new Flow(src, sport, dst, dport, p), ipId,
                    text.length() > 400 ? text.substring(0, 400) + "…" : text);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /** {@code KEY=VALUE} words of a LOG line (flags without '=' are left out). */
    private static Map<String, String> fields(String rest) {
        Map<String, String> out = new HashMap<>();
        for (String word : rest.split("\\s+")) {
            int eq = word.indexOf('=');
            if (eq > 0) {
                out.putIfAbsent(word.substring(0, eq), word.substring(eq + 1));
            }
        }
        return out;
    }
}
