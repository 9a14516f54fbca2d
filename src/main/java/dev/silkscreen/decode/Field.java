package dev.silkscreen.decode;

import java.util.function.LongFunction;

/**
 * One named field of a protocol layer, declared once in its layer's file: the filter name
 * (Wireshark's wherever Wireshark has the field: {@code ip.src}, {@code tcp.flags.syn},
 * {@code vxlan.gbp}), a label for people, a type, and where its bits lie in the layer's header
 * (byte offset, length, mask) or how it is worked out. Display filters, the JSON lines, the
 * decoder's summaries, the inspector's tree and the tshark cross-check read fields from here.
 *
 * <p>A field can occur more than once in a frame: the underlay header of a VXLAN frame, the
 * innermost packet and the packet an ICMP error quotes each have their {@code ip.src}. Occurrence
 * {@code i} of a header field is {@link Where#values()}{@code [i]}; {@link #read} returns
 * {@link #ABSENT} for an occurrence the frame does not have (or whose bytes were not captured).
 * Reading allocates nothing.
 */
public final class Field {
    /** What {@link #read} returns for an occurrence the frame does not have. */
    public static final long ABSENT = Long.MIN_VALUE;

    /** What a field holds, and so how it is shown and which literals a filter compares it with. */
    public enum Type {
        /** A protocol's own name ({@code tcp}): present or not, no value. */
        PROTOCOL,
        UINT,
        /** A flag bit: 0 or 1. */
        BOOL,
        IPV4,
        /** A MAC address in the low 48 bits. */
        MAC
    }

    /** Which header of a frame a header field's occurrence is read from, in the order tshark lists them. */
    public enum Where {
        /** The underlay header around a VXLAN frame. */
        OUTER,
        /** The innermost packet (the only one of a frame that is not encapsulated). */
        INNER,
        /** The packet an ICMP error quotes. */
        QUOTED;

        private static final Where[] ALL = values();

        public static Where of(int occurrence) {
            return ALL[occurrence];
        }
    }

    /** Reads occurrence {@code i} of a field from a decoded frame, {@link #ABSENT} when there is none. */
    @FunctionalInterface
    public interface Reader {
        long read(DecodedFrame d, int i);
    }

    private final Protocol protocol;
    private final String name;
    private final String label;
    private final Type type;
    private final int offset;
    private final int length;
    private final long mask;
    private final int shift;
    private final int scale;
    private final int occurrences;
    private final Reader reader;
    private final LongFunction<String> valueNames;
    private final boolean inTree;
    /** Set once while the layer's fields are declared: the frames in which the field exists at all. */
    private java.util.function.Predicate<DecodedFrame> onlyWhen;
    /** False for fields Wireshark does not show in a packet an ICMP error quotes (raw sequence numbers). */
    private boolean inQuoted = true;
    /** Bytes of the layer's header that must have been captured for the field to exist (0: its own bytes). */
    private int needsHeader;
    /** Shown in hex ({@code 0x1234}), as Wireshark's BASE_HEX. */
    private boolean hex;

    Field(Protocol protocol, String name, String label, Type type, int offset, int length, long mask, int scale,
          int occurrences, Reader reader, LongFunction<String> valueNames, boolean inTree) {
        this.protocol = protocol;
        this.name = name;
        this.label = label;
        this.type = type;
        this.offset = offset;
        this.length = length;
        this.mask = mask;
        this.shift = mask == 0 ? 0 : Long.numberOfTrailingZeros(mask);
        this.scale = scale;
        this.occurrences = occurrences;
        this.reader = reader != null ? reader : this::readHeader;
        this.valueNames = valueNames;
        this.inTree = inTree;
    }

    /** The filter name, e.g. {@code ip.src}. */
    public String name() {
        return name;
    }

    /** A short label for people, e.g. {@code Source address}. */
    public String label() {
        return label;
    }

    public Type type() {
        return type;
    }

    public Protocol protocol() {
        return protocol;
    }

    /** Byte offset of the field in its layer's header, -1 for a field that is worked out rather than read. */
    public int offset() {
        return offset;
    }

