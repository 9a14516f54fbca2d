package dev.silkscreen.decode;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The field registry: every protocol layer the decoder knows and its fields, each declared once in
 * its layer's file ({@code Ipv4Layer.IP}, {@code TcpLayer.TCP} ...). Display filters, the JSON
 * lines, the inspector and the tshark cross-check look fields up here by their filter name.
 */
public final class Fields {
    /** Whole-frame facts the flyweight holds: Wireshark's {@code frame.len} and {@code frame.cap_len}. */
    static final Protocol FRAME = new Protocol("frame", "Frame", 0,
            (d, w) -> w == Field.Where.INNER && d.data != null ? d.dataStart : -1);
    static final Field FRAME_LEN = FRAME.computed("frame.len", "Bytes on the wire", Field.Type.UINT, 3,
            (d, i) -> i == Field.Where.INNER.ordinal() ? d.origLen : Field.ABSENT);
    static final Field FRAME_CAP_LEN = FRAME.computed("frame.cap_len", "Bytes captured", Field.Type.UINT, 3,
            (d, i) -> i == Field.Where.INNER.ordinal() ? d.capLen : Field.ABSENT);

    /** Silkscreen's own facts about a frame, where Wireshark has no field for them. */
    static final Protocol SILK = new Protocol("silk", "Silkscreen", 0,
            (d, w) -> w == Field.Where.INNER && d.data != null ? d.dataStart : -1);
    static final Field PAYLOAD_LEN = SILK.computed("silk.payload_len", "Transport payload bytes", Field.Type.UINT, 3,
            (d, i) -> i == Field.Where.INNER.ordinal() && d.payloadLen >= 0 ? d.payloadLen : Field.ABSENT);
    static final Field MALFORMED = SILK.computed("silk.malformed", "Decoding stopped early", Field.Type.BOOL, 3,
            (d, i) -> i == Field.Where.INNER.ordinal() && d.malformed != null ? 1 : Field.ABSENT);

    private static final List<Protocol> PROTOCOLS = List.of(FRAME, EthernetLayer.ETH, ArpLayer.ARP, Ipv4Layer.IP,
            UdpLayer.UDP, VxlanLayer.VXLAN, TcpLayer.TCP, IcmpLayer.ICMP, SILK);
    private static final Map<String, Field> BY_NAME = index();

    private Fields() {
    }

    /** Every layer, outermost kinds first. */
    public static List<Protocol> protocols() {
        return PROTOCOLS;
    }

    /** Every field by its filter name, in declaration order (the {@code silk} layer's own name left out). */
    public static Map<String, Field> byName() {
        return BY_NAME;
    }

    /** The field called {@code name}, or null. */
    public static Field field(String name) {
        return BY_NAME.get(name);
    }

    /** The field called {@code name}; a misspelt name is a bug in the caller. */
    public static Field require(String name) {
        Field f = BY_NAME.get(name);
        if (f == null) {
            throw new IllegalArgumentException("no field " + name);
        }
        return f;
    }

    private static Map<String, Field> index() {
        Map<String, Field> m = new LinkedHashMap<>();
        List<String> twice = new ArrayList<>();
        for (Protocol p : PROTOCOLS) {
            for (Field f : p.fields()) {
                if (f == SILK.presence()) {
                    continue;
                }
                if (m.put(f.name(), f) != null) {
                    twice.add(f.name());
                }
            }
        }
        if (!twice.isEmpty()) {
            throw new IllegalStateException("fields declared twice: " + twice);
        }
        return Collections.unmodifiableMap(m);
    }
}
