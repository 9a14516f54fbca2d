package dev.silkscreen.sim;

import dev.silkscreen.model.Instance;
import dev.silkscreen.model.Stage;
import dev.silkscreen.model.Verdict;

/** One overlay packet's way through the simulated foundation while it is being forwarded. */
final class Trip {
    /** Where a packet ended up in a container. */
    record Arrival(Instance to, long atNanos, byte[] ip) {
    }

    /** An ICMP error about this packet reached the sender's container at this time (its socket fails then). */
    record Notice(long atNanos) {
    }

    final Packet packet;
    final long sentAt;
    final String srcCell;
    int stage = 1;
    int dropStage;
    String dropCell;
    String reason;
    Arrival arrival;
    Notice notice;

    Trip(byte[] ip, long sentAt, String srcCell) {
        this.packet = new Packet(ip);
        this.sentAt = sentAt;
        this.srcCell = srcCell;
    }

    void reach(Stage s) {
        stage = Math.max(stage, s.number());
    }

    void drop(Stage s, String cell, String why) {
        stage = Math.max(stage, s.number());
        dropStage = s.number();
        dropCell = cell;
        reason = why;
    }

    boolean delivered() {
        return arrival != null;
    }

    PacketTruth truth() {
        Packet p = packet;
        long seq = p.proto() == Wire.PROTO_TCP ? p.tcpSeq() : -1;
        Verdict v = arrival != null ? Verdict.DELIVERED : Verdict.DROPPED;
        return new PacketTruth(p.flow(), p.id(), seq, p.summary(), v, stage,
                v == Verdict.DELIVERED ? 0 : dropStage, v == Verdict.DELIVERED ? null : dropCell,
                v == Verdict.DELIVERED ? null : reason, sentAt, srcCell);
    }
}
