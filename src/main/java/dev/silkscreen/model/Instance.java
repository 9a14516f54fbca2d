package dev.silkscreen.model;

/**
 * One app instance (container) on a cell.
 *
 * @param app    app name
 * @param index  instance index
 * @param cell   cell name
 * @param ip     container overlay IP (from the cell's lease)
 * @param handle garden container handle (names the {@code overlay--} chain)
 */
public record Instance(String app, int index, String cell, String ip, String handle) {
    public int ipInt() {
        return Ipv4.parse(ip);
    }

    public String vethName() {
        return SilkNames.vethName(ipInt());
    }

    public long containerMac() {
        return SilkNames.containerMac(ipInt());
    }

    public long hostVethMac() {
        return SilkNames.hostVethMac(ipInt());
    }
}
