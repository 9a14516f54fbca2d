package dev.silkscreen.sim;

import java.util.HashMap;
import java.util.Map;

/**
 * A cell's connection tracking, as far as the c2c rules use it: {@code NEW} for a packet of an
 * unknown or not yet answered connection, {@code ESTABLISHED} once the other direction was seen,
 * {@code RELATED} for an ICMP error quoting a tracked connection. Entries are confirmed only when
 * their first packet leaves the cell (a rejected SYN leaves none).
 */
final class Conntrack {
    enum State { NEW, ESTABLISHED, RELATED }

    record Key(int proto, int src, int dst, int sport, int dport) {
        Key reverse() {
            return new Key(proto, dst, src, dport, sport);
        }

        @Override
        public int hashCode() {
            return Kernel.mix(src * 0x9E3779B9 ^ Kernel.mix(dst) ^ (sport << 16 | dport) * 0x85EBCA6B ^ proto);
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && k.src == src && k.dst == dst && k.sport == sport && k.dport == dport && k.proto == proto;
        }
    }

    private static final class Entry {
        boolean replySeen;
        long lastSeen;
    }

    /** Entries idle this long are forgotten (Linux keeps a closed TCP connection 120 s in TIME_WAIT). */
    static final long IDLE_NANOS = 120_000_000_000L;
    private static final int SWEEP_EVERY = 1 << 16;

    private final Map<Key, Entry> entries = new HashMap<>();
    private int sinceSweep;

    /** The state of a packet (without changing anything). */
    State classify(Packet p) {
        if (p.isIcmpError()) {
            Key quoted = p.quotedKey();
            if (quoted != null && (entries.containsKey(quoted) || entries.containsKey(quoted.reverse()))) {
                return State.RELATED;
            }
            return State.NEW;
        }
        Key k = p.ctKey();
        Entry e = entries.get(k);
        if (e != null) {
            return e.replySeen ? State.ESTABLISHED : State.NEW;
        }
        return entries.containsKey(k.reverse()) ? State.ESTABLISHED : State.NEW;
    }

    /** Records a packet that left the cell at {@code now}: creates (confirms) its entry or marks the reply seen. */
    void confirm(Packet p, long now) {
        if (p.isIcmpError()) {
            return;
        }
        Key k = p.ctKey();
        Entry e = entries.get(k);
        if (e == null) {
            e = entries.get(k.reverse());
            if (e != null) {
                e.replySeen = true;
            } else {
                e = new Entry();
                entries.put(k, e);
                if (++sinceSweep >= SWEEP_EVERY) {
                    sinceSweep = 0;
                    entries.values().removeIf(x -> now - x.lastSeen > IDLE_NANOS);
                }
            }
        }
        e.lastSeen = now;
    }
}