    /** Bytes the field's bits lie in (0 for a worked-out field). */
    public int length() {
        return length;
    }

    /** The field's bits within its bytes, 0 when it is all of them. */
    public long mask() {
        return mask;
    }

    /** True when the inspector shows the field as a line of its layer (false for {@code ip.addr} and the like). */
    public boolean inTree() {
        return inTree && offset >= 0;
    }

    /** How many occurrences {@link #read} may be asked for: 0 … occurrences - 1. */
    public int occurrences() {
        return occurrences;
    }

    /** Occurrence {@code i} of this field in {@code d}, or {@link #ABSENT}. */
    public long read(DecodedFrame d, int i) {
        return reader.read(d, i);
    }

    /** Occurrence {@code where} of a header field. */
    public long read(DecodedFrame d, Where where) {
        return reader.read(d, where.ordinal());
    }

    /** True when occurrence {@code where} is present. */
    public boolean has(DecodedFrame d, Where where) {
        return read(d, where) != ABSENT;
    }

    /** A name for a value ({@code SYN ACK}, {@code port unreachable}, {@code tcp}), null when it has none. */
    public String valueName(long value) {
        return valueNames == null ? null : valueNames.apply(value);
    }

    /** The value as people read it: an address, a number, a hex code with its name. */
    public String format(long value) {
        String named = valueName(value);
        String plain = switch (type) {
            case IPV4 -> Names.ipv4((int) value, new StringBuilder(15)).toString();
            case MAC -> Names.mac(value);
            case BOOL -> value != 0 ? "1 (set)" : "0 (not set)";
            case PROTOCOL -> label;
            case UINT -> hex ? String.format(java.util.Locale.ROOT, "0x%0" + Math.max(2, length * 2) + "x", value) : Long.toString(value);
        };
        return named == null ? plain : plain + " (" + named + ")";
    }

    /** Declares that the field exists only in frames {@code when} accepts; returns this field. */
    Field onlyWhen(java.util.function.Predicate<DecodedFrame> when) {
        this.onlyWhen = when;
        return this;
    }

    /** Declares that display filters do not see the field in a quoted packet, as Wireshark does not; returns this field. */
    Field notInQuoted() {
        this.inQuoted = false;
        return this;
    }

    /** Declares that people read the field in hex; returns this field. */
    Field hex() {
        this.hex = true;
        return this;
    }

    /** Declares that display filters see the field only when the first {@code bytes} of its layer's header were captured. */
    Field needsHeader(int bytes) {
        this.needsHeader = bytes;
        return this;
    }

    /**
     * Occurrence {@code i} as display filters see it, which is where Wireshark shows the field:
     * not in a quoted packet for the raw sequence number, not in a header cut short for the fields
     * that need all of it. {@link #read} reads every occurrence whose bytes are there.
     */
    public long filterValue(DecodedFrame d, int i) {
        if (occurrences == 3 && i == Where.QUOTED.ordinal() && !inQuoted) {
            return ABSENT;
        }
        if (needsHeader > 0) {
            int start = protocol.start(d, Where.of(i));
            if (start < 0 || start + needsHeader > d.dataEnd) {
                return ABSENT;
            }
        }
        return reader.read(d, i);
    }

    /** Reads the field's bits at the start of its layer's header for this occurrence. */
    private long readHeader(DecodedFrame d, int i) {
        int start = protocol.start(d, Where.of(i));
        if (start < 0 || onlyWhen != null && !onlyWhen.test(d)) {
            return ABSENT;
        }
        if (type == Type.PROTOCOL) {
            return 1;
        }
        int p = start + offset;
        if (p + length > d.dataEnd) {
            return ABSENT;
        }
        long v = 0;
        for (int k = 0; k < length; k++) {
            v = v << 8 | (d.data[p + k] & 0xff);
        }
        if (mask != 0) {
            v = (v & mask) >>> shift;
        }
        return v * scale;
    }

    @Override
    public String toString() {
        return name;
    }
}
