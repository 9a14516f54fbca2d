package dev.silkscreen.live.profile;

import dev.silkscreen.live.ssh.SshTarget;
import java.util.List;

/**
 * One Diego cell in a profile.
 *
 * @param name       the cell's name in the picture and in capture points ({@code diego-cell/0})
 * @param ssh        how to reach it
 * @param sudo       run the privileged commands (tcpdump, iptables-save) through {@code sudo -n}
 * @param interfaces interfaces to capture on; empty means the discovered c2c ones
 */
public record CellTarget(String name, SshTarget ssh, boolean sudo, List<String> interfaces) {
    public CellTarget {
        interfaces = List.copyOf(interfaces);
    }
}
