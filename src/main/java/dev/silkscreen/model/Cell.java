package dev.silkscreen.model;

/**
 * A Diego cell: its underlay address and MTU and its overlay lease (a /24 of 10.255.0.0/16).
 *
 * @param name        e.g. {@code cell1} or {@code diego-cell/0}
 * @param underlayIp  dotted IPv4 of the underlay NIC
 * @param underlayNic underlay interface name (eth0 on most IaaSes)
 * @param underlayMtu underlay MTU (1500 unless the IaaS says otherwise)
 * @param subnet      leased overlay subnet, e.g. {@code 10.255.1.0/24}
 */
public record Cell(String name, String underlayIp, String underlayNic, int underlayMtu, String subnet) {

    /** Address of the subnet, e.g. 10.255.1.0 (also the VTEP's address). */
    public int subnetAddress() {
        int slash = subnet.indexOf('/');
        return Ipv4.parse(slash < 0 ? subnet : subnet.substring(0, slash));
    }

    public int subnetPrefix() {
        int slash = subnet.indexOf('/');
        return slash < 0 ? 24 : Integer.parseInt(subnet.substring(slash + 1));
    }

    /** silk-vtep address ({@code <subnet>.0}, configured as /16). */
    public String vtepIp() {
        return Ipv4.format(subnetAddress());
    }

    public long vtepMac() {
        return SilkNames.vtepMac(subnetAddress());
    }

    /** silk-vtep and container MTU: underlay MTU minus the 50 bytes of VXLAN overhead. */
    public int overlayMtu() {
        return underlayMtu - SilkNames.VXLAN_OVERHEAD;
    }

    public boolean holds(int overlayIp) {
        return Ipv4.inSubnet(overlayIp, subnetAddress(), subnetPrefix());
    }
}
