package dev.silkscreen.live.discover;

import java.util.List;
import java.util.Map;

/**
 * What {@code iptables-save} tells about c2c policy on one cell.
 *
 * @param vpaChain  the active {@code vpa--} chain (the one FORWARD jumps to first), null when none
 * @param tags      source container IP → tag ({@code -j MARK --set-xmark}), in rule order
 * @param accepts   the chain's ACCEPT rules: who may reach which destination
 * @param handles   container IP → garden handle, from the {@code overlay--<handle>} chains
 * @param rawRules  the lines of the vpa-- and overlay-- chains as iptables-save wrote them
 * @param unread    why each vpa-- or overlay-- line the grammar could not read was passed over
 */
public record IptablesRules(String vpaChain, List<TagRule> tags, List<AcceptRule> accepts,
                            Map<String, String> handles, List<String> rawRules, List<String> unread) {

    /** {@code -s IP/32 … -j MARK --set-xmark 0xTAG/0xffffffff}: packets from this container carry its app's tag. */
    public record TagRule(String srcIp, int tag, String srcGuid) {
    }

    /**
     * {@code -d IP/32 -p PROTO … --dport A[:B] -m mark --mark 0xTAG … -j ACCEPT}.
     * Ports are 0 for ICMP.
     */
    public record AcceptRule(String dstIp, String proto, int portStart, int portEnd, int tag, String srcGuid, String dstGuid) {
    }
}
