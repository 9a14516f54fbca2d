package dev.silkscreen.filter;

import dev.silkscreen.decode.Field;
import dev.silkscreen.decode.Fields;
import dev.silkscreen.model.CapturePoint;
import dev.silkscreen.model.Journey;
import dev.silkscreen.model.Verdict;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.ToLongFunction;

/**
 * Every field a display filter can name: the decoder's registered fields (read on the frame's
 * flyweight), then the ones only Silkscreen knows, declared here once: the frame's number and
 * capture point, the sighting's step and cell, and the journey's apps, tag and verdict.
 */
public final class SilkFields {
    private static final Map<String, FilterField> ALL = build();

    private SilkFields() {
    }

    /** Every field by filter name: the decoder's first, then Silkscreen's own. */
    public static Map<String, FilterField> all() {
        return ALL;
    }

    /** The field called {@code name}, or null. */
    public static FilterField field(String name) {
        return ALL.get(name);
    }

    /** The filter names, sorted, for completion. */
    public static List<String> names() {
        List<String> names = new ArrayList<>(ALL.keySet());
        Collections.sort(names);
        return names;
    }

    private static Map<String, FilterField> build() {
        Map<String, FilterField> m = new LinkedHashMap<>();
        for (Field f : Fields.byName().values()) {
            m.put(f.name(), new Decoded(f));
        }
        List<FilterField> ours = List.of(
                number("frame.number", "Frame number in its file", s -> s.number > 0 ? s.number : FilterField.ABSENT),
                text("frame.interface_name", "Capture point CELL:IFACE", s -> pointName(s.point)),
                text("silk.point", "Capture point CELL:IFACE", s -> pointName(s.point)),
                text("silk.cell", "Cell the frame was captured on", s -> s.point == null
                        || s.point.cell().isEmpty() ? null : s.point.cell()),
                text("silk.iface", "Interface the frame was captured on", s -> s.point == null ? null : s.point.iface()),
                number("silk.step", "Step of the eleven this sighting shows", s -> s.step > 0 ? s.step : FilterField.ABSENT).journeyLevel(),
                new Apps().journeyLevel(),
                text("silk.src_app", "Source app", s -> s.journey == null ? null : s.journey.srcApp()).journeyLevel(),
                text("silk.dst_app", "Destination app", s -> s.journey == null ? null : s.journey.dstApp()).journeyLevel(),
                number("silk.tag", "Source app's policy tag", s -> s.journey == null || s.journey.tag() < 0
                        ? FilterField.ABSENT : s.journey.tag()).journeyLevel(),
                new VerdictField().journeyLevel(),
                number("silk.drop_step", "Step at which the packet died", s -> s.journey == null || s.journey.dropStage() <= 0
                        ? FilterField.ABSENT : s.journey.dropStage()).journeyLevel(),
                text("silk.drop_cell", "Cell on which the packet died", s -> s.journey == null ? null : s.journey.dropCell()).journeyLevel(),
                text("silk.reason", "Why it was dropped", s -> s.journey == null ? null : s.journey.reason()).journeyLevel(),
                text("silk.summary", "The packet in a few words (TCP SYN ...)", s -> s.journey == null ? null : s.journey.summary()).journeyLevel(),
                number("silk.journey", "Journey number", s -> s.journey == null ? FilterField.ABSENT : s.journey.id()).journeyLevel());
        for (FilterField f : ours) {
            if (m.put(f.name(), f) != null) {
                throw new IllegalStateException("field declared twice: " + f.name());
            }
        }
        return Collections.unmodifiableMap(m);
    }

    private static String pointName(CapturePoint p) {
        return p == null || p.name().isEmpty() ? null : p.name();
    }

    private static FilterField number(String name, String label, ToLongFunction<Subject> get) {
        return new FilterField(name, label, FilterField.Type.UINT) {
            @Override
            int occurrences() {
                return 1;
            }

            @Override
            long value(Subject s, int i) {
                return get.applyAsLong(s);
            }
        };
    }

    private static FilterField text(String name, String label, Function<Subject, String> get) {
        return new FilterField(name, label, FilterField.Type.TEXT) {
            @Override
            int occurrences() {
                return 1;
            }

            @Override
            String text(Subject s, int i) {
                return get.apply(s);
            }
        };
    }

    /** A decoder field, read on the subject's flyweight. */
    static final class Decoded extends FilterField {
        private final Field field;
        private final int occurrences;

        Decoded(Field field) {
            super(field.name(), field.label(), switch (field.type()) {
                case PROTOCOL -> Type.PROTOCOL;
                case UINT -> Type.UINT;
                case BOOL -> Type.BOOL;
                case IPV4 -> Type.IPV4;
                case MAC -> Type.MAC;
            });
            this.field = field;
            this.occurrences = field.occurrences();
        }

        @Override
        int occurrences() {
            return occurrences;
        }

        @Override
        long value(Subject s, int i) {
            return field.filterValue(s.decoded, i);
        }
    }

    /** {@code silk.app}: the source or the destination app, as {@code ip.addr} is either address. */
    private static final class Apps extends FilterField {
        Apps() {
            super("silk.app", "Source or destination app", Type.TEXT);
        }

        @Override
        int occurrences() {
            return 2;
        }

        @Override
        String text(Subject s, int i) {
            Journey j = s.journey;
            return j == null ? null : i == 0 ? j.srcApp() : j.dstApp();
        }
    }

    private static final class VerdictField extends FilterField {
        private static final List<String> WORDS = verdictWords();

        VerdictField() {
            super("silk.verdict", "What became of the packet", Type.ENUM);
        }

        private static List<String> verdictWords() {
            List<String> w = new ArrayList<>();
            for (Verdict v : Verdict.values()) {
                w.add(v.word());
            }
            return List.copyOf(w);
        }

        @Override
        public List<String> words() {
            return WORDS;
        }

        @Override
        int occurrences() {
            return 1;
        }

        @Override
        long value(Subject s, int i) {
            return s.journey == null ? ABSENT : s.journey.verdict().ordinal();
        }
    }
}
