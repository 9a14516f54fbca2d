package dev.silkscreen.live.stream;

import dev.silkscreen.live.profile.CaptureSettings;

/** Which BPF filter the tcpdump on each interface of a cell gets. */
@FunctionalInterface
public interface PointFilters {
    /** The whole foundation: the profile's filter on overlay points, VXLAN only on the underlay NIC. */
    PointFilters WHOLE = TcpdumpCommand::filterFor;

    /**
     * @param iface       the interface to capture on
     * @param underlayNic the cell's underlay NIC as discovery found it (null when none was)
     * @param limits      the profile's capture settings
     * @return a BPF expression, empty for none
     */
    String filterFor(String iface, String underlayNic, CaptureSettings limits);
}
