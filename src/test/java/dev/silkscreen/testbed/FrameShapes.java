package dev.silkscreen.testbed;

import dev.silkscreen.model.App;
import dev.silkscreen.model.Cell;
import dev.silkscreen.model.Foundation;
import dev.silkscreen.model.Instance;
import dev.silkscreen.model.SilkNames;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * What tshark reports about each overlay frame at each point, with addresses named by their role
 * in the foundation (an app's container, a cell's VTEP or underlay address, a MAC by silk's scheme),
 * so a simulated foundation and the testbed can be compared although their addresses differ.
 * Timing, sequence numbers, ports chosen by the client and payload sizes are left out; protocol
 * stack, TTL, DF, VXLAN flags and GBP, MSS, ICMP type and MTU and the encapsulation overhead stay.
 * Frames that carry no overlay address (underlay ARP, SSH to the cells) are left out too.
 */
final class FrameShapes {
    static final String[] FIELDS = {
        "frame.interface_name", "frame.protocols", "eth.src", "eth.dst", "ip.src", "ip.dst", "ip.ttl", "ip.flags.df", "ip.len",
        "udp.srcport", "udp.dstport", "udp.checksum", "vxlan.flags", "vxlan.gbp", "vxlan.vni",
        "tcp.flags.str", "tcp.options.mss_val", "icmp.type", "icmp.code", "icmp.mtu", "arp.opcode", "arp.dst.proto_ipv4",
    };

    private FrameShapes() {
    }

    /** The set of frame shapes of a pcapng whose interfaces are named {@code CELL:IFACE}. */
    static TreeSet<String> of(Path pcapng, Foundation f) {
        TreeSet<String> shapes = new TreeSet<>();
        for (Map<String, String> frame : TsharkFields.of(pcapng, FIELDS)) {
            String shape = shape(frame, f);
            if (shape != null) {
                shapes.add(shape);
            }
        }
        return shapes;
    }

    private static String shape(Map<String, String> fr, Foundation f) {
        String protocols = fr.get("frame.protocols");
        boolean overlay = fr.get("ip.src").contains("10.255.") || fr.get("ip.dst").contains("10.255.")
                || fr.get("arp.dst.proto_ipv4").startsWith("10.255.");
        if (!overlay) {
            return null;
        }
        StringBuilder sb = new StringBuilder();
        sb.append(point(fr.get("frame.interface_name"), f)).append(" | ").append(stack(protocols));
        String[] macSrc = fr.get("eth.src").split(",");
        String[] macDst = fr.get("eth.dst").split(",");
        for (int i = 0; i < macSrc.length; i++) {
            sb.append(" | eth ").append(mac(macSrc[i], f)).append(">").append(mac(at(macDst, i), f));
        }
        String[] src = fr.get("ip.src").split(",");
        String[] dst = fr.get("ip.dst").split(",");
        String[] ttl = fr.get("ip.ttl").split(",");
        String[] df = fr.get("ip.flags.df").split(",");
        for (int i = 0; i < src.length && !src[i].isEmpty(); i++) {
            sb.append(" | ip ").append(ip(src[i], f)).append(">").append(ip(at(dst, i), f))
                    .append(" ttl=").append(at(ttl, i)).append(" df=").append(at(df, i));
        }
        if (protocols.contains(":vxlan")) {
            String[] len = fr.get("ip.len").split(",");
            int overhead = Integer.parseInt(len[0]) - Integer.parseInt(at(len, 1));
            int sport = Integer.parseInt(fr.get("udp.srcport").split(",")[0]);
            sb.append(" | udp sport=").append(sport >= 32768 && sport <= 60999 ? "ephemeral" : Integer.toString(sport))
                    .append(" dport=").append(fr.get("udp.dstport").split(",")[0])
                    .append(" csum=").append(fr.get("udp.checksum").split(",")[0].equals("0x0000") ? "0" : "set")
                    .append(" | vxlan flags=").append(fr.get("vxlan.flags")).append(" vni=").append(fr.get("vxlan.vni"))
                    .append(" gbp=").append(gbp(fr.get("vxlan.flags"), fr.get("vxlan.gbp"), f))
                    .append(" overhead=").append(overhead);
        }
        if (!fr.get("tcp.flags.str").isEmpty()) {
            sb.append(" | tcp ").append(fr.get("tcp.flags.str").replace('·', '.').split(",")[0]);
            if (!fr.get("tcp.options.mss_val").isEmpty()) {
                sb.append(" mss=").append(fr.get("tcp.options.mss_val"));
            }
        }
        if (!fr.get("icmp.type").isEmpty()) {
            sb.append(" | icmp ").append(fr.get("icmp.type")).append("/").append(fr.get("icmp.code"));
            if (!fr.get("icmp.mtu").isEmpty()) {
                sb.append(" mtu=").append(fr.get("icmp.mtu"));
            }
        }
        if (!fr.get("arp.opcode").isEmpty()) {
            sb.append(" | arp op=").append(fr.get("arp.opcode")).append(" who-has ").append(ip(fr.get("arp.dst.proto_ipv4"), f));
        }
        return sb.toString();
    }

    /** The protocol stack down to the innermost transport header (application dissectors vary with payloads). */
    private static String stack(String protocols) {
        String[] ps = protocols.split(":");
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < ps.length; i++) {
            if (ps[i].equals("data")) {
                break;
            }
            sb.append(sb.isEmpty() ? "" : ":").append(ps[i]);
            boolean tunnel = ps[i].equals("udp") && i + 1 < ps.length && ps[i + 1].equals("vxlan");
            if (ps[i].equals("tcp") || ps[i].equals("arp") || ps[i].equals("udp") && !tunnel) {
                break;
            }
        }
        return sb.toString();
    }

    private static String point(String name, Foundation f) {
        int colon = name.indexOf(':');
        String cell = name.substring(0, colon);
        String iface = name.substring(colon + 1);
        if (iface.startsWith("s-")) {
            for (Instance i : f.instances()) {
                if (i.cell().equals(cell) && i.vethName().equals(iface)) {
                    return cell + ":veth(" + i.app() + ")";
                }
            }
            return cell + ":veth(?" + iface + ")";
        }
        return name;
    }

    private static String ip(String text, Foundation f) {
        if (text.isEmpty()) {
            return "-";
        }
        if (text.equals(SilkNames.VETH_HOST_IP)) {
            return "169.254.0.1";
        }
        for (Instance i : f.instances()) {
            if (i.ip().equals(text)) {
                return i.app();
            }
        }
        for (Cell c : f.cells()) {
            if (c.vtepIp().equals(text)) {
                return "vtep(" + c.name() + ")";
            }
            if (c.underlayIp().equals(text)) {
                return "underlay(" + c.name() + ")";
            }
        }
        return "other";
    }

    private static String mac(String text, Foundation f) {
        if (text.isEmpty()) {
            return "-";
        }
        long mac = SilkNames.parseMac(text);
        for (Instance i : f.instances()) {
            if (mac == i.containerMac()) {
                return "ee:ee+ip(" + i.app() + ")";
            }
            if (mac == i.hostVethMac()) {
                return "aa:aa+ip(" + i.app() + ")";
            }
        }
        for (Cell c : f.cells()) {
            if (mac == c.vtepMac()) {
                return "vtep-mac(" + c.name() + ")";
            }
        }
        return "nic";
    }

    private static String gbp(String flags, String gbp, Foundation f) {
        if (flags.isEmpty() || (Integer.decode(flags) & 0x8000) == 0) {
            return "none";
        }
        int tag = Integer.parseInt(gbp);
        List<App> apps = f.apps();
        return apps.stream().filter(a -> a.tag() == tag).findFirst().map(a -> "tag(" + a.name() + ")").orElse(String.format("0x%04x", tag));
    }

    private static String at(String[] values, int i) {
        return i < values.length ? values[i] : "";
    }
}
