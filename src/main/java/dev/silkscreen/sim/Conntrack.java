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
    }

    private static final class Entry {
        boolean replySeen;
    }

    private final Map<Key, Entry> entries = new HashMap<>();

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

    /** Records a packet that left the cell: creates (confirms) its entry or marks the reply seen. */
    void confirm(Packet p) {
        if (p.isIcmpError()) {
            return;
        }
        Key k = p.ctKey();
        if (entries.containsKey(k)) {
            return;
        }
        Entry reply = entries.get(k.reverse());
        if (reply != null) {
            reply.replySeen = true;
            return;
        }
        entries.put(k, new Entry());
    }

    int size() {
        return entries.size();
    }
}
