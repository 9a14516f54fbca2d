package dev.silkscreen.trace;

import dev.silkscreen.decode.DecodedFrame;
import dev.silkscreen.decode.FrameDecoder;
import dev.silkscreen.model.Cell;
import dev.silkscreen.model.Flow;
import dev.silkscreen.model.Foundation;
import dev.silkscreen.model.Ipv4;
import dev.silkscreen.model.Hop;
import dev.silkscreen.model.Journey;
import dev.silkscreen.model.Stage;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Groups journeys into connections and gives each a verdict of its own: a TCP connection (its
 * handshake and what follows) is established, never established (and where the missing packet
 * died), reset, or stalled after so many bytes; a UDP exchange or a ping is answered, lost (where)
 * or got no reply. ICMP errors are not connections: they are the evidence the packets' own
 * verdicts already cite.
 *
 * <p>Journeys come in order of first sighting (as the tracer decides them). At most
 * {@code maxOpen} connections are kept; beyond that the oldest is given out early with what it
 * had. {@link #finish()} gives out the rest, oldest first.
 */
public final class Connections {
    /** What became of a connection. */
    public enum Verdict {
        ESTABLISHED("established"), NEVER_ESTABLISHED("never-established"), RESET("reset"), STALLED("stalled"),
        ANSWERED("answered"), NO_REPLY("no-reply"), LOST("lost"), UNKNOWN("unknown");

        private final String word;

        Verdict(String word) {
            this.word = word;
        }

        public String word() {
            return word;
        }
    }

    /**
     * One connection.
     *
     * @param id         1, 2, ... in order of its first packet
     * @param flow       client → server (the side that sent the SYN or the request)
     * @param clientCell cell of the client (null when not known); {@code serverCell} likewise
     * @param journeys   ids of its journeys (at most {@value #MAX_IDS} listed; {@code packets} counts all)
     * @param bytesUp    application bytes the server received from the client (delivered, in order)
     * @param bytesDown  the same from the server to the client
     * @param detail     a sentence: "SYN delivered; SYN-ACK lost on the underlay between cell2 and cell1"
     */
    public record Connection(long id, Flow flow, String srcApp, String dstApp, String clientCell, String serverCell,
                             long firstNanos, long lastNanos, List<Long> journeys, int packets, long bytesUp,
                             long bytesDown, Verdict verdict, String detail) {
    }

    static final int MAX_IDS = 1000;
    /** Packets remembered per connection for its verdict (a longer one is judged on its first ones and counted). */
    static final int MAX_PACKETS = 20_000;
    /** A UDP exchange or a ping: later packets of the same pair this long after the last start a new one. */
    static final long UDP_IDLE_NANOS = 30_000_000_000L;

    private static final int FIN = 0x01;
    private static final int SYN = 0x02;
    private static final int RST = 0x04;
    private static final int ACK = 0x10;

    private final int maxOpen;
    private final Consumer<Connection> out;
    private Function<String, String> cellOf;
    private final Map<Key, Builder> open = new LinkedHashMap<>();
    private final FrameDecoder decoder = new FrameDecoder();
    private final DecodedFrame scratch = new DecodedFrame();
    private long nextId = 1;

    /** Connections without a topology: the cell of an end not seen is not known. */
    public Connections(int maxOpen, Consumer<Connection> out) {
        this(maxOpen, null, out);
    }

    /** @param topology names the cell of an end whose packets were never seen there (may be null) */
    public Connections(int maxOpen, Foundation topology, Consumer<Connection> out) {
        if (maxOpen < 1) {
            throw new IllegalArgumentException("maxOpen must be at least 1");
        }
        this.maxOpen = maxOpen;
        this.out = out;
        useTopology(topology);
    }

    /** Names cells from this foundation from now on (e.g. the one the tracer learned, before {@link #finish()}). */
    public void useTopology(Foundation topology) {
        this.cellOf = ip -> {
            if (topology == null) {
                return null;
            }
            try {
                return topology.cellHolding(Ipv4.parse(ip)).map(Cell::name).orElse(null);
            } catch (IllegalArgumentException e) {
                return null;
            }
        };
    }

    /** Both ends, whichever way a packet goes. */
    private record Key(String proto, String a, int aPort, String b, int bPort) {
        static Key of(Flow f) {
            boolean keep = f.src().compareTo(f.dst()) < 0 || (f.src().equals(f.dst()) && f.sport() <= f.dport());
            return keep ? new Key(f.proto(), f.src(), f.sport(), f.dst(), f.dport())
                    : new Key(f.proto(), f.dst(), f.dport(), f.src(), f.sport());
        }
    }

    /** What one journey says about its connection. */
    private record Packet(long journey, boolean fromClient, int flags, long seq, int len, dev.silkscreen.model.Verdict verdict,
                          int stage, int dropStage, String dropCell, String reason, String fromCell, long at) {
    }

    /** Takes one decided journey; ICMP errors and journeys with no sighting are left out. */
    public void add(Journey j) {
        if (j.hops().isEmpty()) {
            return;
        }
        Flow f = j.flow();
        boolean tcp = f.proto().equals("tcp");
        boolean icmp = f.proto().equals("icmp");
        if (icmp && !j.summary().startsWith("ICMP echo")) {
            return;
        }
        if (!tcp && !icmp && !f.proto().equals("udp")) {
            return;
        }
        Hop first = j.hops().get(0);
        int flags = 0;
        long seq = -1;
        int len = 0;
        if (first.frame() != null) {
            DecodedFrame d = decoder.decode(first.frame(), scratch);
            if (d.ipProto == 6) {
                flags = d.tcpFlags;
                seq = d.seq;
            }
            len = Math.max(0, d.payloadLen);
        }
        Key key = icmp ? Key.of(new Flow(f.src(), 0, f.dst(), 0, "icmp")) : Key.of(f);
        Builder b = open.get(key);
        long at = first.timeNanos();
        boolean newTcp = tcp && (flags & (SYN | ACK)) == SYN && b != null && b.isn >= 0 && seq != b.isn
                && b.clientIp.equals(f.src()) && b.clientPort == f.sport();
        boolean idle = !tcp && b != null && at - b.last > UDP_IDLE_NANOS;
        if (b != null && (newTcp || idle)) {
            open.remove(key);
            out.accept(b.build(cellOf));
            b = null;
        }
        if (b == null) {
            b = new Builder(nextId++, f, j.srcApp(), j.dstApp(), first.point().cell(), at);
            open.put(key, b);
            while (open.size() > maxOpen) {
                Iterator<Builder> it = open.values().iterator();
                Builder eldest = it.next();
                it.remove();
                out.accept(eldest.build(cellOf));
            }
        }
        boolean fromClient = f.src().equals(b.clientIp) && (icmp || f.sport() == b.clientPort);
        if (tcp && (flags & (SYN | ACK)) == SYN && b.packets.isEmpty()) {
            b.isn = seq;
        }
        b.add(j, new Packet(j.id(), fromClient, flags, seq, len, j.verdict(), j.stage(), j.dropStage(), j.dropCell(),
                j.reason(), first.point().cell(), at));
        if (fromClient && b.srcApp == null) {
            b.srcApp = j.srcApp();
        }
        if (fromClient && b.dstApp == null) {
            b.dstApp = j.dstApp();
        }
    }

    /** Gives out every connection still held, oldest first. */
    public void finish() {
        for (Builder b : open.values()) {
            out.accept(b.build(cellOf));
        }
        open.clear();
    }

    /** Where a packet that did not arrive stopped: "lost on the underlay between cell2 and cell1", "dropped at step 10 on cell2". */
    static String died(Packet p, String fromCell, String toCell) {
        if (p.verdict == dev.silkscreen.model.Verdict.UNKNOWN) {
            return "not seen after step " + p.stage + " (not captured further)";
        }
        if (p.verdict == dev.silkscreen.model.Verdict.IN_FLIGHT) {
            return "still in flight when the trace ended";
        }
        if (p.dropStage == Stage.UNDERLAY.number() && fromCell != null && toCell != null) {
            return "lost on the underlay between " + fromCell + " and " + toCell;
        }
        if (p.reason != null && p.reason.startsWith("rejected by policy")) {
            return "rejected by policy on " + p.dropCell + " (step " + p.dropStage + ")";
        }
        return "dropped at step " + p.dropStage + (p.dropCell != null ? " on " + p.dropCell : "");
    }

    private static boolean delivered(Packet p) {
        return p.verdict == dev.silkscreen.model.Verdict.DELIVERED;
    }

    private static final class Builder {
        final long id;
        final Flow flow;
        final String clientIp;
        final int clientPort;
        String srcApp;
        String dstApp;
        final String clientCell;
        String serverCell;
        final long firstAt;
        long last;
        long isn = -1;
        int count;
        final List<Long> ids = new ArrayList<>();
        final List<Packet> packets = new ArrayList<>();

        Builder(long id, Flow flow, String srcApp, String dstApp, String clientCell, long at) {
            this.id = id;
            this.flow = flow;
            this.clientIp = flow.src();
            this.clientPort = flow.sport();
            this.srcApp = srcApp;
            this.dstApp = dstApp;
            this.clientCell = clientCell;
            this.firstAt = at;
            this.last = at;
        }

        void add(Journey j, Packet p) {
            count++;
            last = Math.max(last, p.at);
            if (ids.size() < MAX_IDS) {
                ids.add(j.id());
            }
            if (packets.size() < MAX_PACKETS) {
                packets.add(p);
            }
            if (!p.fromClient && serverCell == null) {
                serverCell = p.fromCell;
            }
            if (p.fromClient && serverCell == null && delivered(p)) {
                Hop h = j.hops().get(j.hops().size() - 1);
                serverCell = h.point().cell();
            }
        }

        Connection build(Function<String, String> cellOf) {
            if (serverCell == null) {
                serverCell = cellOf.apply(flow.dst().equals(clientIp) ? flow.src() : flow.dst());
            }
            Flow shown = packets.isEmpty() || packets.get(0).fromClient ? flow
                    : new Flow(flow.dst(), flow.dport(), flow.src(), flow.sport(), flow.proto());
            long up = inOrderBytes(true);
            long down = inOrderBytes(false);
            Verdict v;
            String detail;
            if (flow.proto().equals("tcp")) {
                String[] vd = tcpVerdict(up, down);
                v = Verdict.valueOf(vd[0]);
                detail = vd[1];
            } else {
                String[] vd = exchangeVerdict();
                v = Verdict.valueOf(vd[0]);
                detail = vd[1];
            }
            return new Connection(id, shown, srcApp, dstApp, clientCell, serverCell, firstAt, last, List.copyOf(ids), count,
                    up, down, v, detail);
        }

        /** Bytes delivered in order from the first data byte, in one direction. */
        private long inOrderBytes(boolean fromClient) {
            long base = -1;
            List<long[]> ranges = new ArrayList<>();
            for (Packet p : packets) {
                if (p.fromClient != fromClient || p.seq < 0) {
                    continue;
                }
                if ((p.flags & SYN) != 0) {
                    base = (p.seq + 1) & 0xFFFF_FFFFL;
                    continue;
                }
                if (p.len > 0 && delivered(p)) {
                    ranges.add(new long[] {p.seq, p.len});
                }
            }
            if (ranges.isEmpty()) {
                return 0;
            }
            if (base < 0) {
                base = ranges.stream().mapToLong(r -> r[0]).min().getAsLong();
            }
            long upTo = 0;
            boolean grew = true;
            while (grew) {
                grew = false;
                for (long[] r : ranges) {
                    long rel = (r[0] - base) & 0xFFFF_FFFFL;
                    if (rel <= upTo && rel + r[1] > upTo) {
                        upTo = rel + r[1];
                        grew = true;
                    }
                }
            }
            return upTo;
        }

        private String[] tcpVerdict(long up, long down) {
            Packet lastSyn = null;
            Packet synDelivered = null;
            Packet lastSynAck = null;
            Packet synAckDelivered = null;
            Packet rst = null;
            int syns = 0;
            boolean finUp = false;
            boolean finDown = false;
            for (Packet p : packets) {
                boolean syn = (p.flags & SYN) != 0;
                boolean ack = (p.flags & ACK) != 0;
                if (syn && !ack && p.fromClient) {
                    syns++;
                    lastSyn = p;
                    if (delivered(p) && synDelivered == null) {
                        synDelivered = p;
                    }
                } else if (syn && ack && !p.fromClient) {
                    lastSynAck = p;
                    if (delivered(p) && synAckDelivered == null) {
                        synAckDelivered = p;
                    }
                } else if ((p.flags & RST) != 0 && delivered(p) && rst == null) {
                    rst = p;
                }
                if ((p.flags & FIN) != 0 && delivered(p)) {
                    if (p.fromClient) {
                        finUp = true;
                    } else {
                        finDown = true;
                    }
                }
            }
            String server = serverCell;
            if (rst != null && synAckDelivered == null) {
                return new String[] {"RESET", (synDelivered != null ? "SYN delivered; " : "") + "refused: the "
                        + (rst.fromClient ? "client" : "server") + " answered with RST"};
            }
            if (synAckDelivered == null && lastSyn != null) {
                String tries = syns > 1 ? " (" + syns + " SYNs)" : "";
                if (synDelivered == null) {
                    return new String[] {lastSyn.verdict == dev.silkscreen.model.Verdict.UNKNOWN ? "UNKNOWN" : "NEVER_ESTABLISHED",
                            "SYN " + died(lastSyn, clientCell, server) + tries};
                }
                if (lastSynAck == null) {
                    return new String[] {"NEVER_ESTABLISHED", "SYN delivered" + tries + "; no SYN-ACK was seen"};
                }
                return new String[] {lastSynAck.verdict == dev.silkscreen.model.Verdict.UNKNOWN ? "UNKNOWN" : "NEVER_ESTABLISHED",
                        "SYN delivered" + tries + "; SYN-ACK " + died(lastSynAck, lastSynAck.fromCell, clientCell)};
            }
            if (rst != null) {
                return new String[] {"RESET", "reset by the " + (rst.fromClient ? "client" : "server") + " after "
                        + up + " B up, " + down + " B down"};
            }
            Packet lost = firstUndeliveredData(true, up);
            if (lost == null) {
                lost = firstUndeliveredData(false, down);
            }
            if (lost != null) {
                long n = lost.fromClient ? up : down;
                int tries = 0;
                int biggest = 0;
                for (Packet p : packets) {
                    if (p.fromClient == lost.fromClient && p.seq == lost.seq && p.len > 0) {
                        tries++;
                        biggest = Math.max(biggest, p.len);
                    }
                }
                String dir = lost.fromClient ? "from client to server" : "from server to client";
                return new String[] {"STALLED", "stalled after " + n + " B " + dir + ": the next segment (" + biggest + " B) was "
                        + died(lost, lost.fromCell, lost.fromClient ? server : clientCell)
                        + (tries > 1 ? ", " + tries + " times" : "")};
            }
            String state = finUp && finDown ? "closed" : "open";
            if (synAckDelivered == null) {
                // Handshake not captured (the trace began mid-connection): data flowed.
                return new String[] {"ESTABLISHED", "handshake not seen; " + up + " B up, " + down + " B down, " + state};
            }
            return new String[] {"ESTABLISHED", up + " B up, " + down + " B down, " + state};
        }

        /** The first data segment in one direction, at or after {@code inOrder}, never delivered by any copy. */
        private Packet firstUndeliveredData(boolean fromClient, long inOrder) {
            long base = -1;
            for (Packet p : packets) {
                if (p.fromClient == fromClient && (p.flags & SYN) != 0 && p.seq >= 0) {
                    base = (p.seq + 1) & 0xFFFF_FFFFL;
                }
            }
            for (Packet p : packets) {
                if (p.fromClient != fromClient || p.len == 0 || p.seq < 0 || delivered(p)) {
                    continue;
                }
                if (base >= 0 && ((p.seq - base) & 0xFFFF_FFFFL) < inOrder) {
                    continue;
                }
                boolean laterDelivered = false;
                for (Packet q : packets) {
                    if (q.fromClient == fromClient && q.seq == p.seq && q.len > 0 && delivered(q)) {
                        laterDelivered = true;
                        break;
                    }
                }
                if (!laterDelivered) {
                    return p;
                }
            }
            return null;
        }

        private String[] exchangeVerdict() {
            Packet lastRequest = null;
            Packet requestDelivered = null;
            Packet lastReply = null;
            Packet replyDelivered = null;
            int requests = 0;
            for (Packet p : packets) {
                if (p.fromClient) {
                    requests++;
                    lastRequest = p;
                    if (delivered(p)) {
                        requestDelivered = p;
                    }
                } else {
                    lastReply = p;
                    if (delivered(p)) {
                        replyDelivered = p;
                    }
                }
            }
            String what = flow.proto().equals("icmp") ? "echo request" : "request";
            String n = requests > 1 ? " (" + requests + " " + what + "s)" : "";
            if (replyDelivered != null) {
                return new String[] {"ANSWERED", what + " delivered" + n + ", reply delivered"};
            }
            if (lastRequest == null) {
                return new String[] {lastReply.verdict == dev.silkscreen.model.Verdict.UNKNOWN ? "UNKNOWN" : "LOST",
                        "reply " + died(lastReply, lastReply.fromCell, clientCell) + " (its request was not seen)"};
            }
            if (requestDelivered == null) {
                return new String[] {lastRequest.verdict == dev.silkscreen.model.Verdict.UNKNOWN ? "UNKNOWN" : "LOST",
                        what + " " + died(lastRequest, clientCell, serverCell) + n};
            }
            if (lastReply != null) {
                return new String[] {lastReply.verdict == dev.silkscreen.model.Verdict.UNKNOWN ? "UNKNOWN" : "LOST",
                        what + " delivered" + n + "; reply " + died(lastReply, lastReply.fromCell, clientCell)};
            }
            return new String[] {"NO_REPLY", what + " delivered" + n + "; no reply was seen"};
        }
    }
}
