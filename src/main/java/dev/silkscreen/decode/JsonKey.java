package dev.silkscreen.decode;

import java.util.ArrayList;
import java.util.List;

/**
 * One key of {@code decode --json}, written once: its name, the display-filter field that holds
 * the same value (null where none does) and which occurrence of it. The JSON formatter writes
 * the keys, the README's table of them is {@link #markdownTable()} (a test keeps the two equal),
 * and the tshark cross-check compares each key with tshark's field of the same name.
 */
public final class JsonKey {
    /** One line of the README's table: keys that share a meaning, and the keys of an object's members. */
    public record Row(List<JsonKey> keys, String meaning, List<JsonKey> members) {
    }

    private final String key;
    private final List<String> fields;
    private final Field.Where where;

    private JsonKey(String key, Field.Where where, List<String> fields) {
        this.key = key;
        this.fields = fields;
        this.where = where;
    }

    /** A key whose value is that of {@code fields} (the first one the frame has) at occurrence {@code where}. */
    static JsonKey key(String key, Field.Where where, String... fields) {
        return new JsonKey(key, where, List.of(fields));
    }

    static Row row(String meaning, JsonKey... keys) {
        return new Row(List.of(keys), meaning, List.of());
    }

    /** A key whose value is an object with these members. */
    static Row object(String meaning, JsonKey key, JsonKey... members) {
        return new Row(List.of(key), meaning, List.of(members));
    }

    /** The JSON key, e.g. {@code outer_src}. */
    public String key() {
        return key;
    }

    /** The filter fields with the same value ({@code tcp.srcport}, {@code udp.srcport}); empty when none has it. */
    public List<String> fields() {
        return fields;
    }

    /** Which occurrence of {@link #fields()} it is. */
    public Field.Where where() {
        return where;
    }

    /** Every key in the order the formatter writes them, grouped as the README lists them. */
    public static List<Row> rows() {
        return JsonLineFormatter.ROWS;
    }

    /** The key at {@code path} ({@code outer_src}, or {@code quoted.src} for an object's member). */
    public static JsonKey named(String path) {
        int dot = path.indexOf('.');
        for (Row r : rows()) {
            if (dot < 0) {
                for (JsonKey k : r.keys()) {
                    if (k.key.equals(path)) {
                        return k;
                    }
                }
            } else if (r.keys().get(0).key.equals(path.substring(0, dot))) {
                for (JsonKey k : r.members()) {
                    if (k.key.equals(path.substring(dot + 1))) {
                        return k;
                    }
                }
            }
        }
        throw new IllegalArgumentException("no JSON key " + path);
    }

    /** The README's table: key, meaning, and the display-filter field holding the same value. */
    public static String markdownTable() {
        StringBuilder sb = new StringBuilder("| Key | Meaning | Filter field |\n|---|---|---|\n");
        for (Row r : rows()) {
            List<String> keys = new ArrayList<>();
            List<String> fields = new ArrayList<>();
            String meaning = r.meaning();
            if (!r.members().isEmpty()) {
                List<String> names = new ArrayList<>();
                r.members().forEach(m -> names.add("\"" + m.key + "\""));
                meaning += ": `{" + String.join(", ", names) + "}`";
            }
            List<JsonKey> all = new ArrayList<>(r.keys());
            all.addAll(r.members());
            for (JsonKey k : all) {
                if (r.keys().contains(k)) {
                    keys.add("`" + k.key + "`");
                }
                for (String name : k.fields) {
                    String f = "`" + name + "`" + switch (k.where) {
                        case OUTER -> name.startsWith("vxlan.") ? "" : " (underlay)";
                        case INNER -> "";
                        case QUOTED -> " (quoted)";
                    };
                    if (!fields.contains(f)) {
                        fields.add(f);
                    }
                }
            }
            sb.append("| ").append(String.join(", ", keys)).append(" | ").append(meaning).append(" | ")
                    .append(fields.isEmpty() ? "—" : String.join(", ", fields)).append(" |\n");
        }
        return sb.toString();
    }

    @Override
    public String toString() {
        return key;
    }
}
