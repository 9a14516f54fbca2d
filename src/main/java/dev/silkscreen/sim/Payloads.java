package dev.silkscreen.sim;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/** Application data of realistic shape: HTTP/1.1 requests and responses of a given size, datagrams. */
final class Payloads {
    /** Body text: plain lines without ':' so that no dissector takes a body segment for headers. */
    private static final byte[] FILLER = ("order 1042 sku CF-c2c-7 qty 3 status shipped"
            + " sent container-to-container over silk\n").getBytes(StandardCharsets.US_ASCII);

    /** 64 KiB of filler, made once; bodies are copied out of it. */
    private static final byte[] TEMPLATE = new byte[1 << 16];

    static {
        for (int i = 0; i < TEMPLATE.length; i++) {
            TEMPLATE[i] = FILLER[i % FILLER.length];
        }
    }

    private Payloads() {
    }

    /** An HTTP GET of exactly {@code size} bytes (padded with a header) to {@code host:port}. */
    static byte[] httpRequest(String host, int port, int size, int n) {
        String head = "GET /api/orders/" + n + " HTTP/1.1\r\nHost: " + host + ":" + port
                + "\r\nUser-Agent: Go-http-client/1.1\r\nAccept: application/json\r\n";
        String end = "\r\n";
        StringBuilder sb = new StringBuilder(head);
        int pad = size - head.length() - end.length();
        if (pad >= 16) {
            sb.append("X-Vcap-Request-Id: ");
            int fill = pad - "X-Vcap-Request-Id: ".length() - 2;
            for (int i = 0; i < fill; i++) {
                sb.append((char) ('a' + (i * 7 + n) % 26));
            }
            sb.append("\r\n");
        }
        sb.append(end);
        byte[] b = sb.toString().getBytes(StandardCharsets.US_ASCII);
        return b.length == size ? b : Arrays.copyOf(b, Math.max(size, 1));
    }

    /** An HTTP 200 response of exactly {@code size} bytes with a plain-text body. */
    static byte[] httpResponse(int size) {
        String head0 = "HTTP/1.1 200 OK\r\nContent-Type: text/plain; charset=utf-8\r\nContent-Length: ";
        int body = size - head0.length() - 4;
        body -= Integer.toString(Math.max(body, 0)).length();
        if (body < 0) {
            return fill(new byte[Math.max(size, 1)], 0);
        }
        byte[] h = (head0 + body + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII);
        byte[] b = new byte[h.length + body];
        System.arraycopy(h, 0, b, 0, h.length);
        return fill(b, h.length);
    }

    /** A datagram of {@code size} bytes of text. */
    static byte[] datagram(int size) {
        return fill(new byte[size], 0);
    }

    private static byte[] fill(byte[] b, int from) {
        for (int i = from; i < b.length; i += TEMPLATE.length) {
            System.arraycopy(TEMPLATE, 0, b, i, Math.min(TEMPLATE.length, b.length - i));
        }
        return b;
    }
}
