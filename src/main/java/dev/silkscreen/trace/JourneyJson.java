package dev.silkscreen.trace;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import dev.silkscreen.model.Flow;
import dev.silkscreen.model.Hop;
import dev.silkscreen.model.Journey;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * Journeys as JSON Lines, one object per journey: {@code id}, {@code flow} ({@code src},
 * {@code sport}, {@code dst}, {@code dport}, {@code proto}), {@code summary}, {@code tag} (null when
 * unknown), {@code src_app}, {@code dst_app}, {@code verdict}, {@code stage}, {@code drop_stage},
 * {@code drop_cell}, {@code reason} (null when none) and {@code hops} ({@code stage}, {@code point},
 * {@code time} ISO-8601 UTC with nanoseconds on the corrected clock, {@code since_ns} since the
 * first hop).
 */
public final class JourneyJson {
    private static final JsonFactory FACTORY = new JsonFactory();
    private static final DateTimeFormatter TIME =
            DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSSSSS'Z'").withZone(ZoneOffset.UTC);

    private JourneyJson() {
    }

    /** More fields for a journey, written after {@code dst_app} (e.g. Cloud Foundry's names). */
    @FunctionalInterface
    public interface Extra {
        void write(Journey j, JsonGenerator g) throws IOException;
    }

    /** One journey as one line of JSON (no line break). */
    public static String line(Journey j) {
        return line(j, null);
    }

    /** One journey as one line of JSON, with {@code extra}'s fields (null: none). */
    public static String line(Journey j, Extra extra) {
        StringWriter w = new StringWriter(512);
        write(j, w, extra);
        return w.toString();
    }

    public static void write(Journey j, Writer out) {
        write(j, out, null);
    }

    public static void write(Journey j, Writer out, Extra extra) {
        try (JsonGenerator g = FACTORY.createGenerator(out)) {
            g.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
            g.writeStartObject();
            g.writeNumberField("id", j.id());
            Flow f = j.flow();
            g.writeObjectFieldStart("flow");
            g.writeStringField("src", f.src());
            g.writeNumberField("sport", f.sport());
            g.writeStringField("dst", f.dst());
            g.writeNumberField("dport", f.dport());
            g.writeStringField("proto", f.proto());
            g.writeEndObject();
            g.writeStringField("summary", j.summary());
            if (j.tag() >= 0) {
                g.writeNumberField("tag", j.tag());
            } else {
                g.writeNullField("tag");
            }
            g.writeStringField("src_app", j.srcApp());
            g.writeStringField("dst_app", j.dstApp());
            if (extra != null) {
                extra.write(j, g);
            }
            g.writeStringField("verdict", j.verdict().word());
            g.writeNumberField("stage", j.stage());
            if (j.dropStage() > 0) {
                g.writeNumberField("drop_stage", j.dropStage());
            } else {
                g.writeNullField("drop_stage");
            }
            g.writeStringField("drop_cell", j.dropCell());
            g.writeStringField("reason", j.reason());
            g.writeArrayFieldStart("hops");
            long first = j.hops().isEmpty() ? 0 : j.hops().get(0).timeNanos();
            for (Hop h : j.hops()) {
                g.writeStartObject();
                g.writeNumberField("stage", h.stage());
                g.writeStringField("point", h.point().name());
                g.writeStringField("time", time(h.timeNanos()));
                g.writeNumberField("since_ns", h.timeNanos() - first);
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** ISO-8601 UTC with all nine digits of the nanoseconds. */
    public static String time(long epochNanos) {
        return TIME.format(Instant.ofEpochSecond(Math.floorDiv(epochNanos, 1_000_000_000L), Math.floorMod(epochNanos, 1_000_000_000L)));
    }
}
