package dev.silkscreen.model;

/**
 * Names of ICMP (RFC 792) types and destination-unreachable codes, written once for the decoder's
 * lines, the journeys' summaries and reasons, the simulator and the inspector.
 */
public final class IcmpMessage {
    public static final int ECHO_REPLY = 0;
    public static final int DEST_UNREACHABLE = 3;
    public static final int ECHO_REQUEST = 8;
    public static final int TIME_EXCEEDED = 11;
    /** Destination-unreachable codes. */
    public static final int NET_UNREACHABLE = 0;
    public static final int HOST_UNREACHABLE = 1;
    public static final int PORT_UNREACHABLE = 3;
    public static final int FRAG_NEEDED = 4;

    private IcmpMessage() {
    }

    /** The name of an ICMP type ({@code echo request}, {@code destination unreachable} ...), null when unknown. */
    public static String typeName(int type) {
        return switch (type) {
            case ECHO_REPLY -> "echo reply";
            case DEST_UNREACHABLE -> "destination unreachable";
            case 4 -> "source quench";
            case 5 -> "redirect";
            case ECHO_REQUEST -> "echo request";
            case TIME_EXCEEDED -> "time exceeded";
            case 12 -> "parameter problem";
            default -> null;
        };
    }

    /** The name of a destination-unreachable code ({@code port unreachable} ...), null when unknown. */
    public static String unreachableName(int code) {
        return switch (code) {
            case NET_UNREACHABLE -> "net unreachable";
            case HOST_UNREACHABLE -> "host unreachable";
            case 2 -> "protocol unreachable";
            case PORT_UNREACHABLE -> "port unreachable";
            case FRAG_NEEDED -> "fragmentation needed";
            case 5 -> "source route failed";
            case 6 -> "destination network unknown";
            case 7 -> "destination host unknown";
            case 9 -> "network administratively prohibited";
            case 10 -> "host administratively prohibited";
            case 13 -> "communication administratively prohibited";
            default -> null;
        };
    }

    /** True for the codes a REJECT or a firewall answers with: port unreachable and the prohibited ones. */
    public static boolean isRejection(int type, int code) {
        return type == DEST_UNREACHABLE && (code == PORT_UNREACHABLE || code == 9 || code == 10 || code == 13);
    }

    /**
     * What an ICMP message says, without the word ICMP: {@code echo request}, {@code port unreachable},
     * {@code fragmentation needed (MTU 1450)}, {@code destination unreachable (code 14)},
     * {@code type 42 code 1}.
     *
     * @param mtu next-hop MTU of a "fragmentation needed" (shown when above 0)
     */
    public static String describe(int type, int code, int mtu) {
        if (type == DEST_UNREACHABLE) {
            String name = unreachableName(code);
            if (name == null) {
                return "destination unreachable (code " + code + ")";
            }
            return code == FRAG_NEEDED && mtu > 0 ? name + " (MTU " + mtu + ")" : name;
        }
        String name = typeName(type);
        if (name == null) {
            return "type " + type + " code " + code;
        }
        return name;
    }
}
