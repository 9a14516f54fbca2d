package dev.silkscreen.decode;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.LongFunction;

/**
 * One protocol layer as the field registry knows it: its filter name ({@code ip}), a label
 * ({@code IPv4}), where its header starts in a frame for each {@link Field.Where occurrence}, and
 * its fields in header order. Each layer's file declares its own (e.g. {@code Ipv4Layer.IP}).
 */
public final class Protocol {
    /** Where the layer's header starts in the frame's bytes for one occurrence, -1 when the frame has none. */
    @FunctionalInterface
    interface Start {
        int of(DecodedFrame d, Field.Where where);
    }

    private final String name;
    private final String label;
    private final Start start;
    private final int headerLength;
    private final List<Field> fields = new ArrayList<>();
    private final Field self;

    Protocol(String name, String label, int headerLength, Start start) {
        this.name = name;
        this.label = label;
        this.start = start;
        this.headerLength = headerLength;
        this.self = add(new Field(this, name, label, Field.Type.PROTOCOL, 0, 0, 0, 1, 3, null, null, false));
    }

    public String name() {
        return name;
    }

    public String label() {
        return label;
    }

    /** The layer's fields in header order, the protocol's own presence field first. */
    public List<Field> fields() {
        return Collections.unmodifiableList(fields);
    }

    /** The field that is the protocol itself ({@code tcp}: present or not). */
    public Field presence() {
        return self;
    }

    /** Bytes of the fixed header (the inspector's layer span when the header says no other). */
    public int headerLength() {
        return headerLength;
    }

    /** Offset of this occurrence's header in the frame, -1 when the frame has none. */
    public int start(DecodedFrame d, Field.Where where) {
        return start.of(d, where);
    }

    Field uint(String name, String label, int offset, int length) {
        return header(name, label, Field.Type.UINT, offset, length, 0, 1, null);
    }

    Field header(String name, String label, Field.Type type, int offset, int length, long mask, int scale,
                 LongFunction<String> names) {
        return add(new Field(this, name, label, type, offset, length, mask, scale, 3, null, names, true));
    }

    Field bit(String name, String label, int offset, int length, long mask) {
        return add(new Field(this, name, label, Field.Type.BOOL, offset, length, mask, 1, 3, null, null, false));
    }

    /** A field that is worked out, not read from fixed bits: {@code reader} gives each occurrence. */
    Field computed(String name, String label, Field.Type type, int occurrences, Field.Reader reader) {
        return add(new Field(this, name, label, type, -1, 0, 0, 1, occurrences, reader, null, false));
    }

    /** {@code ip.addr} and the like: every occurrence of {@code a}, then of {@code b}, per header. */
    Field either(String name, String label, Field a, Field b) {
        int n = a.occurrences();
        return add(new Field(this, name, label, a.type(), -1, 0, 0, 1, 2 * n,
                (d, i) -> (i & 1) == 0 ? a.read(d, i >> 1) : b.read(d, i >> 1), null, false));
    }

    private Field add(Field f) {
        fields.add(f);
        return f;
    }

    @Override
    public String toString() {
        return name;
    }
}
