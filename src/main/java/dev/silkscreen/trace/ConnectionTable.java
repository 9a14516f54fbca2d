package dev.silkscreen.trace;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import dev.silkscreen.model.Flow;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * Connections as a table (one line each: when, client → server, packets, verdict and what
 * happened) and as JSON Lines ({@code id}, {@code flow}, {@code src_app}, {@code dst_app},
 * {@code client_cell}, {@code server_cell}, {@code first}, {@code last}, {@code packets},
 * {@code journeys}, {@code bytes_up}, {@code bytes_down}, {@code verdict}, {@code detail}).
 */
public final class ConnectionTable {
    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm:ss.SSSSSS").withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter TIME =
            DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSSSSS'Z'").withZone(ZoneOffset.UTC);
    private static final JsonFactory FACTORY = new JsonFactory();

    private ConnectionTable() {
    }

    public static String header() {
        return String.format(Locale.ROOT, "%-6s %-15s %-48s %-5s %-17s %s", "#", "TIME", "CLIENT → SERVER", "PKTS", "VERDICT", "WHAT HAPPENED");
    }

    public static String row(Connections.Connection c) {
        return String.format(Locale.ROOT, "%-6d %-15s %-48s %-5d %-17s %s", c.id(), CLOCK.format(instant(c.firstNanos())),
                flow(c), c.packets(), c.verdict().word(), c.detail());
    }

    static String flow(Connections.Connection c) {
        Flow f = c.flow();
        String src = (c.srcApp() != null ? c.srcApp() + " " : "") + f.src() + (f.sport() > 0 ? ":" + f.sport() : "");
        String dst = (c.dstApp() != null ? c.dstApp() + " " : "") + f.dst() + (f.dport() > 0 ? ":" + f.dport() : "");
        return src + " → " + dst + " " + f.proto();
    }

    /** One connection as one line of JSON. */
    public static String json(Connections.Connection c) {
        StringWriter w = new StringWriter(256);
        try (JsonGenerator g = FACTORY.createGenerator(w)) {
            g.writeStartObject();
            g.writeNumberField("id", c.id());
            g.writeObjectFieldStart("flow");
            g.writeStringField("src", c.flow().src());
            g.writeNumberField("sport", c.flow().sport());
            g.writeStringField("dst", c.flow().dst());
            g.writeNumberField("dport", c.flow().dport());
            g.writeStringField("proto", c.flow().proto());
            g.writeEndObject();
            g.writeStringField("src_app", c.srcApp());
            g.writeStringField("dst_app", c.dstApp());
            g.writeStringField("client_cell", c.clientCell());
            g.writeStringField("server_cell", c.serverCell());
            g.writeStringField("first", TIME.format(instant(c.firstNanos())));
            g.writeStringField("last", TIME.format(instant(c.lastNanos())));
            g.writeNumberField("packets", c.packets());
            g.writeArrayFieldStart("journeys");
            for (long id : c.journeys()) {
                g.writeNumber(id);
            }
            g.writeEndArray();
            g.writeNumberField("bytes_up", c.bytesUp());
            g.writeNumberField("bytes_down", c.bytesDown());
            g.writeStringField("verdict", c.verdict().word());
            g.writeStringField("detail", c.detail());
            g.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return w.toString();
    }

    private static Instant instant(long nanos) {
        return Instant.ofEpochSecond(Math.floorDiv(nanos, 1_000_000_000L), Math.floorMod(nanos, 1_000_000_000L));
    }
}
