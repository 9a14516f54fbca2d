package dev.silkscreen.sim;

import dev.silkscreen.model.Flow;
import dev.silkscreen.model.IcmpMessage;
import dev.silkscreen.model.Ipv4;
import dev.silkscreen.model.TcpFlag;

/** Read-only view of the fields of an IPv4 datagram the data path decides on. */
final class Packet {
    final byte[] ip;

    Packet(byte[] ip) {
        this.ip = ip;
    }

    int src() {
        return Wire.get32(ip, 12);
    }

    int dst() {
        return Wire.get32(ip, 16);
    }

    int proto() {
        return ip[9] & 0xff;
    }

    int ttl() {
        return ip[8] & 0xff;
    }

    int id() {
        return Wire.get16(ip, 4);
    }

    int length() {
        return ip.length;
    }

    boolean df() {
        return (Wire.get16(ip, 6) & 0x4000) != 0;
    }

    int sport() {
        int p = proto();
        return p == Wire.PROTO_TCP || p == Wire.PROTO_UDP ? Wire.get16(ip, Wire.IP_HLEN) : 0;
    }

    int dport() {
        int p = proto();
        return p == Wire.PROTO_TCP || p == Wire.PROTO_UDP ? Wire.get16(ip, Wire.IP_HLEN + 2) : 0;
    }

    int tcpFlags() {
        return ip[Wire.IP_HLEN + 13] & 0xff;
    }

    long tcpSeq() {
        return Wire.get32(ip, Wire.IP_HLEN + 4) & 0xFFFF_FFFFL;
    }

    int tcpPayload() {
        int thl = ((ip[Wire.IP_HLEN + 12] & 0xff) >>> 4) * 4;
        return ip.length - Wire.IP_HLEN - thl;
    }

    int icmpType() {
        return ip[Wire.IP_HLEN] & 0xff;
    }

    int icmpCode() {
        return ip[Wire.IP_HLEN + 1] & 0xff;
    }

    boolean isIcmpError() {
        if (proto() != Wire.PROTO_ICMP) {
            return false;
        }
        int t = icmpType();
        return t == 3 || t == 11 || t == 12;
    }

    /** Conntrack tuple: ports for TCP/UDP, the echo identifier for ICMP echo (request: sport, reply: dport). */
    Conntrack.Key ctKey() {
        int p = proto();
        if (p == Wire.PROTO_ICMP) {
            int echoId = Wire.get16(ip, Wire.IP_HLEN + 4);
            return icmpType() == 0 ? new Conntrack.Key(p, src(), dst(), 0, echoId) : new Conntrack.Key(p, src(), dst(), echoId, 0);
        }
        return new Conntrack.Key(p, src(), dst(), sport(), dport());
    }

    /** The tuple of the datagram an ICMP error quotes, or null when it quotes too little. */
    Conntrack.Key quotedKey() {
        int q = Wire.IP_HLEN + 8;
        if (ip.length < q + Wire.IP_HLEN + 4) {
            return null;
        }
        int proto = ip[q + 9] & 0xff;
        int s = Wire.get32(ip, q + 12);
        int d = Wire.get32(ip, q + 16);
        if (proto == Wire.PROTO_TCP || proto == Wire.PROTO_UDP) {
            return new Conntrack.Key(proto, s, d, Wire.get16(ip, q + Wire.IP_HLEN), Wire.get16(ip, q + Wire.IP_HLEN + 2));
        }
        if (proto == Wire.PROTO_ICMP && ip.length >= q + Wire.IP_HLEN + 8) {
            return new Conntrack.Key(proto, s, d, Wire.get16(ip, q + Wire.IP_HLEN + 4), 0);
        }
        return new Conntrack.Key(proto, s, d, 0, 0);
    }

    String protoName() {
        return switch (proto()) {
            case Wire.PROTO_TCP -> "tcp";
            case Wire.PROTO_UDP -> "udp";
            case Wire.PROTO_ICMP -> "icmp";
            default -> "ip-" + proto();
        };
    }

    Flow flow() {
        return new Flow(Ipv4.format(src()), sport(), Ipv4.format(dst()), dport(), protoName());
    }

    /** A short description: {@code TCP SYN}, {@code TCP PSH-ACK 312 bytes}, {@code UDP 512 bytes}, {@code ICMP echo request}. */
    String summary() {
        switch (proto()) {
            case Wire.PROTO_TCP -> {
                return TcpFlag.summary(tcpFlags(), tcpPayload());
            }
            case Wire.PROTO_UDP -> {
                return "UDP " + (length() - Wire.IP_HLEN - Wire.UDP_HLEN) + " bytes";
            }
            case Wire.PROTO_ICMP -> {
                int t = icmpType();
                int c = icmpCode();
                int mtu = t == IcmpMessage.DEST_UNREACHABLE && c == IcmpMessage.FRAG_NEEDED ? Wire.get16(ip, Wire.IP_HLEN + 6) : 0;
                return "ICMP " + IcmpMessage.describe(t, c, mtu);
            }
            default -> {
                return "IP protocol " + proto();
            }
        }
    }
}
