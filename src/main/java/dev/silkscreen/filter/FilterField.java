package dev.silkscreen.filter;

import java.util.List;

/**
 * A field a display filter can name: one of the decoder's registered fields, or one of
 * Silkscreen's own ({@code silk.*}, {@code frame.number}, {@code frame.interface_name}).
 * Numeric values are {@code long}s ({@link #ABSENT} when an occurrence is missing); text values
 * are strings (null when missing). Reading allocates nothing.
 */
public abstract class FilterField {
    public static final long ABSENT = dev.silkscreen.decode.Field.ABSENT;

    /** What the field holds, and so which literals it is compared with. */
    public enum Type {
        /** A protocol: present or not. */
        PROTOCOL,
        /** An unsigned number: decimal, 0x hex or 0-led octal literals. */
        UINT,
        /** A flag: 0/1, True/False. */
        BOOL,
        /** An IPv4 address; literals may carry a prefix ({@code 10.255.0.0/16}). */
        IPV4,
        MAC,
        /** Text: a quoted string, or one bare word. */
        TEXT,
        /** One of a few words ({@code silk.verdict == dropped}). */
        ENUM
    }

    private final String name;
    private final String label;
    private final Type type;
    private boolean ofJourney;

    FilterField(String name, String label, Type type) {
        this.name = name;
        this.label = label;
        this.type = type;
    }

    public final String name() {
        return name;
    }

    public final String label() {
        return label;
    }

    public final Type type() {
        return type;
    }

    /** True for a journey's field ({@code silk.verdict}): frames on their own never have it. */
    public final boolean ofJourney() {
        return ofJourney;
    }

    final FilterField journeyLevel() {
        ofJourney = true;
        return this;
    }

    /** How many occurrences may be asked for. */
    abstract int occurrences();

    /** A numeric occurrence (the index of the word for an {@link Type#ENUM}), or {@link #ABSENT}. */
    long value(Subject s, int i) {
        return ABSENT;
    }

    /** A text occurrence, or null. */
    String text(Subject s, int i) {
        return null;
    }

    /** The words of an {@link Type#ENUM}, in the order of their values. */
    public List<String> words() {
        return List.of();
    }

    /** True when any occurrence is present. */
    final boolean present(Subject s) {
        int n = occurrences();
        for (int i = 0; i < n; i++) {
            if (type == Type.TEXT ? text(s, i) != null : value(s, i) != ABSENT) {
                return true;
            }
        }
        return false;
    }

    @Override
    public String toString() {
        return name;
    }
}
