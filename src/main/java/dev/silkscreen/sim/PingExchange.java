package dev.silkscreen.sim;

import dev.silkscreen.model.Instance;
import java.util.SplittableRandom;

/**
 * ICMP echo: the client's request (DF, 56 data bytes beginning with a timestamp, as ping sends)
 * and the destination kernel's reply (no DF, IP ID from the kernel's generator).
 */
final class PingExchange {
    private final Datapath dp;
    private final EventLoop loop;
    private final Instance client;
    private final Instance server;
    private final int echoId;
    private final int seq;
    private int cId;
    private final int sId;

    PingExchange(Datapath dp, EventLoop loop, SplittableRandom rnd, Instance client, Instance server, int echoId, int seq) {
        this.dp = dp;
        this.loop = loop;
        this.client = client;
        this.server = server;
        this.echoId = echoId;
        this.seq = seq;
        this.cId = rnd.nextInt(65536);
        this.sId = rnd.nextInt(65536);
    }

    void start(long t) {
        loop.at(t, this::request);
    }

    static byte[] data(long t) {
        byte[] d = new byte[56];
        Wire.put32(d, 0, (int) (t / 1_000_000_000L));
        Wire.put32(d, 4, 0);
        Wire.put32(d, 8, (int) ((t / 1000) % 1_000_000));
        Wire.put32(d, 12, 0);
        for (int i = 16; i < 56; i++) {
            d[i] = (byte) i;
        }
        return d;
    }

    private void request() {
        long t = loop.now();
        byte[] d = data(t);
        byte[] ip = Wire.icmp(client.ipInt(), server.ipInt(), 0, cId++ & 0xffff, true, Datapath.TTL, 8, 0,
                (echoId << 16) | seq, d, d.length);
        Trip trip = dp.send(client, ip, t);
        if (trip.delivered() && trip.arrival.to() == server) {
            loop.at(trip.arrival.atNanos() + dp.micros(8, 20), () -> reply(d));
        }
    }

    private void reply(byte[] d) {
        long t = loop.now();
        byte[] ip = Wire.icmp(server.ipInt(), client.ipInt(), 0, sId, false, Datapath.TTL, 0, 0,
                (echoId << 16) | seq, d, d.length);
        dp.send(server, ip, t);
    }
}
