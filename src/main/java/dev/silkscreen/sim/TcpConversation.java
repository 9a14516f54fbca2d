package dev.silkscreen.sim;

import dev.silkscreen.model.Instance;
import java.util.SplittableRandom;

/**
 * One TCP connection as two Linux endpoints make it: SYN (MSS, SACK-permitted, timestamps,
 * window scale), SYN-ACK (IP ID 0), ACK; an HTTP request; the response segmented by MSS and
 * paced by slow start (initial window 10, the client acking every second segment); FIN, FIN-ACK,
 * ACK. A lost SYN is retransmitted after 1, 2, 4 ... s, a lost request segment after 200, 400,
 * 800 ... ms (at most 5 times); an ICMP error in SYN-SENT aborts the
 * connect, as Linux does (connection refused, host unreachable).
 */
final class TcpConversation {
    private static final int INIT_CWND = 10;
    private static final int WSCALE = 7;
    private static final int SYN_RETRIES = 6;
    /** Retransmissions of a request segment that got no answer (Linux tries up to 15; a scenario lasts seconds). */
    private static final int DATA_RETRIES = 5;
    /** Linux's smallest retransmission timeout (TCP_RTO_MIN); a c2c round trip is far below it. */
    private static final long RTO_MIN_NANOS = 200_000_000L;

    private final Datapath dp;
    private final EventLoop loop;
    private final long base;
    private final Instance client;
    private final Instance server;
    private final int cIp;
    private final int sIp;
    private final int sport;
    private final int dport;
    private final byte[] request;
    private final byte[] response;
    private final int cMss;
    private final int sMss;
    private final int cWin;
    private final int sWin;
    private final long cIss;
    private final long sIss;
    private final int cTsOff;
    private final int sTsOff;
    private int cId;
    private int sId;
    private int cTsRecent;
    private int sTsRecent;
    private boolean aborted;
    private boolean established;
    // client receive / server send state of the response
    private long cRcvd;
    private int cUnacked;
    private long sUna;
    private long sNxt;
    private int cwnd = INIT_CWND;
    private long reqRcvd;
    private boolean[] reqArrived;
    private int reqRetries;
    private boolean closing;

    TcpConversation(Datapath dp, EventLoop loop, long base, SplittableRandom rnd, Instance client, Instance server,
                    int dport, int requestSize, int responseSize, int n) {
        this.dp = dp;
        this.loop = loop;
        this.base = base;
        this.client = client;
        this.server = server;
        this.cIp = client.ipInt();
        this.sIp = server.ipInt();
        this.sport = 32768 + rnd.nextInt(60999 - 32768);
        this.dport = dport;
        this.request = Payloads.httpRequest(server.app().toLowerCase(java.util.Locale.ROOT) + ".apps.internal", dport, requestSize, n);
        this.response = Payloads.httpResponse(responseSize);
        this.cMss = dp.kernel(client.cell()).containerMtu - 40;
        this.sMss = dp.kernel(server.cell()).containerMtu - 40;
        this.cWin = (65535 / cMss) * cMss;
        this.sWin = (65535 / sMss) * sMss;
        this.cIss = rnd.nextLong() & 0xFFFF_FFFFL;
        this.sIss = rnd.nextLong() & 0xFFFF_FFFFL;
        this.cTsOff = rnd.nextInt();
        this.sTsOff = rnd.nextInt();
        this.cId = rnd.nextInt(65536);
        this.sId = rnd.nextInt(65536);
    }

    void start(long t) {
        loop.at(t, () -> syn(0));
    }

    private int ts(int off, long t) {
        return off + (int) ((t - base) / 1_000_000L);
    }

    /** The window field once scaling is on: the receive window over 2^7, rounded up as Linux does. */
    private static int scaled(int window) {
        return (window + (1 << WSCALE) - 1) >> WSCALE;
    }

    private static byte[] synOptions(int mss, int tsval, int tsecr) {
        byte[] o = new byte[20];
        o[0] = 2;
        o[1] = 4;
        Wire.put16(o, 2, mss);
        o[4] = 4;
        o[5] = 2;
        o[6] = 8;
        o[7] = 10;
        Wire.put32(o, 8, tsval);
        Wire.put32(o, 12, tsecr);
        o[16] = 1;
        o[17] = 3;
        o[18] = 3;
        o[19] = WSCALE;
        return o;
    }

