package dev.silkscreen.ui.inspector;

import dev.silkscreen.decode.DecodedFrame;
import dev.silkscreen.decode.FrameDecoder;
import dev.silkscreen.model.App;
import dev.silkscreen.model.Foundation;
import dev.silkscreen.model.Frame;
import dev.silkscreen.model.Ipv4;
import dev.silkscreen.model.LinkType;
import dev.silkscreen.model.SilkNames;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
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

    /** Takes {@code frame} apart; {@code foundation} names tags and addresses in CF terms. */
    public static PacketLayers of(Frame frame, Foundation foundation) {
        DecodedFrame d = new FrameDecoder().decode(frame, new DecodedFrame());
        byte[] b = frame.data();
        List<Layer> out = new ArrayList<>();
        int innerIpAt = d.ipOffset;
        if (d.encapsulated) {
            if (frame.linkType() == LinkType.ETHERNET) {
                out.add(ethernet("Outer Ethernet", b, 0));
            }
            if (d.outerIpOffset >= 0) {
                out.add(ipv4("Outer IPv4 (underlay)", b, d.outerIpOffset, foundation, false));
            }
            if (d.vxlanOffset >= 8) {
                out.add(udp("Outer UDP", b, d.vxlanOffset - 8));
                out.add(vxlan(b, d, foundation));
            }
            if (d.innerEthOffset >= 0 && d.innerEthOffset + 14 <= b.length) {
                out.add(ethernet("Inner Ethernet", b, d.innerEthOffset));
            }
        } else if (frame.linkType() == LinkType.ETHERNET && b.length >= 14) {
            out.add(ethernet("Ethernet", b, 0));
        }
        if (innerIpAt >= 0 && d.ipVersion == 4 && innerIpAt + 20 <= b.length) {
            out.add(ipv4(d.encapsulated ? "Inner IPv4 (overlay)" : "IPv4", b, innerIpAt, foundation, true));
            int l4 = d.l4Offset;
            if (l4 >= 0 && l4 < b.length) {
                switch (d.ipProto) {
                    case 6 -> out.add(tcp(b, l4, d));
                    case 17 -> out.add(udp("UDP", b, l4));
                    case 1 -> out.add(icmp(b, l4, d));
                    default -> { }
                }
            }
        }
        if (d.payloadOffset >= 0 && d.payloadOffset < b.length) {
            int len = b.length - d.payloadOffset;
            out.add(new Layer("Payload", d.payloadOffset, len,
                    List.of(new Field("data", len + " bytes captured", d.payloadOffset, len))));
        }
        return new PacketLayers(frame, d, out);
    }

    private static Layer ethernet(String name, byte[] b, int o) {
        List<Field> f = new ArrayList<>();
        f.add(new Field("destination", mac(b, o), o, 6));
        f.add(new Field("source", mac(b, o + 6), o + 6, 6));
        f.add(new Field("type", String.format(Locale.ROOT, "0x%04x", u16(b, o + 12)), o + 12, 2));
        return new Layer(name, o, 14, f);
    }

    private static Layer ipv4(String name, byte[] b, int o, Foundation fd, boolean overlay) {
        int ihl = (b[o] & 0x0f) * 4;
        List<Field> f = new ArrayList<>();
        f.add(new Field("version / header length", "4 / " + ihl + " bytes", o, 1));
        f.add(new Field("total length", Integer.toString(u16(b, o + 2)), o + 2, 2));
        f.add(new Field("identification", String.format(Locale.ROOT, "0x%04x", u16(b, o + 4)), o + 4, 2));
        int ff = u16(b, o + 6);
        f.add(new Field("flags / fragment", ((ff & 0x4000) != 0 ? "DF" : "-") + " / " + (ff & 0x1fff) * 8, o + 6, 2));
        f.add(new Field("TTL", Integer.toString(b[o + 8] & 0xff), o + 8, 1));
        f.add(new Field("protocol", proto(b[o + 9] & 0xff), o + 9, 1));
        f.add(new Field("checksum", String.format(Locale.ROOT, "0x%04x", u16(b, o + 10)), o + 10, 2));
        f.add(new Field("source", who(fd, u32(b, o + 12), overlay), o + 12, 4));
        f.add(new Field("destination", who(fd, u32(b, o + 16), overlay), o + 16, 4));
        return new Layer(name, o, ihl, f);
    }

    private static Layer udp(String name, byte[] b, int o) {
        List<Field> f = new ArrayList<>();
        f.add(new Field("source port", Integer.toString(u16(b, o)), o, 2));
        int dport = u16(b, o + 2);
        f.add(new Field("destination port", dport + (dport == SilkNames.VXLAN_PORT ? " (VXLAN)" : ""), o + 2, 2));
        f.add(new Field("length", Integer.toString(u16(b, o + 4)), o + 4, 2));
        f.add(new Field("checksum", String.format(Locale.ROOT, "0x%04x", u16(b, o + 6)), o + 6, 2));
        return new Layer(name, o, 8, f);
    }

    private static Layer vxlan(byte[] b, DecodedFrame d, Foundation fd) {
        int o = d.vxlanOffset;
        List<Field> f = new ArrayList<>();
        int flags = d.vxlanFlags;
        String names = ((flags & 0x80) != 0 ? "G (group policy) + " : "") + ((flags & 0x08) != 0 ? "I (VNI valid)" : "no I");
        f.add(new Field("flags", String.format(Locale.ROOT, "0x%02x = %s", flags, names), o, 1));
        f.add(new Field("GBP flags", (d.gbpD ? "D (don't learn) " : "") + (d.gbpA ? "A (policy applied)" : "")
                + (!d.gbpD && !d.gbpA ? "none" : ""), o + 1, 1));
        f.add(new Field("Group Policy ID", gbpText(d.gbp, fd), o + 2, 2));
        f.add(new Field("VNI", Integer.toString(d.vni), o + 4, 3));
        f.add(new Field("reserved", Integer.toString(b[o + 7] & 0xff), o + 7, 1));
        return new Layer("VXLAN (Group Based Policy)", o, 8, f);
    }

    /** "GBP 4 = tag 0x0004 = AppB", in the words of Cloud Foundry. */
    public static String gbpText(int gbp, Foundation fd) {
        if (gbp < 0) {
            return "none (G flag clear: the packet carried no mark)";
        }
        Optional<App> app = fd == null ? Optional.empty() : fd.appByTag(gbp);
        return "GBP " + gbp + " = tag 0x" + SilkNames.tagHex(gbp) + app.map(a -> " = " + a.name()).orElse(" (no app has this tag)");
    }

    private static Layer tcp(byte[] b, int o, DecodedFrame d) {
        List<Field> f = new ArrayList<>();
        f.add(new Field("source port", Integer.toString(u16(b, o)), o, 2));
        f.add(new Field("destination port", Integer.toString(u16(b, o + 2)), o + 2, 2));
        if (o + 20 <= b.length) {
            f.add(new Field("sequence", Long.toString(d.seq), o + 4, 4));
            f.add(new Field("acknowledgement", Long.toString(d.ack), o + 8, 4));
            f.add(new Field("flags", tcpFlags(d.tcpFlags), o + 12, 2));
            f.add(new Field("window", Integer.toString(u16(b, o + 14)), o + 14, 2));
            f.add(new Field("checksum", String.format(Locale.ROOT, "0x%04x", u16(b, o + 16)), o + 16, 2));
        }
        int len = o + 20 <= b.length ? ((b[o + 12] & 0xf0) >>> 4) * 4 : b.length - o;
        return new Layer("TCP", o, len, f);
    }

    private static Layer icmp(byte[] b, int o, DecodedFrame d) {
        List<Field> f = new ArrayList<>();
        String type = switch (d.icmpType) {
            case 0 -> "0 echo reply";
            case 3 -> "3 destination unreachable" + (d.icmpCode == 3 ? " (port unreachable: rejected)" : " code " + d.icmpCode);
            case 8 -> "8 echo request";
            default -> d.icmpType + " code " + d.icmpCode;
        };
        f.add(new Field("type / code", type, o, 2));
        if (o + 4 <= b.length) {
            f.add(new Field("checksum", String.format(Locale.ROOT, "0x%04x", u16(b, o + 2)), o + 2, 2));
        }
        if (d.hasQuoted) {
            f.add(new Field("quoted packet", Ipv4.format(d.quotedSrc) + ":" + d.quotedSport + " → "
                    + Ipv4.format(d.quotedDst) + ":" + d.quotedDport, o + 8, Math.max(0, Math.min(28, b.length - o - 8))));
        }
        return new Layer("ICMP", o, 8, f);
    }

    static String tcpFlags(int flags) {
        String[] names = {"FIN", "SYN", "RST", "PSH", "ACK", "URG", "ECE", "CWR"};
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < names.length; i++) {
            if ((flags & (1 << i)) != 0) {
                sb.append(sb.length() == 0 ? "" : " ").append(names[i]);
            }
        }
        return sb.length() == 0 ? "none" : sb.toString();
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

    private static String proto(int p) {
        return switch (p) {
            case 1 -> "1 ICMP";
            case 6 -> "6 TCP";
            case 17 -> "17 UDP";
            default -> Integer.toString(p);
        };
    }

    private static String mac(byte[] b, int o) {
        long v = 0;
        for (int i = 0; i < 6; i++) {
            v = (v << 8) | (b[o + i] & 0xff);
        }
        return SilkNames.formatMac(v);
    }

    private static int u16(byte[] b, int o) {
        return o + 1 < b.length ? ((b[o] & 0xff) << 8) | (b[o + 1] & 0xff) : 0;
    }

    private static int u32(byte[] b, int o) {
        return o + 3 < b.length ? ((b[o] & 0xff) << 24) | ((b[o + 1] & 0xff) << 16) | ((b[o + 2] & 0xff) << 8) | (b[o + 3] & 0xff) : 0;
    }
}
