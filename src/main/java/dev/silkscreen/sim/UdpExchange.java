package dev.silkscreen.sim;

import dev.silkscreen.model.Instance;
import java.util.SplittableRandom;

/**
 * A UDP request and its reply between two connected sockets (IP IDs count up per socket). Any ICMP
 * error ends the exchange, as it does for a connected socket on Linux: "port unreachable" makes the
 * next call fail with ECONNREFUSED, and "fragmentation needed" for a Don't Fragment datagram
 * records the path MTU and fails it with EMSGSIZE, so the sender sends nothing more (it does not
 * re-send a smaller datagram; that would be the application's choice, and common ones don't).
 */
final class UdpExchange {
    private final Datapath dp;
    private final EventLoop loop;
    private final Instance client;
    private final Instance server;
    private final int sport;
    private final int dport;
    private final boolean df;
    private final int responseSize;
    private final int requestSize;
    private int cId;
    private int sId;

    UdpExchange(Datapath dp, EventLoop loop, SplittableRandom rnd, Instance client, Instance server, int dport,
                int requestSize, int responseSize, boolean df) {
        this.dp = dp;
        this.loop = loop;
        this.client = client;
        this.server = server;
        this.sport = 32768 + rnd.nextInt(60999 - 32768);
        this.dport = dport;
        this.requestSize = requestSize;
        this.responseSize = responseSize;
        this.df = df;
        this.cId = rnd.nextInt(65536);
        this.sId = rnd.nextInt(65536);
    }

    void start(long t) {
        loop.at(t, this::request);
    }

    private void request() {
        long t = loop.now();
        byte[] ip = Wire.udp(client.ipInt(), server.ipInt(), cId++ & 0xffff, df, Datapath.TTL, sport, dport,
                Payloads.datagram(requestSize), requestSize);
        Trip trip = dp.send(client, ip, t);
        if (trip.delivered() && trip.arrival.to() == server) {
            loop.at(trip.arrival.atNanos() + dp.micros(150, 600), this::reply);
        }
    }

    private void reply() {
        long t = loop.now();
        byte[] ip = Wire.udp(server.ipInt(), client.ipInt(), sId++ & 0xffff, df, Datapath.TTL, dport, sport,
                Payloads.datagram(responseSize), responseSize);
        dp.send(server, ip, t);
    }
}