    private static byte[] tsOptions(int tsval, int tsecr) {
        byte[] o = new byte[12];
        o[0] = 1;
        o[1] = 1;
        o[2] = 8;
        o[3] = 10;
        Wire.put32(o, 4, tsval);
        Wire.put32(o, 8, tsecr);
        return o;
    }

    private byte[] fromClient(long t, long seq, long ack, int flags, byte[] data, int off, int len) {
        byte[] opts = (flags & Wire.TCP_SYN) != 0 ? synOptions(cMss, ts(cTsOff, t), 0) : tsOptions(ts(cTsOff, t), cTsRecent);
        int win = (flags & Wire.TCP_SYN) != 0 ? cWin : scaled(cWin);
        return Wire.tcp(cIp, sIp, cId++ & 0xffff, Datapath.TTL, sport, dport, seq, ack, flags, win, opts,
                data, off, len);
    }

    private byte[] fromServer(long t, long seq, long ack, int flags, byte[] data, int off, int len) {
        boolean syn = (flags & Wire.TCP_SYN) != 0;
        byte[] opts = syn ? synOptions(sMss, ts(sTsOff, t), sTsRecent) : tsOptions(ts(sTsOff, t), sTsRecent);
        int win = syn ? sWin : scaled(sWin);
        int id = syn ? 0 : sId++ & 0xffff;
        return Wire.tcp(sIp, cIp, id, Datapath.TTL, dport, sport, seq, ack, flags, win, opts, data, off, len);
    }

    private boolean abortOn(Trip trip) {
        if (trip.notice != null) {
            loop.at(trip.notice.atNanos(), () -> aborted = true);
            return true;
        }
        return false;
    }

    private void syn(int attempt) {
        if (aborted || established) {
            return;
        }
        long t = loop.now();
        Trip trip = dp.send(client, fromClient(t, cIss, 0, Wire.TCP_SYN, null, 0, 0), t);
        cTsRecent = 0;
        abortOn(trip);
        if (trip.delivered() && trip.arrival.to() == server) {
            sTsRecent = ts(cTsOff, t);
            loop.at(trip.arrival.atNanos() + dp.micros(20, 40), this::synAck);
        }
        if (attempt < SYN_RETRIES) {
            loop.at(t + (1_000_000_000L << attempt), () -> syn(attempt + 1));
        }
    }

    private void synAck() {
        if (established) {
            return;
        }
        long t = loop.now();
        Trip trip = dp.send(server, fromServer(t, sIss, cIss + 1, Wire.TCP_SYN | Wire.TCP_ACK, null, 0, 0), t);
        if (trip.delivered() && trip.arrival.to() == client && !aborted) {
            established = true;
            cTsRecent = ts(sTsOff, t);
            long at = trip.arrival.atNanos();
            loop.at(at + dp.micros(15, 30), this::handshakeAck);
            loop.at(at + dp.micros(60, 160), this::sendRequest);
        }
    }

    private void handshakeAck() {
        long t = loop.now();
        Trip trip = dp.send(client, fromClient(t, cIss + 1, sIss + 1, Wire.TCP_ACK, null, 0, 0), t);
        if (trip.delivered()) {
            sTsRecent = ts(cTsOff, t);
        }
    }

    private void sendRequest() {
        int dataMss = Math.min(cMss, sMss) - 12;
        reqArrived = new boolean[(request.length + dataMss - 1) / dataMss];
        sendRequestSegments(false);
    }

    /**
     * Sends the request's segments not yet received (all of them the first time). A retransmission
     * ({@code rto}) sends only the first missing one, as Linux does on a retransmission timeout,
     * and the rest once that one got through; without an answer it tries again after twice the time.
     */
    private void sendRequestSegments(boolean rto) {
        if (aborted) {
            return;
        }
        long t = loop.now();
        int dataMss = Math.min(cMss, sMss) - 12;
        int sent = 0;
        for (int i = 0; i < reqArrived.length; i++) {
            if (reqArrived[i]) {
                continue;
            }
            int off = i * dataMss;
            int len = Math.min(dataMss, request.length - off);
            boolean last = off + len >= request.length;
            int flags = Wire.TCP_ACK | (last ? Wire.TCP_PSH : 0);
            long st = t + sent++ * dp.micros(2, 4);
            Trip trip = dp.send(client, fromClient(st, cIss + 1 + off, sIss + 1, flags, request, off, len), st);
            if (trip.delivered()) {
                reqArrived[i] = true;
                sTsRecent = ts(cTsOff, st);
                reqRcvd += len;
                if (reqRcvd >= request.length) {
                    long at = trip.arrival.atNanos();
                    loop.at(at + dp.micros(25, 45), this::serverAckRequest);
                    loop.at(at + dp.micros(400, 3000), this::startResponse);
                }
            } else if (rto) {
                break;
            }
        }
        if (reqRcvd < request.length && reqRetries < DATA_RETRIES) {
            long rtoNanos = RTO_MIN_NANOS << reqRetries++;
            loop.at(t + rtoNanos, () -> sendRequestSegments(true));
        }
    }

