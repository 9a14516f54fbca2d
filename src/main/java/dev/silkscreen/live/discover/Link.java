package dev.silkscreen.live.discover;

/**
 * One network interface as {@code ip -j -d link} shows it.
 *
 * @param name  interface name
 * @param kind  {@code linkinfo.info_kind} (veth, vxlan, bridge …), empty for plain devices
 * @param mtu   MTU
 * @param mac   link-layer address, lower case
 * @param up    administratively up (flag UP)
 * @param peer  the {@code link} field (a veth's peer, a VXLAN's lower device), null when absent
 * @param vxlan VXLAN details when {@code kind} is vxlan, else null
 */
public record Link(String name, String kind, int mtu, String mac, boolean up, String peer, Vxlan vxlan) {

    /** {@code linkinfo.info_data} of a VXLAN device: what silk-vtep must look like. */
    public record Vxlan(int vni, String local, String device, int port, boolean gbp, boolean learning) {
    }
}
