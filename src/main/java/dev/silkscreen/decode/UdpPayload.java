package dev.silkscreen.decode;

/** What the decoder does with the payload of a UDP datagram to or from a given port. */
public enum UdpPayload {
    /** Opaque application data: decoding stops after the UDP header. */
    DATA,
    /** A VXLAN header (with the Group Based Policy extension) and an Ethernet frame. */
    VXLAN
}