    private void serverAckRequest() {
        long t = loop.now();
        Trip trip = dp.send(server, fromServer(t, sIss + 1, cIss + 1 + request.length, Wire.TCP_ACK, null, 0, 0), t);
        if (trip.delivered()) {
            cTsRecent = ts(sTsOff, t);
        }
    }

    private void startResponse() {
        sUna = 0;
        sNxt = 0;
        sendMore();
    }

    private void sendMore() {
        long t = loop.now();
        int dataMss = Math.min(cMss, sMss) - 12;
        long inFlightLimit = sUna + (long) cwnd * dataMss;
        int i = 0;
        while (sNxt < response.length && sNxt < inFlightLimit) {
            int off = (int) sNxt;
            int len = Math.min(dataMss, response.length - off);
            boolean last = off + len >= response.length;
            int flags = Wire.TCP_ACK | (last ? Wire.TCP_PSH : 0);
            long st = t + i++ * dp.micros(2, 5);
            Trip trip = dp.send(server, fromServer(st, sIss + 1 + off, cIss + 1 + request.length, flags, response, off, len), st);
            sNxt += len;
            if (trip.delivered()) {
                final int segLen = len;
                final boolean push = last;
                final int tsv = ts(sTsOff, st);
                loop.at(trip.arrival.atNanos(), () -> clientGotData(segLen, push, tsv));
            }
        }
    }

    private void clientGotData(int len, boolean push, int tsval) {
        cRcvd += len;
        cTsRecent = tsval;
        cUnacked++;
        boolean done = cRcvd >= response.length;
        if (cUnacked >= 2 || push || done) {
            cUnacked = 0;
            long ackOf = cRcvd;
            loop.at(loop.now() + dp.micros(12, 30), () -> clientAck(ackOf));
        }
        if (done && !closing) {
            closing = true;
            loop.at(loop.now() + dp.micros(80, 250), this::clientFin);
        }
    }

    private void clientAck(long ackOf) {
        long t = loop.now();
        Trip trip = dp.send(client, fromClient(t, cIss + 1 + request.length, sIss + 1 + ackOf, Wire.TCP_ACK, null, 0, 0), t);
        if (trip.delivered()) {
            sTsRecent = ts(cTsOff, t);
            loop.at(trip.arrival.atNanos() + dp.micros(3, 8), () -> serverGotAck(ackOf));
        }
    }

    private void serverGotAck(long ackOf) {
        int dataMss = Math.min(cMss, sMss) - 12;
        if (ackOf > sUna) {
            int segs = (int) ((ackOf - sUna + dataMss - 1) / dataMss);
            sUna = ackOf;
            cwnd += segs;
            sendMore();
        }
    }

    private void clientFin() {
        long t = loop.now();
        long seq = cIss + 1 + request.length;
        Trip trip = dp.send(client, fromClient(t, seq, sIss + 1 + response.length, Wire.TCP_FIN | Wire.TCP_ACK, null, 0, 0), t);
        if (trip.delivered()) {
            sTsRecent = ts(cTsOff, t);
            loop.at(trip.arrival.atNanos() + dp.micros(30, 70), this::serverFin);
        }
    }

    private void serverFin() {
        long t = loop.now();
        Trip trip = dp.send(server, fromServer(t, sIss + 1 + response.length, cIss + 2 + request.length,
                Wire.TCP_FIN | Wire.TCP_ACK, null, 0, 0), t);
        if (trip.delivered()) {
            cTsRecent = ts(sTsOff, t);
            loop.at(trip.arrival.atNanos() + dp.micros(15, 30), this::lastAck);
        }
    }

    private void lastAck() {
        long t = loop.now();
        dp.send(client, fromClient(t, cIss + 2 + request.length, sIss + 2 + response.length, Wire.TCP_ACK, null, 0, 0), t);
    }
}
