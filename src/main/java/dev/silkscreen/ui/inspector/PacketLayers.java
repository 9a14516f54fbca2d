package dev.silkscreen.ui.inspector;

import dev.silkscreen.decode.DecodedFrame;
import dev.silkscreen.decode.Field.Where;
import dev.silkscreen.decode.Fields;
import dev.silkscreen.decode.FrameDecoder;
import dev.silkscreen.decode.Protocol;
import dev.silkscreen.model.App;
import dev.silkscreen.model.Foundation;
import dev.silkscreen.model.Frame;
import dev.silkscreen.model.IcmpMessage;
import dev.silkscreen.model.Ipv4;
import dev.silkscreen.model.SilkNames;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * One frame taken apart for the inspector: its layers, outer (underlay) first, each with fields
 * that know their bytes (offset and length into the frame), so the hex view and the field list
 * highlight each other. Built from the decoder's offsets; runs only for the packet a person
 * selected, never on the hot path.
 */
public final class PacketLayers {

    /** One field: name, value for people, and its bytes in the frame. */
    public record Field(String name, String value, int offset, int length) {
        public boolean covers(int byteIndex) {
            return byteIndex >= offset && byteIndex < offset + length;
        }
    }

    /** One protocol layer: its fields and the bytes it spans. */
    public record Layer(String name, int offset, int length, List<Field> fields) {
    }

    private final Frame frame;
    private final DecodedFrame decoded;
    private final List<Layer> layers;

    private PacketLayers(Frame frame, DecodedFrame decoded, List<Layer> layers) {
        this.frame = frame;
        this.decoded = decoded;
        this.layers = List.copyOf(layers);
    }

    public Frame frame() {
        return frame;
    }

    public DecodedFrame decoded() {
        return decoded;
    }

    public List<Layer> layers() {
        return layers;
    }

    /** The field covering byte {@code index} (innermost layer wins), or null. */
    public Field fieldAt(int index) {
        for (int l = layers.size() - 1; l >= 0; l--) {
            for (Field f : layers.get(l).fields()) {
                if (f.covers(index)) {
                    return f;
                }
            }
        }
        return null;
    }

    /**
     * Takes {@code frame} apart; {@code foundation} names tags and addresses in CF terms. The layers
     * and their fields (labels, bytes, value names) come from the decoder's field registry.
     */
    public static PacketLayers of(Frame frame, Foundation foundation) {
        DecodedFrame d = new FrameDecoder().decode(frame, new DecodedFrame());
        byte[] b = frame.data();
        List<Placed> placed = new ArrayList<>();
        for (Protocol p : Fields.protocols()) {
            if (p.name().equals("frame") || p.name().equals("silk")) {
                continue;
            }
            for (Where w : Where.values()) {
                int start = p.start(d, w);
                if (start >= 0 && start < b.length) {
                    placed.add(new Placed(p, w, start));
                }
            }
        }
        placed.sort(Comparator.comparingInt(Placed::start));
        List<Layer> out = new ArrayList<>();
        for (Placed p : placed) {
            out.add(layer(p, d, b, foundation));
        }
        if (d.payloadOffset >= 0 && d.payloadOffset < b.length && !d.hasQuoted) {
            int len = b.length - d.payloadOffset;
            out.add(new Layer("Payload", d.payloadOffset, len,
                    List.of(new Field("data", len + " bytes captured", d.payloadOffset, len))));
        }
        return new PacketLayers(frame, d, out);
    }

    /** One occurrence of a protocol in the frame: which header, and where it starts. */
    private record Placed(Protocol protocol, Where where, int start) {
    }

    private static Layer layer(Placed p, DecodedFrame d, byte[] b, Foundation fd) {
        List<Field> fields = new ArrayList<>();
        for (dev.silkscreen.decode.Field f : p.protocol().fields()) {
            if (!f.inTree()) {
                continue;
            }
            long v = f.read(d, p.where());
            if (v != dev.silkscreen.decode.Field.ABSENT) {
                fields.add(new Field(f.label(), text(f, v, p.where(), d, fd), p.start() + f.offset(), f.length()));
            }
        }
        int length = headerLength(p, d);
        return new Layer(layerName(p, d), p.start(), Math.max(0, Math.min(length, b.length - p.start())), fields);
    }

    private static int headerLength(Placed p, DecodedFrame d) {
        dev.silkscreen.decode.Field hdr = Fields.field(p.protocol().name() + ".hdr_len");
        long v = hdr == null ? dev.silkscreen.decode.Field.ABSENT : hdr.read(d, p.where());
        return v > 0 ? (int) v : p.protocol().headerLength();
    }

    private static String layerName(Placed p, DecodedFrame d) {
        String label = p.protocol().label();
        boolean ip = p.protocol().name().equals("ip");
        return switch (p.where()) {
            case OUTER -> p.protocol().name().equals("vxlan") ? label : "Outer " + label + (ip ? " (underlay)" : "");
            case INNER -> d.encapsulated && (ip || p.protocol().name().equals("eth")) ? "Inner " + label + (ip ? " (overlay)" : "") : label;
            case QUOTED -> "Quoted " + label + " (the packet the ICMP error answers)";
        };
    }

    /** A field's value for people, in Cloud Foundry's words where the foundation knows them. */
    private static String text(dev.silkscreen.decode.Field f, long v, Where w, DecodedFrame d, Foundation fd) {
        return switch (f.name()) {
            case "ip.src", "ip.dst" -> who(fd, (int) v, w != Where.OUTER);
            case "vxlan.gbp" -> gbpText(d.gbp, fd);
            case "udp.dstport", "udp.srcport" -> v + (v == SilkNames.VXLAN_PORT ? " (VXLAN)" : "");
            case "icmp.code" -> {
                long type = Fields.require("icmp.type").read(d, w);
                String said = IcmpMessage.describe((int) type, (int) v, (int) Math.max(0, Fields.require("icmp.mtu").read(d, w)));
                yield v + " (" + said + (IcmpMessage.isRejection((int) type, (int) v) ? ": rejected" : "") + ")";
            }
            default -> f.format(v);
        };
    }

    /** "GBP 4 = tag 0x0004 = AppB", in the words of Cloud Foundry. */
    public static String gbpText(int gbp, Foundation fd) {
        if (gbp < 0) {
            return "none (G flag clear: the packet carried no mark)";
        }
        Optional<App> app = fd == null ? Optional.empty() : fd.appByTag(gbp);
        return "GBP " + gbp + " = tag 0x" + SilkNames.tagHex(gbp) + app.map(a -> " = " + a.name()).orElse(" (no app has this tag)");
    }

    private static String who(Foundation fd, int ip, boolean overlay) {
        String text = Ipv4.format(ip);
        if (fd == null) {
            return text;
        }
        if (overlay) {
            return fd.instanceByIp(text).map(i -> text + " (" + i.app() + "/" + i.index() + " on " + i.cell() + ")")
                    .or(() -> fd.cells().stream().filter(c -> c.vtepIp().equals(text)).findFirst()
                            .map(c -> text + " (silk-vtep of " + c.name() + ")"))
                    .orElse(text);
        }
        return fd.cellByUnderlayIp(text).map(c -> text + " (" + c.name() + ")").orElse(text);
    }
}
